import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import type { Applicant } from '@ah-tourism/shared';
import { prefillFrom, type EarlierApplication } from './prefill';

const seed = loadCatalogSeed();
const item = (name: string, regionCode: string) => seed.items.find((i) => i.name === name && i.regionCode === regionCode)!;
const agencyLicence = item('旅行社业务经营许可', '341000');
const outlet = item('旅行社服务网点设立备案', '341000');
const rating = item('A级旅游景区质量等级评定', '341000');

const agent = { name: '程晓雨', idNumber: '34100219900307123X', mobile: '13955912345' };
const enterprise: Applicant = { kind: 'enterprise', enterprise: { name: '黄山云海旅行社有限公司', creditCode: '91341000MA2T3K4L5X', legalRepresentative: '汪明' }, agent };
const person: Applicant = { kind: 'person', person: { name: '李娜', idNumber: '340102199003071234', mobile: '13800000000' } };
const earlier = (submittedAt: string, applicant: Applicant, fields: Record<string, unknown>): EarlierApplication => ({ submittedAt, applicant, fields });

describe('prefill from the person’s earlier applications', () => {
  it('has nothing to offer without earlier applications', () => {
    expect(prefillFrom(agencyLicence, [])).toEqual({ found: false, from: null, fields: {} });
  });

  it('takes the latest applicant, enterprise and agent, and the item’s fields of the same key, never its dates, amounts or choices', () => {
    const prefill = prefillFrom(agencyLicence, [
      earlier('2026-11-02T01:00:00.000Z', enterprise, { agencyName: '旧名称旅行社', premisesAddress: '黄山市屯溪区老街1号' }),
      earlier('2026-11-20T01:00:00.000Z', { ...enterprise, agent: { ...agent, mobile: '13955900002' } }, { agencyName: '黄山云海旅行社有限公司', outletAddress: '黄山市黄山区汤口镇1号' }),
      earlier('2026-11-10T01:00:00.000Z', person, { premisesTenure: '自有产权', registeredCapital: 30, openingDate: '2026-12-01' }),
    ]);
    expect(prefill).toEqual({
      found: true,
      from: '2026-11-20T01:00:00.000Z',
      person: person.kind === 'person' ? person.person : undefined,
      enterprise: enterprise.kind === 'enterprise' ? enterprise.enterprise : undefined,
      agent: { ...agent, mobile: '13955900002' },
      // The newest agency name; the address from the older application that had this key (outletAddress is another field).
      fields: { agencyName: '黄山云海旅行社有限公司', premisesAddress: '黄山市屯溪区老街1号' },
    });
    expect(prefillFrom(outlet, [earlier('2026-11-20T01:00:00.000Z', enterprise, { agencyName: '黄山云海旅行社有限公司', premisesAddress: '黄山市屯溪区老街1号' })]).fields).toEqual({ agencyName: '黄山云海旅行社有限公司' });
  });

  it('offers no value this item would refuse', () => {
    const prefill = prefillFrom(agencyLicence, [earlier('2026-11-20T01:00:00.000Z', enterprise, { agencyName: '', premisesAddress: '短' })]);
    expect(prefill.fields).toEqual({});
    expect(prefill.found).toBe(true);
    // Choices are never carried over, whatever the earlier answer (and a grade this city does not rate least of all).
    expect(prefillFrom(rating, [earlier('2026-11-20T01:00:00.000Z', enterprise, { scenicName: '黄山翡翠谷景区', targetGrade: 'AAAA级' })]).fields).toEqual({ scenicName: '黄山翡翠谷景区' });
  });
});
