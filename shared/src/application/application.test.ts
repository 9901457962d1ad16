import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import { creditCodeCheckChar } from '../identity/credit-code';
import { residentIdCheckChar } from '../identity/resident-id';
import { applicationSchema, materialRequirement } from './application';
import { fieldSchema } from './fields';

const seed = loadCatalogSeed();
const agencyLicence = seed.items.find((i) => i.name === '旅行社业务经营许可' && i.regionCode === '341000')!;
const guideLicence = seed.items.find((i) => i.name === '导游证核发' && i.regionCode === '340000')!;
const id = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
const file = (name: string) => [{ key: `materials/local-user/${name}.pdf`, fileName: `${name}.pdf` }];

function uploadsFor(item: typeof agencyLicence, throughAgent: boolean) {
  return Object.fromEntries(
    item.guide.materials.filter((m) => materialRequirement(m, throughAgent) === 'upload_required').map((m) => [m.id, file(m.id)]),
  );
}

describe('application schema built from a guide', () => {
  const enterprise = {
    kind: 'enterprise',
    enterprise: { name: '黄山云海旅行社有限公司', creditCode: `91341000MA2T3K4L5${creditCodeCheckChar('91341000MA2T3K4L5')}`, legalRepresentative: '汪明' },
    agent: { name: '程晓雨', idNumber: id('34100219900307123'), mobile: '13955912345' },
  };
  const fields = { agencyName: '黄山云海旅行社有限公司', premisesAddress: '黄山市屯溪区新安北路88号', premisesTenure: '自有产权', registeredCapital: 30 };

  it('accepts a complete enterprise application through an agent', () => {
    const result = applicationSchema(agencyLicence).safeParse({
      implementationCode: agencyLicence.implementationCode,
      applicant: enterprise,
      fields,
      materials: uploadsFor(agencyLicence, true),
    });
    expect(result.error?.issues).toBeUndefined();
  });

  it('requires the authorisation letter only when someone applies on another’s behalf', () => {
    const letter = guideLicence.guide.materials.find((m) => m.requiredWhen === 'agent')!;
    const person = { name: '李娜', idNumber: id('34010219900307123'), mobile: '13800000000' };
    const base = { implementationCode: guideLicence.implementationCode, fields: { qualificationNumber: 'DYZG-2026-001', language: '中文', employer: '安徽中旅' } };
    const self = applicationSchema(guideLicence).safeParse({ ...base, applicant: { kind: 'person', person }, materials: uploadsFor(guideLicence, false) });
    expect(self.success).toBe(true);
    const onBehalf = applicationSchema(guideLicence).safeParse({
      ...base,
      applicant: { kind: 'person', person, agent: { name: '王强', idNumber: id('34010219850101123'), mobile: '13900000000' } },
      materials: uploadsFor(guideLicence, false),
    });
    expect(onBehalf.error?.issues).toEqual([expect.objectContaining({ path: ['materials', letter.id], message: `请上传“${letter.name}”` })]);
  });

  it('refuses uploads for licence-sourced materials and materials the guide does not list', () => {
    const licence = agencyLicence.guide.materials.find((m) => m.source === 'issued_licence')!;
    const result = applicationSchema(agencyLicence).safeParse({
      implementationCode: agencyLicence.implementationCode,
      applicant: enterprise,
      fields,
      materials: { ...uploadsFor(agencyLicence, true), [licence.id]: file('licence'), 'extra-proof': file('extra') },
    });
    const messages = result.error?.issues.map((i) => i.message);
    expect(messages).toEqual([`“${licence.name}”由电子证照自动获取，无需上传`, '办事指南中没有这项材料']);
  });

  it('validates item fields and identity numbers with messages next to the field', () => {
    const result = applicationSchema(agencyLicence).safeParse({
      implementationCode: agencyLicence.implementationCode,
      applicant: { ...enterprise, agent: { ...enterprise.agent, idNumber: '340102199003071230', mobile: '1234' } },
      fields: { ...fields, premisesTenure: '借用', registeredCapital: -1, unknownField: 'x' },
      materials: uploadsFor(agencyLicence, true),
    });
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath['applicant.agent.idNumber']).toMatch(/身份证号码/);
    expect(byPath['applicant.agent.mobile']).toBe('手机号码应为11位，以1开头');
    expect(byPath['fields.premisesTenure']).toBe('请从选项中选择经营场所性质');
    expect(byPath['fields.registeredCapital']).toBe('注册资本（万元）不能小于0');
    expect(byPath['fields']).toMatch(/unknownField/);
  });

  it('treats an empty optional field as not filled in, and an empty required one as missing', () => {
    expect(fieldSchema({ key: 'englishName', label: '英文名称', type: 'text', required: false }).safeParse('').success).toBe(true);
    const required = fieldSchema({ key: 'agencyName', label: '旅行社名称', type: 'text', required: true }).safeParse('');
    expect(required.error?.issues[0]?.message).toBe('请填写旅行社名称');
  });
});

describe('one complete list of problems', () => {
  it('reports missing materials in the same round as invalid fields', () => {
    const result = applicationSchema(agencyLicence).safeParse({
      implementationCode: agencyLicence.implementationCode,
      applicant: { kind: 'enterprise' },
      fields: { premisesTenure: '借用' },
      materials: {},
    });
    const paths = (result.error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['applicant.enterprise', 'fields.premisesTenure', 'fields.agencyName']));
    const firstUpload = agencyLicence.guide.materials.find((m) => m.source === 'applicant' && m.necessity === 'required')!;
    expect(paths).toContain(`materials.${firstUpload.id}`);
  });

  it('admits only the applicant kinds the guide serves', () => {
    const result = applicationSchema(agencyLicence).safeParse({
      implementationCode: agencyLicence.implementationCode,
      applicant: { kind: 'person', person: { name: '李娜', idNumber: id('34010219900307123'), mobile: '13800000000' } },
      fields: {},
      materials: {},
    });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['applicant', 'kind'], message: '本事项仅受理企业或其他组织的申请' }));
  });
});
