/**
 * The subscribe-message templates the mini-program uses. Template ids are assigned by the WeChat
 * admin console, so they come from configuration (per stage); the fields and their kinds are fixed
 * here because the functions fill them and WeChat validates them by kind.
 */
export type TemplateFieldKind = 'thing' | 'character_string' | 'phrase' | 'time' | 'name' | 'phone_number' | 'number';

/** WeChat's limits per field kind (characters). */
export const FIELD_LIMITS: Record<TemplateFieldKind, number> = {
  thing: 20,
  character_string: 32,
  phrase: 5,
  time: 30,
  name: 10,
  phone_number: 17,
  number: 32,
};

export interface TemplateField {
  /** The key WeChat expects in `data`, e.g. `thing2`. */
  key: string;
  kind: TemplateFieldKind;
  label: string;
}

export type SubscriptionKind = 'once' | 'long';

export interface TemplateDefinition {
  title: string;
  /** 'once': one send per tap on 允许; 'long': government-service long-term subscription. */
  kind: SubscriptionKind;
  audience: 'applicant' | 'staff';
  description: string;
  fields: TemplateField[];
}

export const TEMPLATES = {
  case_progress: {
    title: '办件进度通知',
    kind: 'once',
    audience: 'applicant',
    description: '办件受理、办结、送达等进度变化时通知您',
    fields: [
      { key: 'character_string1', kind: 'character_string', label: '办件编号' },
      { key: 'thing2', kind: 'thing', label: '事项名称' },
      { key: 'phrase3', kind: 'phrase', label: '办理状态' },
      { key: 'time4', kind: 'time', label: '更新时间' },
      { key: 'thing5', kind: 'thing', label: '温馨提示' },
    ],
  },
  supplement_notice: {
    title: '材料补正通知',
    kind: 'once',
    audience: 'applicant',
    description: '预审需要补正材料时，一次性告知全部内容',
    fields: [
      { key: 'character_string1', kind: 'character_string', label: '办件编号' },
      { key: 'thing2', kind: 'thing', label: '事项名称' },
      { key: 'thing3', kind: 'thing', label: '补正内容' },
      { key: 'time4', kind: 'time', label: '告知时间' },
    ],
  },
  evaluation_invite: {
    title: '服务评价提醒',
    kind: 'once',
    audience: 'applicant',
    description: '办结后邀请您评价本次服务',
    fields: [
      { key: 'character_string1', kind: 'character_string', label: '办件编号' },
      { key: 'thing2', kind: 'thing', label: '事项名称' },
      { key: 'thing3', kind: 'thing', label: '温馨提示' },
    ],
  },
  staff_new_case: {
    title: '新办件提醒',
    kind: 'long',
    audience: 'staff',
    description: '本单位有新的网上申请待预审',
    fields: [
      { key: 'character_string1', kind: 'character_string', label: '办件编号' },
      { key: 'thing2', kind: 'thing', label: '事项名称' },
      { key: 'name3', kind: 'name', label: '申请人' },
      { key: 'time4', kind: 'time', label: '提交时间' },
    ],
  },
  staff_deadline: {
    title: '办件时限提醒',
    kind: 'long',
    audience: 'staff',
    description: '办件临近或超过办理时限',
    fields: [
      { key: 'character_string1', kind: 'character_string', label: '办件编号' },
      { key: 'thing2', kind: 'thing', label: '事项名称' },
      { key: 'phrase3', kind: 'phrase', label: '时限状态' },
      { key: 'time4', kind: 'time', label: '截止时间' },
    ],
  },
  staff_bad_review: {
    title: '差评处理提醒',
    kind: 'long',
    audience: 'staff',
    description: '收到差评，需要核实整改',
    fields: [
      { key: 'character_string1', kind: 'character_string', label: '办件编号' },
      { key: 'thing2', kind: 'thing', label: '事项名称' },
      { key: 'phrase3', kind: 'phrase', label: '评价等级' },
      { key: 'thing4', kind: 'thing', label: '评价内容' },
    ],
  },
} as const satisfies Record<string, TemplateDefinition>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as [TemplateKey, ...TemplateKey[]];

/** Template ids used by the local stage and its WeChat stand-in (real ids come from configuration). */
export const LOCAL_TEMPLATE_IDS: Record<TemplateKey, string> = {
  case_progress: 'local-tmpl-case-progress-0001',
  supplement_notice: 'local-tmpl-supplement-notice-0001',
  evaluation_invite: 'local-tmpl-evaluation-invite-0001',
  staff_new_case: 'local-tmpl-staff-new-case-0001',
  staff_deadline: 'local-tmpl-staff-deadline-0001',
  staff_bad_review: 'local-tmpl-staff-bad-review-0001',
};

/** Trim a value to what WeChat accepts for its field kind (longer text ends in "…"). */
export function fitField(kind: TemplateFieldKind, value: string): string {
  const limit = FIELD_LIMITS[kind];
  let text = value.replace(/\s+/g, ' ').trim();
  if (kind === 'character_string') text = text.replace(/[^0-9A-Za-z_\-.:/#]/g, '');
  if (kind === 'number') text = text.replace(/[^0-9.]/g, '');
  if (kind === 'phone_number') text = text.replace(/[^0-9+\-() ]/g, '');
  if (kind === 'phrase') text = text.replace(/[^\u4e00-\u9fa5]/g, '');
  const chars = Array.from(text);
  if (chars.length <= limit) return text || (kind === 'thing' ? '—' : text);
  if (kind === 'thing') return `${chars.slice(0, limit - 1).join('')}…`;
  return chars.slice(0, limit).join('');
}

/** WeChat's `time` field: "2026年11月27日 14:05" in China Standard Time. */
export function formatTemplateTime(iso: string): string {
  const date = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}年${pad(date.getUTCMonth() + 1)}月${pad(date.getUTCDate())}日 ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
