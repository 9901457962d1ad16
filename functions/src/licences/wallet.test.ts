import { createHmac } from 'node:crypto';
import type { LicenceState } from './issued-licences';
import { canonicalQuery, provincialLicenceService, signRequest } from './provincial-licences';
import { licenceStanding, mergeWallet, unusableMessage, type HeldLicence } from './wallet';

const issued = (number: string, status: LicenceState['status'], validUntil?: string) =>
  ({
    licenceId: `340000-LY-001-X-${number}`,
    kind: 'travel_agency',
    number,
    status,
    current: { typeName: '旅行社业务经营许可证', issuer: { name: '黄山市文化和旅游局', code: 'X' }, ...(validUntil ? { validUntil } : {}) },
  }) as unknown as LicenceState;
const provincial = (number: string, status: HeldLicence['status'], validUntil?: string): HeldLicence => ({
  name: '旅行社业务经营许可证',
  number,
  issuer: '黄山市文化和旅游局',
  ...(validUntil ? { validUntil } : {}),
  status,
  source: 'provincial',
});

describe('the signature of a request to the provincial e-licence service', () => {
  it('is HMAC-SHA256 of method, path, sorted query and timestamp', () => {
    const query = new URLSearchParams({ holderType: 'person', holderCode: '34100219880315242X' });
    expect(canonicalQuery(query)).toBe('holderCode=34100219880315242X&holderType=person');
    const expected = createHmac('sha256', 's3cret').update('GET\n/api/v1/licences\nholderCode=34100219880315242X&holderType=person\n1700000000000').digest('hex');
    expect(signRequest('s3cret', 'get', '/api/v1/licences', query, '1700000000000')).toBe(expected);
    expect(signRequest('other', 'GET', '/api/v1/licences', query, '1700000000000')).not.toBe(expected);
  });

  it('is sent with the app id and timestamp, and the answer is read into the wallet', async () => {
    let seen: { url: string; headers: Record<string, string> } | undefined;
    const fetch = (async (url: URL, init: RequestInit) => {
      seen = { url: String(url), headers: init.headers as Record<string, string> };
      return new Response(JSON.stringify({ code: 0, data: [{ licenceName: '营业执照', licenceNumber: 'N1', issuer: 'I', status: 'valid' }, { bogus: true }] }));
    }) as unknown as typeof globalThis.fetch;
    const service = provincialLicenceService({ baseUrl: 'https://e.example/base', appId: 'app-1', secret: async () => 'k', now: () => 42, fetch });
    expect(await service.licencesOf({ kind: 'enterprise', creditCode: '91341000MA2T3K4L5J' })).toEqual([{ name: '营业执照', number: 'N1', issuer: 'I', status: 'valid', source: 'provincial' }]);
    expect(seen!.url).toBe('https://e.example/base/api/v1/licences?holderCode=91341000MA2T3K4L5J&holderType=enterprise');
    expect(seen!.headers).toMatchObject({
      'X-App-Id': 'app-1',
      'X-Timestamp': '42',
      'X-Signature': signRequest('k', 'GET', '/base/api/v1/licences', new URLSearchParams({ holderType: 'enterprise', holderCode: '91341000MA2T3K4L5J' }), '42'),
    });
  });

  it('fails on an error code, so the wallet answers without it', async () => {
    const fetch = (async () => new Response(JSON.stringify({ code: 40101, message: 'bad' }), { status: 401 })) as unknown as typeof globalThis.fetch;
    const service = provincialLicenceService({ baseUrl: 'https://e.example', appId: 'a', secret: async () => 'k', fetch });
    await expect(service.licencesOf({ kind: 'person', idNumber: '1' })).rejects.toThrow(/HTTP 401 code 40101/);
  });
});

describe('the merged wallet', () => {
  it('keeps a number both sources know once, as this system has it, and is incomplete without the province', () => {
    const wallet = mergeWallet([issued('L-1', 'revoked'), issued('L-2', 'valid')], [provincial('L-1', 'valid'), provincial('L-9', 'valid')]);
    expect(wallet.complete).toBe(true);
    expect(wallet.licences.map((l) => [l.number, l.status, l.source])).toEqual([
      ['L-1', 'revoked', 'issued'],
      ['L-9', 'valid', 'provincial'],
      ['L-2', 'valid', 'issued'],
    ]);
    expect(wallet.licences[0]!.licenceId).toBe('340000-LY-001-X-L-1');
    const alone = mergeWallet([issued('L-2', 'valid')], undefined);
    expect(alone).toEqual({ complete: false, licences: [expect.objectContaining({ number: 'L-2', source: 'issued' })] });
  });

  it('uses a valid licence of the name when there is one, else tells why the one held cannot be used', () => {
    const today = '2026-05-01';
    expect(licenceStanding(mergeWallet([issued('L-1', 'revoked')], [provincial('L-2', 'valid')]), '旅行社业务经营许可证', today)).toMatchObject({ usable: true, licence: { number: 'L-2' } });
    const revoked = licenceStanding(mergeWallet([], [provincial('L-AH-00512', 'revoked')]), '旅行社业务经营许可证', today);
    expect(revoked).toMatchObject({ usable: false, problem: 'revoked' });
    expect(unusableMessage(revoked!.licence, 'revoked')).toBe('您的旅行社业务经营许可证（L-AH-00512）已被吊销，不能作为申请材料');
    expect(licenceStanding(mergeWallet([], [provincial('L-3', 'valid', '2026-04-30')]), '旅行社业务经营许可证', today)).toMatchObject({ usable: false, problem: 'expired' });
    expect(licenceStanding(mergeWallet([issued('L-4', 'valid')], []), '旅行社业务经营许可证', today)).toMatchObject({ usable: true });
    expect(licenceStanding(mergeWallet([], []), '旅行社业务经营许可证', today)).toBeUndefined();
  });
});
