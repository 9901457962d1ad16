import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LicencePayload } from './licence';
import { canonicalJson, checkLicenceToken, fromBase64Url, generateLicenceKeyPair, licenceKeyPoint, publicKeyOf, signLicence, toBase64Url } from './token';

const keys = generateLicenceKeyPair();
const published = [{ keyId: 'k2026', publicKey: keys.publicKey }];
const payload: LicencePayload = {
  format: 'AHL1',
  keyId: 'k2026',
  licenceId: '340000-LY-002-11341000MB1A2B3C4D-000012',
  kind: 'tour_guide',
  typeCode: '340000-LY-002',
  typeName: '导游证',
  number: 'D-3410-2026-00012',
  version: 1,
  holder: { kind: 'person', name: '王小明', code: '3410**********123X' },
  issuer: { name: '黄山市文化和旅游局', code: '11341000MB1A2B3C4D' },
  issuedOn: '2026-12-04',
  validFrom: '2026-12-04',
  validUntil: '2029-12-03',
  scope: ['导游服务'],
  details: { language: '普通话', level: '初级' },
  caseNumber: '20261204341000ABCDEFGH',
};

describe('licence tokens (SM2 with SM3 over the canonical payload)', () => {
  it('verifies a token it signed with the published key alone', () => {
    const token = signLicence(payload, keys.privateKey);
    expect(token.split('.')).toHaveLength(3);
    expect(checkLicenceToken(token, published)).toEqual({ ok: true, payload });
    expect(publicKeyOf(keys.privateKey)).toBe(keys.publicKey);
  });

  it('finds a changed byte of the payload, a signature of another key and an unpublished key', () => {
    const token = signLicence(payload, keys.privateKey);
    const [prefix, body, signature] = token.split('.');
    const text = new TextDecoder().decode(fromBase64Url(body!)!);
    const altered = toBase64Url(new TextEncoder().encode(text.replace('D-3410-2026-00012', 'D-3410-2026-00013')));
    expect(checkLicenceToken(`${prefix}.${altered}.${signature}`, published)).toEqual({ ok: false, reason: 'bad_signature' });
    const other = generateLicenceKeyPair();
    expect(checkLicenceToken(signLicence(payload, other.privateKey), published)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkLicenceToken(signLicence({ ...payload, keyId: 'k2099' }, keys.privateKey), published)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('checks with each published key prepared once (precomputed point), old and new keys alike, and is not fooled or broken by a bad key', () => {
    const rotated = generateLicenceKeyPair();
    const both = [...published, { keyId: 'k2027', publicKey: rotated.publicKey }];
    const point = licenceKeyPoint(keys.publicKey);
    expect(point.toHex(false)).toBe(keys.publicKey);
    expect(licenceKeyPoint(keys.publicKey)).toBe(point);
    expect(licenceKeyPoint(rotated.publicKey)).not.toBe(point);
    expect(checkLicenceToken(signLicence(payload, keys.privateKey), both)).toEqual({ ok: true, payload });
    expect(checkLicenceToken(signLicence({ ...payload, keyId: 'k2027' }, rotated.privateKey), both)).toEqual({ ok: true, payload: { ...payload, keyId: 'k2027' } });
    // Signed with the other published key's private key under this key's id.
    expect(checkLicenceToken(signLicence({ ...payload, keyId: 'k2027' }, keys.privateKey), both)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkLicenceToken(signLicence(payload, keys.privateKey), [{ keyId: 'k2026', publicKey: '04zz' }])).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('accepts only the canonical text of a licence: extra fields, spacing or garbage are malformed', () => {
    const bodyOf = (text: string) => toBase64Url(new TextEncoder().encode(text));
    const signature = signLicence(payload, keys.privateKey).split('.')[2];
    expect(checkLicenceToken(`AHL1.${bodyOf(JSON.stringify(payload, null, 1))}.${signature}`, published)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkLicenceToken(`AHL1.${bodyOf(canonicalJson({ ...payload, extra: 1 }))}.${signature}`, published)).toEqual({ ok: false, reason: 'malformed' });
    for (const junk of ['', 'AHL1', 'AHL1..', 'JWT.a.b', 'AHL1.@@.##', `AHL1.${bodyOf('not json')}.${signature}`, `${signLicence(payload, keys.privateKey)}.x`]) {
      expect(checkLicenceToken(junk, published)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('writes canonical JSON with sorted keys at every level and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 'x', e: undefined }], c: '中' } })).toBe('{"a":{"c":"中","d":[2,{"f":"x"}]},"b":1}');
    for (const length of [0, 1, 2, 3, 4, 5, 31]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) % 256);
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
  });

  it('is verified by OpenSSL with the public key alone, with the script the README shows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'licence-'));
    const script = path.resolve(__dirname, '..', '..', '..', 'scripts', 'licences', 'verify-offline.sh');
    try {
      const token = signLicence(payload, keys.privateKey);
      writeFileSync(path.join(dir, 'token.txt'), `${token}\n`);
      const output = execFileSync(script, [path.join(dir, 'token.txt'), keys.publicKey], { encoding: 'utf8', stdio: 'pipe' });
      expect(output).toContain('Signature Verified Successfully');
      expect(JSON.parse(output.split('\n')[1]!)).toEqual(payload);
      const [prefix, body, signature] = token.split('.');
      const altered = Buffer.from(body!, 'base64url').toString('utf8').replace('王小明', '王小红');
      writeFileSync(path.join(dir, 'altered.txt'), `${prefix}.${Buffer.from(altered).toString('base64url')}.${signature}`);
      expect(() => execFileSync(script, [path.join(dir, 'altered.txt'), keys.publicKey], { stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
