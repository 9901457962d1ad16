import { CATALOG_FIELD_LABELS, formatPath } from './field-problems';
import { guideSchema, legalBasisSchema, materialSchema, type ImplementationItem } from './guide';

/**
 * What changed between two versions of an implementation-list entry, field by field, in words a list
 * maintainer and an applicant understand. The API answers it with a draft and with each published
 * version; the phone shows it (list maintenance, and the notice on an application whose guide changed).
 */
export interface GuideChange {
  /** Where, as the field's path in the newer version (`guide.materials[2].acceptanceStandard`). */
  path: string;
  /** The field's Chinese name with where it sits: `申请材料“营业执照” › 受理标准`. */
  label: string;
  /** The top-level part it belongs to (`申请材料`), for one-sentence summaries. */
  section: string;
  /** Shown text; null when the field did not exist on that side. */
  before: string | null;
  after: string | null;
}

/** Names of fields, where CATALOG_FIELD_LABELS (the wording of "missing" problems) is not precise enough. */
const LABELS: Readonly<Record<string, string>> = {
  ...CATALOG_FIELD_LABELS,
  name: '名称',
  frequent: '常用事项',
  applicationFields: '申请表字段',
  workingDays: '工作日',
  note: '说明',
  standard: '收费标准',
  basis: '收费依据',
  reason: '必须现场办理的原因',
  address: '办理地点',
  hours: '办理时间',
  step: '环节名称',
  description: '环节说明',
  law: '法律法规名称',
  articles: '条款',
  excerpt: '条文摘录',
  scope: '通办范围',
  acceptanceStandard: '受理标准',
  notes: '填报须知',
  condition: '适用情形',
  requiredWhen: '适用情形（机读）',
  copies: '份数',
  licenceName: '证照名称',
  issuer: '发证部门',
  blankForm: '空白表格',
  sample: '示例样表',
  approvalRules: '智慧审批规则',
  label: '说明',
  licence: '电子证照',
  detailFields: '证照记载字段',
  fixedDetails: '证照固定记载事项',
  commitment: '告知承诺',
  text: '承诺内容',
  consequence: '承诺不实的后果',
};

const TOP_LEVEL: Readonly<Record<string, string>> = { name: '事项名称', frequent: '常用事项', themes: '主题分类', keywords: '关键词' };
const RESULT_NAME = '审批结果名称';

const VALUE_NAMES: Readonly<Record<string, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  natural_person: '自然人',
  legal_person: '法人',
  other_organisation: '其他组织',
  online: '网上办理',
  window: '窗口办理',
  post: '邮寄办理',
  original: '原件',
  copy: '复印件',
  original_or_copy: '原件或复印件',
  electronic: '电子',
  paper: '纸质',
  electronic_or_paper: '电子或纸质',
  required: '必要',
  conditional: '情形必要',
  optional: '非必要',
  applicant: '申请人自备',
  issued_licence: '政府部门核发（电子证照）',
  agent: '委托他人办理时',
};

function show(value: unknown): string {
  if (value === null) return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return VALUE_NAMES[value] ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(show).join('；');
  return JSON.stringify(value);
}

interface Leaf {
  path: string;
  labels: string[];
  value: string;
}

/**
 * Fields in the order the guide schema declares them, so that a diff reads in the guide's order whatever
 * order a stored copy keeps its keys in (DynamoDB does not keep the order of a map's keys).
 */
const FIELD_ORDER: ReadonlyMap<string, number> = new Map(
  [
    'name', 'themes', 'keywords', 'frequent', 'guide',
    ...Object.keys(guideSchema.shape),
    ...Object.keys(materialSchema.shape),
    ...Object.keys(legalBasisSchema.shape),
    'workingDays', 'note', 'step', 'description', 'charged', 'standard', 'basis', 'available', 'depth', 'listed', 'reason', 'address', 'hours', 'text', 'consequence',
  ].map((key, index) => [key, index] as const).reverse(),
);
const byFieldOrder = ([a]: [string, unknown], [b]: [string, unknown]) =>
  (FIELD_ORDER.get(a) ?? Number.MAX_SAFE_INTEGER) - (FIELD_ORDER.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf of an entry by a key stable across versions (materials by their id, not their position). */
function leaves(item: ImplementationItem): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const visit = (value: unknown, key: string, path: PropertyKey[], labels: string[]) => {
    if (Array.isArray(value) && value.some(isPlainObject)) {
      value.forEach((element, index) => {
        const id = isPlainObject(element) && typeof element.id === 'string' ? element.id : undefined;
        const named = isPlainObject(element) && typeof element.name === 'string' ? `“${element.name}”` : `第${index + 1}项`;
        const section = labels[labels.length - 1] ?? '';
        visit(element, `${key}[${id ?? index}]`, [...path, index], [...labels.slice(0, -1), `${section}${named}`]);
      });
    } else if (isPlainObject(value)) {
      for (const [field, child] of Object.entries(value).sort(byFieldOrder)) {
        const label = path.length === 0 ? (TOP_LEVEL[field] ?? LABELS[field] ?? field) : field === 'name' && path[path.length - 1] === 'result' ? RESULT_NAME : (LABELS[field] ?? field);
        // The guide is the whole entry to its readers: its fields are named without "办事指南 ›".
        visit(child, key ? `${key}.${field}` : field, [...path, field], path.length === 0 && field === 'guide' ? [] : [...labels, label]);
      }
    } else if (value !== undefined) {
      out.set(key, { path: formatPath(path), labels, value: show(value) });
    }
  };
  const { guide, name, themes, keywords, frequent } = item;
  visit({ name, themes, keywords, frequent, guide }, '', [], []);
  return out;
}

/**
 * The fields that differ from `before` to `after`, in the order of the newer version (removed fields
 * after). Identity, version and publication date are not content and are not compared.
 */
export function diffEntries(before: ImplementationItem, after: ImplementationItem): GuideChange[] {
  const old = leaves(before);
  const now = leaves(after);
  const changes: GuideChange[] = [];
  const change = (leaf: Leaf, from: string | null, to: string | null) =>
    changes.push({ path: leaf.path, label: leaf.labels.join(' › '), section: (leaf.labels[0] ?? '').replace(/“.*$|第\d+项$/, ''), before: from, after: to });
  for (const [key, leaf] of now) {
    const previous = old.get(key);
    if (previous?.value !== leaf.value) change(leaf, previous?.value ?? null, leaf.value);
  }
  for (const [key, leaf] of old) if (!now.has(key)) change(leaf, leaf.value, null);
  return changes;
}

/** The distinct parts that changed, for one sentence: `承诺办结时限、申请材料`. */
export function changedSections(changes: readonly GuideChange[]): string[] {
  return [...new Set(changes.map((c) => c.section).filter(Boolean))];
}
