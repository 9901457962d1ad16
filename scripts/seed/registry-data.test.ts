import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidCreditCode } from '../../shared/src/identity/credit-code';
import { LICENCE_NUMBER_SHAPE } from '../../shared/src/licences/registry-text';
import { checkLicenceToken, generateLicenceKeyPair, publicKeyOf } from '../../shared/src/licences/token';
import { DEFAULT_DATA_DIR, loadCatalogSeed } from './catalog-data';
import { loadRegistrySeed } from './registry-data';
import { registryRecords, seededRegistry } from './registry-records';

const catalog = loadCatalogSeed();
const seed = loadRegistrySeed(catalog.regions);
const { privateKey } = generateLicenceKeyPair();
const keys = [{ keyId: 'test-key', publicKey: publicKeyOf(privateKey) }];
const registry = seededRegistry(seed, { organisations: catalog.organisations, signing: { keyId: 'test-key', privateKey } });
const listedIn = (region: string, kind: string) => registry.licences.filter((l) => l.state.kind === kind && (l.state.registryRegion ?? l.state.regionCode) === region);
const cities = catalog.regions.filter((r) => r.level === 'city');

describe('the registry seed (data/registry-seed.json)', () => {
  it.each(cities.map((c) => [c.name, c.code]))('gives %s agencies (some with outbound business) and guides of several languages and levels', (_name, code) => {
    const agencies = listedIn(code, 'travel_agency');
    const guides = listedIn(code, 'tour_guide');
    expect(agencies.length).toBeGreaterThanOrEqual(4);
    expect(agencies.length).toBeLessThanOrEqual(6);
    expect(agencies.some((a) => a.state.current.scope.includes('出境旅游业务'))).toBe(true);
    expect(guides.length).toBeGreaterThanOrEqual(6);
    expect(guides.length).toBeLessThanOrEqual(10);
    expect(new Set(guides.map((g) => g.state.current.details['导游语种'])).size).toBeGreaterThanOrEqual(2);
  });

  it('has licences of the province itself, and every number unique, in the issued format, from before this system (2019–2025)', () => {
    expect(listedIn('340000', 'travel_agency').length).toBeGreaterThan(0);
    expect(listedIn('340000', 'tour_guide').length).toBeGreaterThan(0);
    const numbers = registry.licences.map((l) => l.state.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) {
      expect(number).toMatch(LICENCE_NUMBER_SHAPE);
      expect(Number(number.split('-')[3])).toBeLessThanOrEqual(2025);
    }
    expect(new Set(registry.licences.map((l) => l.state.licenceId)).size).toBe(numbers.length);
  });

  it('gives every agency a valid credit code of its own, none of the example enterprises’ used elsewhere', () => {
    const codes = registry.licences.filter((l) => l.state.kind === 'travel_agency').map((l) => l.state.current.holder.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(isValidCreditCode(code)).toBe(true);
    const wallets = JSON.parse(readFileSync(path.join(DEFAULT_DATA_DIR, 'licences.json'), 'utf8')) as { holderCreditCode: string }[];
    for (const wallet of wallets) expect(codes).not.toContain(wallet.holderCreditCode);
  });

  it('has suspended, revoked and cancelled licences, and guides whose 导游证 expired, with no identity number shown', () => {
    const statuses = new Set(registry.licences.map((l) => l.state.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'revoked', 'suspended', 'valid']);
    const guides = registry.licences.filter((l) => l.state.kind === 'tour_guide');
    expect(guides.some((g) => g.state.status === 'valid' && g.state.current.validUntil! < '2026-01-01')).toBe(true);
    for (const guide of guides) expect(guide.state.current.holder.code).toMatch(/^\d{4}\*{10}\d{4}$/);
    expect(new Set(guides.map((g) => g.state.current.details['等级']))).toEqual(new Set(['初级', '中级', '高级', '特级']));
  });

  it('signs every version verifiably, the re-issued ones (出境) as version 2 by the department', () => {
    for (const { state, versions } of registry.licences) {
      for (const version of versions) expect(checkLicenceToken(version.token, keys)).toEqual({ ok: true, payload: version.payload });
      expect(state.currentToken).toBe(versions.at(-1)!.token);
    }
    const outbound = registry.licences.filter((l) => l.state.current.scope.includes('出境旅游业务'));
    for (const { state } of outbound) expect(state).toMatchObject({ currentVersion: 2, current: { issuer: { name: '安徽省文化和旅游厅' } }, history: [{ action: 'issue' }, { action: 'change' }] });
  });

  it('files branches and outlets under agencies it licenses, and is the same on every run', () => {
    const codes = new Set(registry.licences.map((l) => l.state.current.holder.code));
    expect(registry.filings.some((f) => f.kind === 'branch')).toBe(true);
    expect(registry.filings.some((f) => f.kind === 'outlet')).toBe(true);
    for (const filing of registry.filings) expect(codes.has(filing.creditCode)).toBe(true);
    const again = seededRegistry(seed, { organisations: catalog.organisations, signing: { keyId: 'test-key', privateKey } });
    expect(again.licences.map((l) => [l.state.number, l.state.current.holder])).toEqual(registry.licences.map((l) => [l.state.number, l.state.current.holder]));
    const records = registryRecords(registry);
    expect(records.filter((r) => r.sk === 'STATE')).toHaveLength(registry.licences.length);
    expect(new Set(records.map((r) => `${r.pk as string}|${r.sk as string}`)).size).toBe(records.length);
  });
});
