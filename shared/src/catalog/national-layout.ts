/**
 * The catalog in the national field layout (国家政务服务平台 事项要素), as the signed open API hands it to the
 * provincial portal: snake_case names for the national elements, each enumerated value as its code and its
 * Chinese name (nothing is told by a code alone). The names follow the elements the national implementation
 * list standard enumerates (事项编码, 实施编码, 事项类型, 设定依据, 受理条件, 申请材料, 办理流程, 法定/承诺办结
 * 时限, 收费, 办理地点 …); the mapping from this product's guide (guide.ts) is the pure functions below.
 */
import '../zod-locale';
import * as z from 'zod';
import { itemTypeName, LEVELS } from './codes';
import type { GuideFile } from './guide-file';
import type { ImplementationItem, ItemSummary } from './guide';

const coded = (description: string) => z.object({ code: z.string(), name: z.string() }).meta({ description });
type Coded = { code: string; name: string };

/** National codes of the enumerations (服务对象, 办件类型, 办理形式, 材料类型/形式/必要性/来源, 审批结果类型). */
const SERVICE_OBJECTS: Record<string, Coded> = { natural_person: { code: '1', name: '自然人' }, legal_person: { code: '2', name: '企业法人' }, other_organisation: { code: '3', name: '其他组织' } };
const CASE_TYPES: Record<string, Coded> = { immediate: { code: '1', name: '即办件' }, promised: { code: '2', name: '承诺件' } };
const HANDLING_FORMS: Record<string, Coded> = { window: { code: '1', name: '窗口办理' }, online: { code: '2', name: '网上办理' }, post: { code: '3', name: '快递申请' } };
const MATERIAL_KINDS: Record<string, Coded> = { original: { code: '1', name: '原件' }, copy: { code: '2', name: '复印件' }, original_or_copy: { code: '3', name: '原件或复印件' } };
const MATERIAL_FORMS: Record<string, Coded> = { paper: { code: '1', name: '纸质' }, electronic: { code: '2', name: '电子' }, electronic_or_paper: { code: '3', name: '纸质或电子' } };
const NECESSITIES: Record<string, Coded> = { required: { code: '1', name: '必要' }, optional: { code: '2', name: '非必要' }, conditional: { code: '3', name: '情形必要' } };
const SOURCES: Record<string, Coded> = { applicant: { code: '1', name: '申请人自备' }, issued_licence: { code: '2', name: '政府部门核发' } };
const RESULT_TYPES: Record<string, Coded> = { licence: { code: '1', name: '证照' }, approval: { code: '2', name: '批文' }, filing: { code: '3', name: '备案' }, other: { code: '9', name: '其他' } };
const ONLINE_DEPTHS: Record<number, string> = { 1: '网上咨询', 2: '网上预审', 3: '网上受理', 4: '全程网办' };

const fileSchema = z
  .object({ file_name: z.string(), file_id: z.string(), content_type: z.string(), size: z.number().int(), download_path: z.string().meta({ description: '本系统下载地址（GET，免签名，返回短时有效的链接）' }) })
  .meta({ id: 'NationalGuideFile', description: '空白表格、示例样表或结果样本' });

export const nationalMaterialSchema = z
  .object({
    material_id: z.string(),
    material_name: z.string().meta({ description: '材料名称' }),
    material_type: coded('材料类型'),
    material_form: coded('材料形式'),
    necessity: coded('必要性'),
    necessity_desc: z.string().optional().meta({ description: '情形必要时的适用情形' }),
    source_channel: coded('来源渠道'),
    source_licence_name: z.string().optional().meta({ description: '来源为政府部门核发时的证照名称' }),
    source_dept: z.string().optional().meta({ description: '来源为政府部门核发时的发证部门' }),
    page_num: z.number().int().meta({ description: '份数' }),
    accept_standard: z.string().meta({ description: '受理标准' }),
    fill_notes: z.string().optional().meta({ description: '填报须知' }),
    blank_form: fileSchema.optional().meta({ description: '空白表格' }),
    sample_form: fileSchema.optional().meta({ description: '示例样表' }),
    commitment_allowed: z.boolean().meta({ description: '是否可告知承诺' }),
  })
  .meta({ id: 'NationalMaterial', description: '申请材料（国家事项要素）' });

const timeLimit = (description: string) =>
  z.object({ days: z.number().int().nullable(), unit: z.literal('工作日'), explain: z.string().optional() }).meta({ description });

export const nationalGuideSchema = z
  .object({
    task_code: z.string().meta({ description: '实施编码' }),
    catalog_code: z.string().meta({ description: '基本编码（事项编码）' }),
    task_name: z.string().meta({ description: '事项名称' }),
    task_type: coded('事项类型'),
    use_level: coded('行使层级'),
    region_code: z.string().meta({ description: '行政区划代码' }),
    dept_name: z.string().meta({ description: '实施主体名称' }),
    dept_code: z.string().meta({ description: '实施主体统一社会信用代码' }),
    serve_objects: z.array(coded('服务对象')),
    project_type: coded('办件类型'),
    by_law: z.array(z.object({ law_name: z.string(), articles: z.string(), content: z.string().optional() })).meta({ description: '设定依据' }),
    accept_conditions: z.array(z.string()).meta({ description: '受理条件' }),
    anticipate_limit: timeLimit('法定办结时限'),
    promise_limit: timeLimit('承诺办结时限'),
    handle_flow: z.array(z.object({ step_order: z.number().int(), step_name: z.string(), step_desc: z.string() })).meta({ description: '办理流程' }),
    handle_forms: z.array(coded('办理形式')),
    is_charge: z.boolean().meta({ description: '是否收费' }),
    charge_standard: z.string().optional().meta({ description: '收费标准' }),
    charge_basis: z.string().optional().meta({ description: '收费依据' }),
    visit_times: z.number().int().meta({ description: '到办事现场次数' }),
    is_online: z.boolean().meta({ description: '是否网办' }),
    online_depth: coded('网上办理深度'),
    must_scene_reason: z.string().optional().meta({ description: '必须现场办理原因（列入网上审批负面清单时）' }),
    transact_addr: z.string().meta({ description: '办理地点' }),
    transact_time: z.string().meta({ description: '办理时间' }),
    link_tels: z.array(z.string()).meta({ description: '咨询电话' }),
    supervise_tels: z.array(z.string()).meta({ description: '监督投诉电话' }),
    result_name: z.string().meta({ description: '审批结果名称' }),
    result_type: coded('审批结果类型'),
    result_sample: fileSchema.optional().meta({ description: '审批结果样本' }),
    handle_range: z.string().meta({ description: '通办范围' }),
    materials: z.array(nationalMaterialSchema),
    version: z.number().int().meta({ description: '指南版本号' }),
    published_date: z.string().meta({ description: '发布日期（YYYY-MM-DD）' }),
  })
  .meta({ id: 'NationalGuide', description: '办事指南（国家政务服务平台事项要素布局）' });
export type NationalGuide = z.infer<typeof nationalGuideSchema>;

export const nationalItemSummarySchema = z
  .object({
    task_code: z.string().meta({ description: '实施编码' }),
    catalog_code: z.string().meta({ description: '基本编码（事项编码）' }),
    task_name: z.string(),
    task_type: coded('事项类型'),
    use_level: coded('行使层级'),
    region_code: z.string(),
    dept_name: z.string(),
    promise_days: z.number().int().meta({ description: '承诺办结时限（工作日）' }),
    visit_times: z.number().int(),
    online_depth: coded('网上办理深度'),
  })
  .meta({ id: 'NationalItemSummary', description: '事项目录中的一项（国家事项要素布局）' });
export type NationalItemSummary = z.infer<typeof nationalItemSummarySchema>;

export const nationalItemPageSchema = z
  .object({ items: z.array(nationalItemSummarySchema), next_cursor: z.string().nullable().meta({ description: '下一页游标；null 表示没有更多' }) })
  .meta({ id: 'NationalItemPage' });

const named = (table: Record<string, Coded>, key: string): Coded => table[key] ?? { code: '9', name: key };
const itemType = (code: string): Coded => ({ code, name: itemTypeName(code) ?? code });
const level = (key: keyof typeof LEVELS): Coded => ({ code: LEVELS[key].digit, name: LEVELS[key].name });
const depth = (value: number): Coded => ({ code: String(value), name: ONLINE_DEPTHS[value] ?? String(value) });
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

/** A guide file as the portal downloads it: this system's public link route of that guide version. */
function nationalFile(item: ImplementationItem, file: GuideFile | undefined) {
  if (!file) return undefined;
  return {
    file_name: file.name,
    file_id: file.fileId,
    content_type: file.contentType,
    size: file.size,
    download_path: `/catalog/items/${item.implementationCode}/versions/${item.version}/files/${file.fileId}`,
  };
}

/** A published implementation-list entry with its guide, in the national layout. */
export function toNationalGuide(item: ImplementationItem): NationalGuide {
  const { guide } = item;
  return {
    task_code: item.implementationCode,
    catalog_code: item.basicCode,
    task_name: item.name,
    task_type: itemType(item.itemType),
    use_level: level(item.level),
    region_code: item.regionCode,
    dept_name: item.organisation.name,
    dept_code: item.organisation.creditCode,
    serve_objects: guide.serviceObjects.map((o) => named(SERVICE_OBJECTS, o)),
    project_type: named(CASE_TYPES, guide.caseType),
    by_law: guide.legalBasis.map((b) => ({ law_name: b.law, articles: b.articles, ...optional('content', b.excerpt) })),
    accept_conditions: [...guide.conditions],
    anticipate_limit: { days: guide.statutoryLimit.workingDays, unit: '工作日', ...optional('explain', guide.statutoryLimit.note) },
    promise_limit: { days: guide.promisedLimit.workingDays, unit: '工作日', ...optional('explain', guide.promisedLimit.note) },
    handle_flow: guide.process.map((p, i) => ({ step_order: i + 1, step_name: p.step, step_desc: p.description })),
    handle_forms: guide.handlingForms.map((f) => named(HANDLING_FORMS, f)),
    is_charge: guide.fees.charged,
    ...optional('charge_standard', guide.fees.standard),
    ...optional('charge_basis', guide.fees.basis),
    visit_times: guide.visitsRequired,
    is_online: guide.online.available,
    online_depth: depth(guide.online.depth),
    ...optional('must_scene_reason', guide.negativeList.listed ? guide.negativeList.reason : undefined),
    transact_addr: guide.place.address,
    transact_time: guide.place.hours,
    link_tels: [...guide.consultPhones],
    supervise_tels: [...guide.complaintPhones],
    result_name: guide.result.name,
    result_type: named(RESULT_TYPES, guide.result.type),
    ...optional('result_sample', nationalFile(item, guide.result.sample)),
    handle_range: guide.scope,
    materials: guide.materials.map((m) => ({
      material_id: m.id,
      material_name: m.name,
      material_type: named(MATERIAL_KINDS, m.kind),
      material_form: named(MATERIAL_FORMS, m.form),
      necessity: named(NECESSITIES, m.necessity),
      ...optional('necessity_desc', m.condition),
      source_channel: named(SOURCES, m.source),
      ...optional('source_licence_name', m.licenceName),
      ...optional('source_dept', m.issuer),
      page_num: m.copies,
      accept_standard: m.acceptanceStandard,
      ...optional('fill_notes', m.notes),
      ...optional('blank_form', nationalFile(item, m.blankForm)),
      ...optional('sample_form', nationalFile(item, m.sample)),
      commitment_allowed: !!m.commitment,
    })),
    version: item.version,
    published_date: item.publishedAt,
  };
}

/** A catalog list entry in the national layout. */
export function toNationalSummary(summary: ItemSummary): NationalItemSummary {
  return {
    task_code: summary.implementationCode,
    catalog_code: summary.basicCode,
    task_name: summary.name,
    task_type: itemType(summary.itemType),
    use_level: level(summary.level),
    region_code: summary.regionCode,
    dept_name: summary.organisationName,
    promise_days: summary.promisedWorkingDays,
    visit_times: summary.visitsRequired,
    online_depth: depth(summary.onlineDepth),
  };
}
