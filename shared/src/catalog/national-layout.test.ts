import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import type { ImplementationItem } from './guide';
import { summarise } from './guide';
import { nationalGuideSchema, nationalItemSummarySchema, toNationalGuide, toNationalSummary } from './national-layout';

const seed = loadCatalogSeed();
const item = seed.items.find((i) => i.name === '旅行社业务经营许可' && i.regionCode === '341000')!;

describe('toNationalGuide', () => {
  it('maps every element of a guide to its national field, enumerations as code and name', () => {
    const national = toNationalGuide(item);
    expect(nationalGuideSchema.safeParse(national).success).toBe(true);
    expect(national).toMatchObject({
      task_code: item.implementationCode,
      catalog_code: item.basicCode,
      task_name: '旅行社业务经营许可',
      task_type: { code: '01', name: '行政许可' },
      use_level: { code: '3', name: '市级' },
      region_code: '341000',
      dept_name: item.organisation.name,
      dept_code: item.organisation.creditCode,
      serve_objects: [{ code: '2', name: '企业法人' }],
      project_type: { code: '2', name: '承诺件' },
      accept_conditions: item.guide.conditions,
      anticipate_limit: { days: item.guide.statutoryLimit.workingDays, unit: '工作日' },
      promise_limit: { days: item.guide.promisedLimit.workingDays, unit: '工作日' },
      is_charge: item.guide.fees.charged,
      visit_times: item.guide.visitsRequired,
      is_online: item.guide.online.available,
      transact_addr: item.guide.place.address,
      transact_time: item.guide.place.hours,
      link_tels: item.guide.consultPhones,
      supervise_tels: item.guide.complaintPhones,
      result_name: item.guide.result.name,
      handle_range: item.guide.scope,
      version: item.version,
      published_date: item.publishedAt,
    });
    expect(national.by_law).toEqual(item.guide.legalBasis.map((b) => ({ law_name: b.law, articles: b.articles, ...(b.excerpt ? { content: b.excerpt } : {}) })));
    expect(national.handle_flow.map((s) => [s.step_order, s.step_name])).toEqual(item.guide.process.map((p, i) => [i + 1, p.step]));
    expect(national.materials.map((m) => m.material_name)).toEqual(item.guide.materials.map((m) => m.name));
  });

  it('maps a material\'s type, form, necessity, source, files and commitment', () => {
    const copy: ImplementationItem = structuredClone(item);
    const file = { name: '申请表.pdf', fileId: 'a'.repeat(64), contentType: 'application/pdf' as const, size: 1024 };
    copy.guide.materials[0] = {
      ...copy.guide.materials[0]!,
      kind: 'copy',
      form: 'electronic_or_paper',
      necessity: 'conditional',
      condition: '委托他人办理时',
      source: 'issued_licence',
      licenceName: '营业执照',
      issuer: '市场监督管理部门',
      copies: 2,
      blankForm: file,
      sample: undefined,
      commitment: undefined,
    };
    const [material] = toNationalGuide(copy).materials;
    expect(material).toMatchObject({
      material_type: { code: '2', name: '复印件' },
      material_form: { code: '3', name: '纸质或电子' },
      necessity: { code: '3', name: '情形必要' },
      necessity_desc: '委托他人办理时',
      source_channel: { code: '2', name: '政府部门核发' },
      source_licence_name: '营业执照',
      source_dept: '市场监督管理部门',
      page_num: 2,
      commitment_allowed: false,
      blank_form: { file_name: '申请表.pdf', file_id: file.fileId, download_path: `/catalog/items/${item.implementationCode}/versions/${item.version}/files/${file.fileId}` },
    });
    expect(material).not.toHaveProperty('sample_form');
  });

  it('gives the reason for a visit only for an item on the negative list, and no statutory days when the law sets none', () => {
    const copy: ImplementationItem = structuredClone(item);
    copy.guide.negativeList = { listed: true, reason: '须现场核验经营场所' };
    copy.guide.statutoryLimit = { workingDays: null, note: '法律法规未规定' };
    const national = toNationalGuide(copy);
    expect(national.must_scene_reason).toBe('须现场核验经营场所');
    expect(national.anticipate_limit).toEqual({ days: null, unit: '工作日', explain: '法律法规未规定' });
    copy.guide.negativeList = { listed: false, reason: '不应出现' };
    expect(toNationalGuide(copy)).not.toHaveProperty('must_scene_reason');
  });
});

describe('toNationalSummary', () => {
  it('maps a list entry', () => {
    const summary = toNationalSummary(summarise(item));
    expect(nationalItemSummarySchema.safeParse(summary).success).toBe(true);
    expect(summary).toEqual({
      task_code: item.implementationCode,
      catalog_code: item.basicCode,
      task_name: item.name,
      task_type: { code: '01', name: '行政许可' },
      use_level: { code: '3', name: '市级' },
      region_code: '341000',
      dept_name: item.organisation.name,
      promise_days: item.guide.promisedLimit.workingDays,
      visit_times: item.guide.visitsRequired,
      online_depth: { code: String(item.guide.online.depth), name: expect.any(String) },
    });
  });
});
