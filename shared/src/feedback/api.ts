import '../zod-locale';
import * as z from 'zod';
import { implementationCodeSchema } from '../catalog/codes';
import { pageLimitSchema } from '../catalog/api';
import { typedText } from '../text/free-text';
import {
  CALL_BACK_METHOD_KEYS,
  COMMENT_MAX_LENGTH,
  COMPLAINT_ACTION_KEYS,
  COMPLAINT_OUTCOME_KEYS,
  COMPLAINT_STATUS_KEYS,
  EVALUATION_DIMENSION_KEYS,
  EVALUATION_LEVEL_KEYS,
  EVALUATION_TAG_KEYS,
  FEEDBACK_CHANNEL_KEYS,
  RECTIFICATION_OUTCOME_KEYS,
  RECTIFICATION_STATUS_KEYS,
} from './model';

const levelSchema = z.enum(EVALUATION_LEVEL_KEYS).meta({ description: '评价等级：非常满意…非常不满意' });
const channelSchema = z.enum(FEEDBACK_CHANNEL_KEYS).meta({ description: '渠道：微信小程序、政务服务网、服务大厅窗口、12301 热线' });
const mobileSchema = z.string().regex(/^1[3-9]\d{9}$/, '请填写11位手机号码');
const personNameSchema = typedText('姓名').min(1, '请填写姓名').max(30, '姓名不超过30个字');
/** A field people type (see text/characters.ts): several lines unless said otherwise. */
const textSchema = (label: string, max: number, kind: 'line' | 'text' = 'text') => typedText(label, kind).min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期');
const versionSchema = z.number().int().min(0).meta({ description: '看到的版本号（并发保护）' });

/** Staff at the hall window or the 12301 hotline record feedback for someone who is not signed in. */
export const onBehalfSchema = z
  .object({
    channel: z.enum(['hall_window', 'hotline_12301']),
    name: personNameSchema,
    mobile: mobileSchema.optional(),
  })
  .strict()
  .meta({ id: 'OnBehalf', description: '大厅窗口或12301话务员代为登记：来源渠道与当事人' });
export type OnBehalf = z.infer<typeof onBehalfSchema>;

// ── Evaluations ─────────────────────────────────────────────────────────────────────────────────────

export const evaluationRequestSchema = z
  .object({
    level: levelSchema,
    dimensions: z.partialRecord(z.enum(EVALUATION_DIMENSION_KEYS), levelSchema).optional().meta({ description: '分项评价（网上办事）' }),
    tags: z.array(z.enum(EVALUATION_TAG_KEYS)).max(8).optional(),
    comment: typedText('评价内容', 'text').max(COMMENT_MAX_LENGTH * 2, `评价内容不超过${COMMENT_MAX_LENGTH}个字`).optional(),
    onBehalf: onBehalfSchema.optional(),
  })
  .strict()
  .meta({ id: 'EvaluationRequest' });
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;

export const rectificationResponseViewSchema = z.object({
  status: z.enum(RECTIFICATION_STATUS_KEYS),
  statusLabel: z.string(),
  outcome: z.enum(RECTIFICATION_OUTCOME_KEYS).optional(),
  outcomeLabel: z.string().optional(),
  response: z.string().optional().meta({ description: '单位对评价人的答复' }),
  rectifyBy: dateSchema.optional().meta({ description: '限期整改的完成日期' }),
  respondedAt: z.iso.datetime().optional(),
  completedAt: z.iso.datetime().optional(),
});

export const evaluationSchema = z
  .object({
    subjectKind: z.enum(['case', 'complaint']),
    subjectId: z.string().meta({ description: '办件编号或投诉编号' }),
    level: levelSchema,
    levelLabel: z.string(),
    dimensions: z.partialRecord(z.enum(EVALUATION_DIMENSION_KEYS), levelSchema),
    tags: z.array(z.enum(EVALUATION_TAG_KEYS)),
    tagLabels: z.array(z.string()),
    comment: z.string().optional(),
    channel: channelSchema,
    channelLabel: z.string(),
    at: z.iso.datetime(),
    rectification: rectificationResponseViewSchema.optional().meta({ description: '差评的整改答复' }),
  })
  .meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof evaluationSchema>;

/** The evaluation part of a case or complaint as its applicant sees it. */
export const evaluationStateSchema = z
  .object({
    canEvaluate: z.boolean(),
    given: evaluationSchema.optional(),
  })
  .meta({ id: 'EvaluationState' });
export type EvaluationState = z.infer<typeof evaluationStateSchema>;

// ── Rectification of bad reviews ────────────────────────────────────────────────────────────────────

export const rectificationActionSchema = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('call_back'),
      version: versionSchema,
      method: z.enum(CALL_BACK_METHOD_KEYS),
      reached: z.boolean().meta({ description: '是否联系上评价人' }),
      note: textSchema('回访情况', 500),
    }),
    z.object({
      action: z.literal('respond'),
      version: versionSchema,
      outcome: z.enum(RECTIFICATION_OUTCOME_KEYS),
      response: textSchema('答复内容', 500),
      rectifyBy: dateSchema.optional().meta({ description: '限期整改时必填' }),
    }),
    z.object({ action: z.literal('complete'), version: versionSchema, note: textSchema('整改结果', 500) }),
    z.object({ action: z.literal('decide_appeal'), version: versionSchema, decision: z.enum(['upheld', 'dismissed']), note: textSchema('复核意见', 500) }),
  ])
  .meta({ id: 'RectificationAction' });
export type RectificationAction = z.infer<typeof rectificationActionSchema>;

export const rectificationSummarySchema = z
  .object({
    subjectId: z.string(),
    subjectKind: z.enum(['case', 'complaint']),
    itemName: z.string(),
    organisationCode: z.string(),
    organisationName: z.string(),
    level: levelSchema,
    levelLabel: z.string(),
    tagLabels: z.array(z.string()),
    channel: channelSchema,
    status: z.enum(RECTIFICATION_STATUS_KEYS),
    statusLabel: z.string(),
    createdAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    calledBack: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'RectificationSummary' });
export type RectificationSummary = z.infer<typeof rectificationSummarySchema>;

export const rectificationDetailSchema = rectificationSummarySchema
  .extend({
    evaluation: evaluationSchema,
    evaluatorName: z.string().meta({ description: '评价人（已脱敏）' }),
    evaluatorMobile: z.string().optional().meta({ description: '回访用联系电话（仅本单位工作人员可见）' }),
    callBacks: z.array(z.object({ at: z.iso.datetime(), method: z.enum(CALL_BACK_METHOD_KEYS), methodLabel: z.string(), reached: z.boolean(), note: z.string(), by: z.string() })),
    response: rectificationResponseViewSchema.optional(),
    appeal: z.object({ reason: z.string(), at: z.iso.datetime(), decision: z.enum(['upheld', 'dismissed']).optional(), note: z.string().optional(), decidedAt: z.iso.datetime().optional() }).optional(),
    history: z.array(z.object({ at: z.iso.datetime(), label: z.string(), by: z.string(), note: z.string().optional() })),
    actions: z.array(z.enum(['call_back', 'respond', 'complete', 'decide_appeal'])),
  })
  .meta({ id: 'RectificationDetail' });
export type RectificationDetail = z.infer<typeof rectificationDetailSchema>;

export const rectificationListQuerySchema = z
  .object({
    limit: pageLimitSchema.optional(),
    cursor: z.string().max(2000).optional(),
    status: z.enum(['open', 'all', 'appealed']).optional().meta({ description: 'open：待回访或待处理；appealed：待复核的申诉（省级管理员）' }),
    organisation: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).optional(),
  })
  .strict();
export const rectificationListSchema = z
  .object({ items: z.array(rectificationSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'RectificationPage' });
export const subjectPathSchema = z.object({ subjectId: z.string().regex(/^[0-9A-Z]{20,26}$/, '编号格式不正确') });

// ── Public progress query ───────────────────────────────────────────────────────────────────────────

export const publicProgressRequestSchema = z
  .object({
    caseNumber: z.string().trim().toUpperCase().regex(/^\d{14}[0-9A-Z]{8}$/, '请填写22位办件编号'),
    name: z.string().trim().min(1).max(60).optional().meta({ description: '申请人姓名或企业名称' }),
    mobileLast4: z.string().regex(/^\d{4}$/, '请填写手机号码后4位').optional(),
  })
  .strict()
  .refine((value) => !!value.name !== !!value.mobileLast4, { message: '请填写申请人姓名或手机号码后4位（二选一）', path: ['name'] })
  .meta({ id: 'PublicProgressRequest' });
export type PublicProgressRequest = z.infer<typeof publicProgressRequestSchema>;

export const publicProgressSchema = z
  .object({
    caseNumber: z.string(),
    itemName: z.string(),
    organisationName: z.string(),
    applicantName: z.string().meta({ description: '个人姓名已脱敏（如 张*）；企业为登记名称（公开信息）' }),
    statusLabel: z.string(),
    statusHint: z.string(),
    submittedAt: z.iso.datetime(),
    promisedBy: z.string().optional().meta({ description: '承诺办结日期（受理后）' }),
    finished: z.boolean(),
    steps: z.array(z.object({ at: z.iso.datetime(), label: z.string() })),
    sourceLabel: z.string().optional().meta({ description: '在其他系统办理后导入的办件：来源（如“全国旅游监管服务平台”）' }),
  })
  .meta({ id: 'PublicProgress', description: '公开查询的办件进度（只含可公开的脱敏信息）' });
export type PublicProgress = z.infer<typeof publicProgressSchema>;

// ── Consultations ───────────────────────────────────────────────────────────────────────────────────

export const consultationRequestSchema = z
  .object({
    implementationCode: implementationCodeSchema,
    question: textSchema('咨询内容', 500),
    onBehalf: onBehalfSchema.optional(),
  })
  .strict()
  .meta({ id: 'ConsultationRequest' });
export type ConsultationRequest = z.infer<typeof consultationRequestSchema>;

export const consultationSchema = z
  .object({
    consultationId: z.string(),
    implementationCode: z.string(),
    itemName: z.string(),
    organisationName: z.string(),
    question: z.string(),
    askerName: z.string().meta({ description: '已脱敏' }),
    channel: channelSchema,
    channelLabel: z.string(),
    status: z.enum(['open', 'answered']),
    statusLabel: z.string(),
    askedAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    answer: z.string().optional(),
    answeredAt: z.iso.datetime().optional(),
    answeredBy: z.string().optional(),
    inFaq: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Consultation' });
export type Consultation = z.infer<typeof consultationSchema>;

export const consultationListSchema = z
  .object({ items: z.array(consultationSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ConsultationPage' });
export const consultationListQuerySchema = z
  .object({ limit: pageLimitSchema.optional(), cursor: z.string().max(2000).optional(), status: z.enum(['open', 'answered']).optional() })
  .strict();
export const consultationPathSchema = z.object({ consultationId: z.string().regex(/^ZX[0-9A-Z]{22}$/, '咨询编号格式不正确') });
export const answerConsultationRequestSchema = z.object({ version: versionSchema, answer: textSchema('答复内容', 1000) }).strict().meta({ id: 'AnswerConsultation' });
export const promoteFaqRequestSchema = z
  .object({ question: textSchema('常见问题', 200).optional(), answer: textSchema('解答', 1000).optional() })
  .strict()
  .meta({ id: 'PromoteFaq', description: '可润色问题和解答后再发布到办事指南' });

export const faqEntrySchema = z.object({ faqId: z.string(), question: z.string(), answer: z.string(), publishedAt: z.iso.datetime() }).meta({ id: 'FaqEntry' });
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export const faqListSchema = z.object({ items: z.array(faqEntrySchema) }).meta({ id: 'FaqList' });

// ── Tourism complaints ──────────────────────────────────────────────────────────────────────────────

export const complaintRequestSchema = z
  .object({
    regionCode: z.string().regex(/^34\d{4}$/, '请选择被投诉单位所在地区'),
    business: z
      .object({
        name: textSchema('被投诉单位名称', 100, 'line'),
        creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为18位').optional(),
        kind: z.enum(['travel_agency', 'scenic_area', 'hotel', 'tour_guide', 'other']),
      })
      .strict(),
    tripStart: dateSchema,
    tripEnd: dateSchema,
    account: textSchema('投诉事由（经过）', 2000),
    amount: z.number().min(0).max(10_000_000).optional().meta({ description: '涉及金额（元）' }),
    request: textSchema('投诉请求', 500),
    complainantName: personNameSchema.optional().meta({ description: '投诉人姓名（本人在线投诉时填写；代为登记时见 onBehalf）' }),
    contactMobile: mobileSchema.optional(),
    onBehalf: onBehalfSchema.optional(),
  })
  .strict()
  .refine((value) => value.tripEnd >= value.tripStart, { message: '行程结束日期不能早于开始日期', path: ['tripEnd'] })
  .meta({ id: 'ComplaintRequest' });
export type ComplaintRequest = z.infer<typeof complaintRequestSchema>;

export const complaintSummarySchema = z
  .object({
    complaintNumber: z.string(),
    organisationCode: z.string(),
    organisationName: z.string(),
    businessName: z.string(),
    complainantName: z.string().meta({ description: '已脱敏' }),
    channel: channelSchema,
    channelLabel: z.string(),
    status: z.enum(COMPLAINT_STATUS_KEYS),
    statusLabel: z.string(),
    submittedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().optional().meta({ description: '受理期限（5个工作日）' }),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'ComplaintSummary' });
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;

export const complaintDetailSchema = complaintSummarySchema
  .extend({
    business: z.object({ name: z.string(), creditCode: z.string().optional(), kind: z.string(), kindLabel: z.string() }),
    tripStart: z.string(),
    tripEnd: z.string(),
    account: z.string(),
    amount: z.number().optional(),
    request: z.string(),
    statusHint: z.string(),
    contactMobile: z.string().optional().meta({ description: '仅处理单位工作人员可见' }),
    history: z.array(z.object({ at: z.iso.datetime(), label: z.string(), note: z.string().optional(), organisationName: z.string() })),
    outcome: z.enum(COMPLAINT_OUTCOME_KEYS).optional(),
    outcomeLabel: z.string().optional(),
    actions: z.array(z.enum(COMPLAINT_ACTION_KEYS)),
    evaluation: evaluationStateSchema.optional().meta({ description: '投诉人对处理情况的评价' }),
  })
  .meta({ id: 'ComplaintDetail' });
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const complaintListSchema = z
  .object({ items: z.array(complaintSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ComplaintPage' });
export const complaintListQuerySchema = z
  .object({ limit: pageLimitSchema.optional(), cursor: z.string().max(2000).optional(), status: z.enum(COMPLAINT_STATUS_KEYS).optional() })
  .strict();
export const complaintPathSchema = z.object({ complaintNumber: z.string().regex(/^TS\d{14}[0-9A-Z]{8}$/, '投诉编号格式不正确') });
export const complaintActionRequestSchema = z
  .object({
    action: z.enum(COMPLAINT_ACTION_KEYS),
    version: versionSchema,
    note: typedText('办理说明', 'text').max(1000).optional().meta({ description: '受理意见、调解记录、办结说明' }),
    reason: typedText('理由', 'text').max(500).optional().meta({ description: '不予受理或转办的理由' }),
    targetOrganisationCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).optional(),
    outcome: z.enum(COMPLAINT_OUTCOME_KEYS).optional(),
    refundAmount: z.number().min(0).max(10_000_000).optional(),
  })
  .strict()
  .meta({ id: 'ComplaintAction' });
export type ComplaintActionRequest = z.infer<typeof complaintActionRequestSchema>;

// ── Pain points and praise points ───────────────────────────────────────────────────────────────────

export const feedbackStatsQuerySchema = z
  .object({
    organisation: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).optional(),
    item: implementationCodeSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const feedbackStatsSchema = z
  .object({
    organisationCode: z.string(),
    organisationName: z.string(),
    from: z.string(),
    to: z.string(),
    total: z.number().int().meta({ description: '有效评价数（申诉成立的差评不计）' }),
    voided: z.number().int().meta({ description: '申诉成立、不计入统计的差评' }),
    distribution: z.array(countSchema).meta({ description: '各等级评价数，非常满意…非常不满意' }),
    satisfactionRate: z.number().nullable().meta({ description: '满意率：非常满意、满意、基本满意占比（0–1）' }),
    badReviews: z.number().int(),
    dimensions: z.array(z.object({ key: z.string(), label: z.string(), average: z.number().nullable(), count: z.number().int() })),
    channels: z.array(countSchema),
    painPoints: z.object({ tags: z.array(countSchema), keywords: z.array(countSchema) }),
    praisePoints: z.object({ tags: z.array(countSchema), keywords: z.array(countSchema) }),
    rectification: z.object({
      total: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      calledBack: z.number().int(),
      callBackRate: z.number().nullable(),
    }),
    items: z.array(z.object({ implementationCode: z.string(), itemName: z.string(), total: z.number().int(), badReviews: z.number().int(), satisfactionRate: z.number().nullable() })),
  })
  .meta({ id: 'FeedbackStats', description: '痛点与赞点：评价分布、满意率、差评标签与关键词、整改情况' });
export type FeedbackStats = z.infer<typeof feedbackStatsSchema>;
