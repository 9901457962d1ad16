/**
 * The user-experience loop (好差评, GB/T 39734-2020 and 国办发〔2019〕51号): evaluations, the rectification of
 * bad reviews, consultations and tourism complaints, from every channel. Plain data, no zod: the phone's
 * main package and the functions both read it.
 */

/** The five levels of the national standard; the last two are 差评. */
export const EVALUATION_LEVELS = {
  very_satisfied: { label: '非常满意', score: 5, bad: false },
  satisfied: { label: '满意', score: 4, bad: false },
  basically_satisfied: { label: '基本满意', score: 3, bad: false },
  dissatisfied: { label: '不满意', score: 2, bad: true },
  very_dissatisfied: { label: '非常不满意', score: 1, bad: true },
} as const;
export type EvaluationLevel = keyof typeof EVALUATION_LEVELS;
export const EVALUATION_LEVEL_KEYS = Object.keys(EVALUATION_LEVELS) as [EvaluationLevel, ...EvaluationLevel[]];

export const isBadReview = (level: EvaluationLevel): boolean => EVALUATION_LEVELS[level].bad;

/** The online dimensions the standard asks about, each rated on the same five levels. */
export const EVALUATION_DIMENSIONS = {
  efficiency: '办事效率',
  guide_accuracy: '办事指南精确度',
  convenience: '办事便捷度',
  usability: '平台操作性',
} as const;
export type EvaluationDimension = keyof typeof EVALUATION_DIMENSIONS;
export const EVALUATION_DIMENSION_KEYS = Object.keys(EVALUATION_DIMENSIONS) as [EvaluationDimension, ...EvaluationDimension[]];

/** The common causes of a bad review, as tags that can be counted (痛点). */
export const BAD_REVIEW_TAGS = {
  overdue: '超期办理且无合理理由',
  beyond_guide: '要求指南以外的材料或条件',
  repeated_visits: '多次跑动',
  attitude: '服务态度差',
  hard_to_use: '系统难用',
  unclear_guide: '办事指南不清楚',
} as const;
export type BadReviewTag = keyof typeof BAD_REVIEW_TAGS;

/** What people praise (赞点). */
export const PRAISE_TAGS = {
  fast: '办理快',
  no_visit: '不用跑腿',
  clear_guide: '指南清楚',
  easy_to_use: '操作方便',
  helpful_staff: '服务热情',
} as const;
export type PraiseTag = keyof typeof PRAISE_TAGS;
export type EvaluationTag = BadReviewTag | PraiseTag;
export const EVALUATION_TAG_KEYS = [...Object.keys(BAD_REVIEW_TAGS), ...Object.keys(PRAISE_TAGS)] as [EvaluationTag, ...EvaluationTag[]];
export const tagLabel = (tag: EvaluationTag): string => (BAD_REVIEW_TAGS as Record<string, string>)[tag] ?? (PRAISE_TAGS as Record<string, string>)[tag] ?? tag;
export const isBadReviewTag = (tag: string): tag is BadReviewTag => Object.prototype.hasOwnProperty.call(BAD_REVIEW_TAGS, tag);

/**
 * The catalog item every region's tourism complaints are accepted under (旅游投诉受理). A complaint is filed
 * through the complaint flow (mediation, a reply within the statutory time), never as an application.
 */
export const COMPLAINT_ITEM_BASIC_CODE = '2000127000';

/** Where a piece of feedback came in. Hall and hotline staff record it on behalf of a person. */
export const FEEDBACK_CHANNELS = {
  miniapp: '微信小程序',
  portal: '政务服务网',
  hall_window: '服务大厅窗口',
  hotline_12301: '12301 热线',
} as const;
export type FeedbackChannel = keyof typeof FEEDBACK_CHANNELS;
export const FEEDBACK_CHANNEL_KEYS = Object.keys(FEEDBACK_CHANNELS) as [FeedbackChannel, ...FeedbackChannel[]];
/** The channels staff record on behalf of someone, and the permission each needs. */
export const ASSISTED_CHANNELS = { hall_window: 'hall_window', hotline_12301: 'hotline_12301' } as const;
export type AssistedChannel = keyof typeof ASSISTED_CHANNELS;

export const COMMENT_MAX_LENGTH = 300;

/**
 * A comment as it is stored and shown: no markup, no control characters, whitespace collapsed, mobile and
 * identity numbers masked (a comment is read by many people and must not spread personal data), and cut
 * to the limit.
 */
export function sanitiseComment(text: string, max = COMMENT_MAX_LENGTH): string {
  const cleaned = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\d{17}[\dXx]/g, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`)
    .replace(/1[3-9]\d{9}/g, (mobile) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`)
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(cleaned).slice(0, max).join('');
}

/** The responses to a bad review the standard allows. */
export const RECTIFICATION_OUTCOMES = {
  immediate: '立行立改',
  by_date: '限期整改',
  explained: '解释说明',
  appeal: '申诉复核',
} as const;
export type RectificationOutcome = keyof typeof RECTIFICATION_OUTCOMES;
export const RECTIFICATION_OUTCOME_KEYS = Object.keys(RECTIFICATION_OUTCOMES) as [RectificationOutcome, ...RectificationOutcome[]];

/**
 *   bad review → awaiting_call_back ─ call_back → awaiting_response ─ respond ┬ immediate / explained → resolved
 *                                                                             ├ by_date → rectifying ─ complete → resolved
 *                                                                             └ appeal → appealed ┬ decide_appeal upheld → appeal_upheld (review voided)
 *                                                                                                 └ decide_appeal dismissed → awaiting_response
 */
export const RECTIFICATION_STATUSES = {
  awaiting_call_back: { label: '待回访', open: true },
  awaiting_response: { label: '待处理', open: true },
  rectifying: { label: '整改中', open: false },
  appealed: { label: '申诉复核中', open: false },
  resolved: { label: '已办结', open: false },
  appeal_upheld: { label: '申诉成立', open: false },
} as const;
export type RectificationStatus = keyof typeof RECTIFICATION_STATUSES;
export const RECTIFICATION_STATUS_KEYS = Object.keys(RECTIFICATION_STATUSES) as [RectificationStatus, ...RectificationStatus[]];

export const CALL_BACK_METHODS = { phone: '电话回访', sms: '短信回访', visit: '上门回访', online: '线上回访' } as const;
export type CallBackMethod = keyof typeof CALL_BACK_METHODS;
export const CALL_BACK_METHOD_KEYS = Object.keys(CALL_BACK_METHODS) as [CallBackMethod, ...CallBackMethod[]];

/** Working days an organisation has to answer a bad review, unless configured otherwise. */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 5;
/** Working days to answer a consultation, unless configured otherwise. */
export const DEFAULT_CONSULTATION_WORKING_DAYS = 3;
/** Working days to accept, refuse or transfer a complaint (旅游投诉处理办法). */
export const COMPLAINT_ACCEPTANCE_WORKING_DAYS = 5;

/**
 *   submit → received ┬ accept → accepted ─ mediate → mediating ─ close → closed
 *                     ├ refuse → refused
 *                     └ transfer → received (another organisation)
 *   accepted ─ close → closed (settled without mediation)
 */
export const COMPLAINT_STATUSES = {
  received: { label: '待受理', hint: '投诉已提交，工作人员将在5个工作日内决定是否受理', final: false },
  accepted: { label: '已受理', hint: '投诉已受理，正在调查核实', final: false },
  mediating: { label: '调解中', hint: '正在组织双方调解', final: false },
  refused: { label: '不予受理', hint: '投诉不予受理，请查看理由', final: true },
  closed: { label: '已办结', hint: '投诉已办结，欢迎评价处理情况', final: true },
} as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES;
export const COMPLAINT_STATUS_KEYS = Object.keys(COMPLAINT_STATUSES) as [ComplaintStatus, ...ComplaintStatus[]];

export const COMPLAINT_ACTIONS = {
  accept: { label: '受理', from: ['received'], to: 'accepted' },
  refuse: { label: '不予受理', from: ['received'], to: 'refused' },
  transfer: { label: '转办', from: ['received'], to: 'received' },
  mediate: { label: '记录调解', from: ['accepted', 'mediating'], to: 'mediating' },
  close: { label: '办结', from: ['accepted', 'mediating'], to: 'closed' },
} as const satisfies Record<string, { label: string; from: readonly ComplaintStatus[]; to: ComplaintStatus }>;
export type ComplaintAction = keyof typeof COMPLAINT_ACTIONS;
export const COMPLAINT_ACTION_KEYS = Object.keys(COMPLAINT_ACTIONS) as [ComplaintAction, ...ComplaintAction[]];

export function complaintActions(status: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTION_KEYS.filter((action) => (COMPLAINT_ACTIONS[action].from as readonly ComplaintStatus[]).includes(status));
}

/** What kind of business a tourism complaint is about. */
export const COMPLAINT_BUSINESS_KINDS = { travel_agency: '旅行社', scenic_area: '景区', hotel: '酒店', tour_guide: '导游', other: '其他' } as const;

export const COMPLAINT_OUTCOMES = { settled: '调解成功', not_settled: '调解不成', withdrawn_by_complainant: '投诉人撤回', handled: '已依法处理' } as const;
export type ComplaintOutcome = keyof typeof COMPLAINT_OUTCOMES;
export const COMPLAINT_OUTCOME_KEYS = Object.keys(COMPLAINT_OUTCOMES) as [ComplaintOutcome, ...ComplaintOutcome[]];

export const CONSULTATION_STATUSES = { open: '待答复', answered: '已答复' } as const;
export type ConsultationStatus = keyof typeof CONSULTATION_STATUSES;

/**
 * Words counted in comments to name pain points and praise points. Chinese has no spaces to split on; a
 * short list of what people actually write about a government service finds the themes without a
 * segmenter, and the list is data that can grow.
 */
export const PAIN_KEYWORDS = ['排队', '超时', '太慢', '拖延', '材料', '重复', '跑了', '多次', '态度', '推诿', '电话', '打不通', '卡顿', '闪退', '看不懂', '不清楚', '收费', '找不到', '登录', '上传'] as const;
export const PRAISE_KEYWORDS = ['快', '方便', '高效', '热情', '耐心', '清楚', '不用跑', '省心', '及时', '专业', '满意', '简单'] as const;
