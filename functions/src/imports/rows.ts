import {
  NATIONAL_FIELDS,
  NATIONAL_RESULTS,
  NATIONAL_STATUSES,
  creditCodeInputSchema,
  enterpriseSchema,
  isValidCreditCode,
  mobileSchema,
  personSchema,
  residentIdSchema,
  type NationalField,
  type NationalStatus,
} from '@ah-tourism/shared';
import type { RawRow } from './parse';

/** One problem of a row: the field by its Chinese title, and what to do about it. */
export interface RowProblem {
  field: string;
  problem: string;
}

export interface NationalStep {
  name: string;
  at: string;
}

/** A row that passed every check of its own: what the case will be written from (item resolved later). */
export interface NationalRecord {
  row: number;
  nationalCaseNumber: string;
  itemCode: string;
  organisationCode: string;
  applicant: { kind: 'person'; name: string; idNumber: string; mobile?: string } | { kind: 'enterprise'; name: string; creditCode: string; mobile?: string };
  appliedAt: string;
  acceptedAt?: string;
  status: NationalStatus;
  finishedAt?: string;
  result?: 'approved' | 'refused';
  steps: NationalStep[];
}

export const NATIONAL_NUMBER = /^[0-9A-Za-z_-]{4,40}$/;
const MAX_STEPS = 20;
const title = (field: NationalField) => NATIONAL_FIELDS[field].title;

/**
 * A time as the national system exports it: China time `YYYY-MM-DD HH:mm[:ss]` (or with /), a bare date
 * (midnight China time), or ISO 8601 with an offset. Answers the instant as ISO, or undefined.
 */
export function parseNationalTime(text: string): string | undefined {
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
    const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] - 8, parts[4], parts[5]);
    const check = new Date(utc + 8 * 3_600_000);
    // 2026-02-30 rolls over in Date.UTC: refuse it rather than import another day.
    if (check.getUTCMonth() !== parts[1] - 1 || check.getUTCDate() !== parts[2] || parts[3] > 23 || parts[5] > 59) return undefined;
    return new Date(utc).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }
  return undefined;
}

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message ?? '格式不正确';

/** Checks one row on its own (the item code against the catalog is the service's); answers the record or every problem found. */
export function validateRow(raw: RawRow, now: Date): { record: NationalRecord } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const add = (field: NationalField | string, problem: string) => problems.push({ field: field in NATIONAL_FIELDS ? title(field as NationalField) : field, problem });
  const v = raw.values;
  if (!Object.keys(v).length && raw.steps === undefined) return { problems: [{ field: '整行', problem: '该条没有可识别的内容，请按导入说明填写各列' }] };
  for (const key of Object.keys(NATIONAL_FIELDS) as NationalField[]) {
    if (NATIONAL_FIELDS[key].required && !v[key]) add(key, `请填写${title(key)}`);
  }

  const nationalCaseNumber = v.nationalCaseNumber ?? '';
  if (v.nationalCaseNumber && !NATIONAL_NUMBER.test(nationalCaseNumber)) add('nationalCaseNumber', '办件编号应为4-40位字母、数字、-或_');
  const itemCode = (v.itemCode ?? '').toUpperCase();
  if (v.itemCode && !/^\d{10}$/.test(itemCode) && !/^\d{17}[0-9A-Z]{18}$/.test(itemCode)) add('itemCode', '事项编码应为35位实施编码或10位基本编码');
  const organisationCode = (v.organisationCode ?? '').toUpperCase();
  if (v.organisationCode && !isValidCreditCode(organisationCode)) add('organisationCode', '实施机构代码不正确：应为18位统一社会信用代码，请核对校验位');

  let applicant: NationalRecord['applicant'] | undefined;
  const kind = v.applicantType === '个人' || v.applicantType === 'person' ? 'person' : v.applicantType === '企业' || v.applicantType === 'enterprise' ? 'enterprise' : undefined;
  if (v.applicantType && !kind) add('applicantType', '申请人类型应为“个人”或“企业”');
  let mobile: string | undefined;
  if (v.applicantMobile) {
    const checked = mobileSchema.safeParse(v.applicantMobile);
    if (checked.success) mobile = checked.data;
    else add('applicantMobile', firstMessage(checked));
  }
  if (kind && v.applicantName && v.applicantIdNumber) {
    const name = (kind === 'person' ? personSchema.shape.name : enterpriseSchema.shape.name).safeParse(v.applicantName);
    if (!name.success) add('applicantName', firstMessage(name));
    const id = (kind === 'person' ? residentIdSchema : creditCodeInputSchema).safeParse(v.applicantIdNumber);
    if (!id.success) add('applicantIdNumber', kind === 'person' ? `身份证号码不正确：${firstMessage(id)}` : firstMessage(id));
    if (name.success && id.success) {
      applicant = kind === 'person' ? { kind, name: name.data, idNumber: id.data, ...(mobile ? { mobile } : {}) } : { kind, name: name.data, creditCode: id.data, ...(mobile ? { mobile } : {}) };
    }
  }

  const time = (field: 'appliedAt' | 'acceptedAt' | 'finishedAt') => {
    const text = v[field];
    if (!text) return undefined;
    const at = parseNationalTime(text);
    if (!at) add(field, `${title(field)}格式不正确，应为“YYYY-MM-DD HH:mm”（北京时间）`);
    else if (at > now.toISOString()) add(field, `${title(field)}不能晚于当前时间`);
    return at;
  };
  const appliedAt = time('appliedAt');
  const acceptedAt = time('acceptedAt');
  const finishedAt = time('finishedAt');
  if (appliedAt && acceptedAt && acceptedAt < appliedAt) add('acceptedAt', '受理时间不能早于申请时间');
  if (finishedAt && (acceptedAt ?? appliedAt) && finishedAt < (acceptedAt ?? appliedAt)!) add('finishedAt', acceptedAt ? '办结时间不能早于受理时间' : '办结时间不能早于申请时间');

  const status = (NATIONAL_STATUSES as readonly string[]).includes(v.status ?? '') ? (v.status as NationalStatus) : undefined;
  if (v.status && !status) add('status', `办件状态应为：${NATIONAL_STATUSES.join('、')}`);
  const result = v.result ? NATIONAL_RESULTS[v.result as keyof typeof NATIONAL_RESULTS] : undefined;
  if (v.result && !result) add('result', '办理结果应为“准予许可”（准予）或“不予许可”（不予）');
  if (status === '已受理' || status === '办理中') {
    if (!v.acceptedAt) add('acceptedAt', `办件状态为“${status}”时请填写受理时间`);
    if (v.finishedAt) add('finishedAt', `办件状态为“${status}”时不应有办结时间`);
    if (v.result) add('result', `办件状态为“${status}”时不应有办理结果`);
  } else if (status === '已办结') {
    if (!v.acceptedAt) add('acceptedAt', '已办结的办件请填写受理时间');
    if (!v.finishedAt) add('finishedAt', '已办结的办件请填写办结时间');
    if (!v.result) add('result', '已办结的办件请填写办理结果（准予许可或不予许可）');
  } else if (status === '不予受理') {
    if (v.acceptedAt) add('acceptedAt', '不予受理的办件不应有受理时间');
    if (!v.finishedAt) add('finishedAt', '不予受理的办件请填写办结时间（作出不予受理决定的时间）');
  } else if (status === '已撤回') {
    if (!v.finishedAt) add('finishedAt', '已撤回的办件请填写办结时间（撤回的时间）');
  }

  const steps = parseSteps(raw, (problem) => add('steps', problem), { from: appliedAt, to: finishedAt ?? now.toISOString() });
  if (problems.length || !applicant || !appliedAt || !status) return { problems };
  return {
    record: {
      row: raw.row,
      nationalCaseNumber,
      itemCode,
      organisationCode,
      applicant,
      appliedAt,
      ...(acceptedAt ? { acceptedAt } : {}),
      status,
      ...(finishedAt ? { finishedAt } : {}),
      ...(result && status === '已办结' ? { result } : {}),
      steps,
    },
  };
}

/** The optional intermediate steps: a JSON array of {name, at}, or in CSV `名称@时间;名称@时间`. */
function parseSteps(raw: RawRow, problem: (text: string) => void, within: { from?: string; to: string }): NationalStep[] {
  const given: { name?: unknown; at?: unknown }[] =
    raw.steps !== undefined
      ? (raw.steps as unknown[]).map((s) => (s && typeof s === 'object' ? (s as { name?: unknown; at?: unknown }) : {}))
      : raw.values.steps
        ? raw.values.steps.split(/[;；]/).filter((part) => part.trim()).map((part) => {
            const [name, ...at] = part.split('@');
            return { name: name?.trim(), at: at.join('@').trim() };
          })
        : [];
  if (given.length > MAX_STEPS) {
    problem(`办理环节最多${MAX_STEPS}个`);
    return [];
  }
  const steps: NationalStep[] = [];
  given.forEach((step, index) => {
    const name = typeof step.name === 'string' ? step.name.trim() : '';
    const at = typeof step.at === 'string' ? parseNationalTime(step.at) : undefined;
    if (!name || name.length > 30) return problem(`第${index + 1}个办理环节缺少名称或名称超过30个字（格式：环节名称@时间）`);
    if (!at) return problem(`第${index + 1}个办理环节“${name}”的时间格式不正确，应为“YYYY-MM-DD HH:mm”`);
    if ((within.from && at < within.from) || at > within.to) return problem(`第${index + 1}个办理环节“${name}”的时间应在申请时间与办结时间之间`);
    steps.push({ name, at });
  });
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}
