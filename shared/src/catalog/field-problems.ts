import '../zod-locale';
import * as z from 'zod';

/**
 * How a catalog entry's problems are worded, for whoever maintains the lists: the seed loader
 * (scripts/seed) and list maintenance in the app (functions/src/lists) parse with the same shared
 * schemas and this one error map, so a problem reads the same wherever it is found:
 * `guide.materials[2].name: 材料名称表述模糊…`.
 */

/** A problem at a field, named by its path (`guide.materials[2].name`); the message is Chinese. */
export interface CatalogFieldProblem {
  path: string;
  message: string;
}

/** `['guide', 'materials', 2, 'name']` → `guide.materials[2].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/**
 * Chinese names of fields whose schema has no message of its own for "missing": without them a
 * missing array or object would only say which path is missing, not what it means.
 */
export const CATALOG_FIELD_LABELS: Readonly<Record<string, string>> = {
  serviceObjects: '服务对象',
  caseType: '办件类型',
  conditions: '受理条件',
  legalBasis: '设定依据',
  statutoryLimit: '法定办结时限',
  promisedLimit: '承诺办结时限',
  workingDays: '办结时限（工作日）',
  process: '办理流程',
  handlingForms: '办理形式',
  fees: '收费信息',
  charged: '是否收费',
  visitsRequired: '到现场次数',
  online: '网上办理信息',
  available: '是否网办',
  depth: '网上办理深度',
  negativeList: '网上审批负面清单信息',
  listed: '是否列入负面清单',
  reason: '必须现场办理的原因',
  visitWhen: '何时到现场',
  visitPurpose: '到现场办理的内容',
  place: '办理地点和时间',
  consultPhones: '咨询电话',
  complaintPhones: '监督投诉电话',
  consultPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  result: '审批结果',
  type: '类型',
  materials: '申请材料',
  fileSpec: '文件规格',
  minWidth: '最小宽度（像素）',
  minHeight: '最小高度（像素）',
  minKB: '文件大小下限（KB）',
  maxKB: '文件大小上限（KB）',
  types: '文件格式',
  id: '材料标识',
  kind: '材料类型',
  form: '材料形式',
  necessity: '材料必要性',
  source: '材料来源渠道',
  themes: '主题分类',
  keywords: '关键词',
  itemType: '事项类型',
  basicCode: '基本编码',
  implementationCode: '实施编码',
  creditCode: '统一社会信用代码',
  regionCode: '行政区划代码',
  code: '行政区划代码',
  parentCode: '上级行政区划代码',
  level: '层级',
  regions: '实施地区',
  implementations: '实施信息',
  guide: '办事指南',
};

/** Stands in for a missing field until the path is known and the message can name the field. */
const MISSING = '__missing__';
const zhCN = z.locales.zhCN().localeError;

/**
 * Per-parse error map: a field that is absent reads "缺少…"; anything the shared schemas do not
 * word themselves falls back to zod's Chinese locale rather than English.
 */
const catalogErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? MISSING : zhCN(issue);

function missingMessage(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((key): key is string => typeof key === 'string');
  const label = last ? CATALOG_FIELD_LABELS[last] : undefined;
  return label ? `缺少${label}` : '缺少必填项';
}

/** Parses with a shared catalog schema, returning every problem (path and Chinese message) instead of throwing. */
export function parseCatalogEntry<T extends z.ZodType>(
  schema: T,
  input: unknown,
  pathPrefix: readonly PropertyKey[] = [],
): { data?: z.output<T>; problems: CatalogFieldProblem[] } {
  const parsed = schema.safeParse(input, { error: catalogErrorMap });
  if (parsed.success) return { data: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const path = [...pathPrefix, ...issue.path];
    const message = issue.message === MISSING ? missingMessage(path) : issue.message;
    return { path: formatPath(path), message };
  });
  return { problems };
}
