import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import { materialSchema } from '../catalog/guide';
import { creditCodeCheckChar } from '../identity/credit-code';
import { residentIdCheckChar } from '../identity/resident-id';
import { applicationSchema, commitmentProblems, materialRequirement } from './application';
import { commitmentTextHash } from './commitment';

const seed = loadCatalogSeed();
const agencyLicence = seed.items.find((i) => i.name === '旅行社业务经营许可' && i.regionCode === '341000')!;
const facilities = agencyLicence.guide.materials.find((m) => m.id === 'facilities')!;
const id = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

describe('告知承诺制', () => {
  it('hashes the text with SM3 (GB/T 32905 test vector), over its UTF-8 bytes', () => {
    expect(commitmentTextHash('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(commitmentTextHash(facilities.commitment!.text)).toMatch(/^[0-9a-f]{64}$/);
    expect(commitmentTextHash('本单位承诺。')).not.toBe(commitmentTextHash('本单位承诺'));
  });

  it('is offered by the seed where 证照分离 allows it: 营业设施 and the premises lease, not the staff list', () => {
    const promised = agencyLicence.guide.materials.filter((m) => m.commitment).map((m) => m.id);
    expect(promised).toEqual(['premises-lease', 'facilities']);
  });

  it('validates the guide option with Chinese messages naming the field', () => {
    const base = { id: 'x', name: '营业设施设备说明', kind: 'original', form: 'electronic', necessity: 'required', source: 'applicant', acceptanceStandard: '清晰完整' };
    const message = (input: object) => materialSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(message({ ...base, commitment: {} })).toEqual(['commitment.text: 缺少承诺内容']);
    expect(message({ ...base, commitment: { text: '  ' } })).toEqual(['commitment.text: 承诺内容不能为空']);
    expect(message({ ...base, commitment: 'yes' })).toEqual(['commitment: 告知承诺格式不正确']);
    expect(message({ ...base, source: 'issued_licence', licenceName: '营业执照', issuer: '市场监督管理部门', commitment: { text: '本单位承诺' } })).toEqual([
      'commitment: 材料“营业设施设备说明”不适用告知承诺',
    ]);
    expect(message({ ...base, commitment: { text: '本单位承诺' } })).toBeUndefined();
  });

  it('lets a commitment stand for a required upload, but not both, and refuses a wrong or unallowed one', () => {
    const body = (materials: Record<string, unknown>, commitments?: Record<string, unknown>) => ({
      implementationCode: agencyLicence.implementationCode,
      applicant: {
        kind: 'enterprise',
        enterprise: { name: '黄山云海旅行社有限公司', creditCode: `91341000MA2T3K4L5${creditCodeCheckChar('91341000MA2T3K4L5')}`, legalRepresentative: '汪明' },
        agent: { name: '程晓雨', idNumber: id('34100219900307123'), mobile: '13955912345' },
      },
      fields: { agencyName: '黄山云海旅行社有限公司', premisesAddress: '黄山市屯溪区新安北路88号', premisesTenure: '自有产权', registeredCapital: 30 },
      materials,
      ...(commitments ? { commitments } : {}),
    });
    const uploads = Object.fromEntries(
      agencyLicence.guide.materials
        .filter((m) => materialRequirement(m, true) === 'upload_required' && m.id !== 'facilities')
        .map((m) => [m.id, [{ key: `materials/u/${m.id}.pdf`, fileName: `${m.id}.pdf` }]]),
    );
    const schema = applicationSchema(agencyLicence);
    const promise = { facilities: { textHash: commitmentTextHash(facilities.commitment!.text) } };
    expect(schema.safeParse(body(uploads, promise)).error?.issues).toBeUndefined();
    const messages = (input: object) => schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(messages(body(uploads))).toEqual(['请上传“营业设施设备说明及经营场所照片”，或阅读并确认告知承诺']);
    expect(messages(body({ ...uploads, facilities: [{ key: 'materials/u/f.pdf', fileName: 'f.pdf' }] }, promise))).toEqual(['“营业设施设备说明及经营场所照片”已选择告知承诺，无需再上传文件']);
    expect(commitmentProblems(agencyLicence, { facilities: { textHash: commitmentTextHash('别的内容') } })).toEqual([
      { path: 'commitments.facilities', message: '“营业设施设备说明及经营场所照片”的承诺内容已更新，请重新阅读并确认' },
    ]);
    expect(commitmentProblems(agencyLicence, { application: promise.facilities, nothing: promise.facilities })).toEqual([
      { path: 'commitments.application', message: '“旅行社业务经营许可申请书”不适用告知承诺制，请按要求提交材料' },
      { path: 'commitments.nothing', message: '办事指南中没有这项材料' },
    ]);
  });
});
