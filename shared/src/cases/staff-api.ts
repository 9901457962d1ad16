import '../zod-locale';
import * as z from 'zod';
import { pageLimitSchema } from '../catalog/api';
import { typedText } from '../text/free-text';
import { CASE_CHANNEL_KEYS, CASE_STATUS_KEYS, CASE_TRANSITION_KEYS } from './status';
import { commitmentViewSchema } from './commitment-view';
import { COMMITMENT_CONSEQUENCE_KEYS } from '../application/commitment-consequences';

const statusSchema = z.enum(CASE_STATUS_KEYS).meta({ description: '办件状态' });
const actionSchema = z.enum(CASE_TRANSITION_KEYS).meta({ description: '办理动作' });
/** A field staff type (see text/characters.ts). */
const text = (label: string, max = 500, kind: 'line' | 'text' = 'text') =>
  typedText(label, kind)
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);

/** One defect of a one-time notice: a material of the guide, or one of its acceptance conditions. */
export const defectSchema = z
  .object({
    materialId: z.string().max(40).optional().meta({ description: '不合格的申请材料（办件所依据的指南版本中的材料）' }),
    conditionIndex: z.number().int().min(0).max(50).optional().meta({ description: '不满足的受理条件（指南中受理条件的序号）' }),
    reason: text('补正原因', 200),
  })
  .refine((d) => (d.materialId === undefined) !== (d.conditionIndex === undefined), { message: '每一项补正须且只能指向一份材料或一项受理条件' })
  .meta({ id: 'Defect' });
export type Defect = z.infer<typeof defectSchema>;

export const deliverySchema = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('electronic') }),
    z.object({ method: z.literal('post'), trackingNumber: z.string().trim().regex(/^[0-9A-Za-z]{8,30}$/, '请填写正确的快递单号') }),
    z.object({ method: z.literal('pickup'), hall: text('领取地点', 100, 'line') }),
  ])
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof deliverySchema>;

/** A staff action on a case, with the version the staff member saw (optimistic locking). */
export const staffActionRequestSchema = z
  .object({
    action: actionSchema,
    version: z.number().int().min(1).meta({ description: '办理人看到的办件版本号，已被他人更新时返回 409' }),
    opinion: typedText('意见', 'text').max(1000, '意见不超过 1000 个字').optional(),
    reason: typedText('理由', 'text').max(1000, '理由不超过 1000 个字').optional(),
    legalRemedy: typedText('救济途径', 'text').max(500, '救济途径不超过 500 个字').optional(),
    defects: z.array(defectSchema).max(50).optional(),
    delivery: deliverySchema.optional(),
    targetOrganisationCode: z.string().max(18).optional(),
    procedure: z.enum(['site_inspection', 'expert_review', 'hearing']).optional().meta({ description: '特别程序：现场核查、专家评审、听证' }),
    commitment: z
      .object({
        materialId: z.string().max(40),
        consequence: z.enum(COMMITMENT_CONSEQUENCE_KEYS),
      })
      .optional()
      .meta({ description: '认定承诺不实' }),
  })
  .meta({ id: 'StaffActionRequest' });
export type StaffActionRequest = z.infer<typeof staffActionRequestSchema>;

export const SPECIAL_PROCEDURES = { site_inspection: '现场核查', expert_review: '专家评审', hearing: '听证' } as const;

/**
 * The documents a case can issue. The decision follows the item: a licensing decision (行政许可), a filing
 * receipt or refusal (备案), a confirmation (行政确认) or an answer letter (公共服务).
 */
export const CASE_DOCUMENT_KINDS = [
  'supplement_notice',
  'acceptance_notice',
  'non_acceptance_decision',
  'approval_decision',
  'refusal_decision',
  'filing_receipt',
  'filing_refusal',
  'confirmation_decision',
  'non_confirmation_decision',
  'service_reply',
  'service_refusal',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

export const caseDocumentSchema = z
  .object({
    documentId: z.string(),
    kind: z.enum(CASE_DOCUMENT_KINDS),
    title: z.string(),
    number: z.string().meta({ description: '文号，如 皖文旅预补〔2026〕12号' }),
    issuedAt: z.string(),
    issuer: z.string(),
    paragraphs: z.array(z.string()),
    defects: z.array(z.object({ subject: z.string(), reason: z.string() })).optional(),
    /** The electronic licence a licensing decision granted (我的证照). */
    licence: z.object({ licenceId: z.string(), number: z.string(), typeName: z.string() }).optional(),
  })
  .meta({ id: 'CaseDocument' });
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const deadlineSchema = z
  .object({
    kind: z.enum(['pre_review', 'completion']),
    label: z.string(),
    dueAt: z.string().optional(),
    remainingWorkingDays: z.number().int().optional(),
    paused: z.boolean(),
    overdue: z.boolean(),
  })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof deadlineSchema>;

export const staffCaseSummarySchema = z
  .object({
    caseNumber: z.string(),
    itemName: z.string(),
    implementationCode: z.string(),
    organisationName: z.string(),
    status: statusSchema,
    statusLabel: z.string(),
    applicantName: z.string(),
    submittedAt: z.string(),
    deadline: deadlineSchema.optional(),
    version: z.number().int(),
    channel: z.enum(CASE_CHANNEL_KEYS).optional().meta({ description: '办件来源渠道' }),
    channelLabel: z.string().optional().meta({ description: '来源，如“全国旅游监管服务平台”' }),
    nationalCaseNumber: z.string().optional().meta({ description: '从全国旅游监管服务平台导入的办件：其全国办件编号' }),
  })
  .meta({ id: 'StaffCaseSummary' });
export type StaffCaseSummary = z.infer<typeof staffCaseSummarySchema>;

export const staffInboxQuerySchema = z
  .object({
    limit: pageLimitSchema,
    cursor: z.string().max(1024).optional(),
    status: statusSchema.optional(),
    item: z.string().max(40).optional().meta({ description: '实施编码' }),
    organisation: z.string().max(18).optional().meta({ description: '省级工作人员查看某单位（只读监督）' }),
    source: z.enum(['national_tourism_system']).optional().meta({ description: '只列从全国旅游监管服务平台导入的办件（最新在前，含已办结）' }),
  })
  .strict();

export const staffInboxSchema = z
  .object({ items: z.array(staffCaseSummarySchema), nextCursor: z.string().nullable(), readOnly: z.boolean() })
  .meta({ id: 'StaffInbox' });
export type StaffInbox = z.infer<typeof staffInboxSchema>;

export const smartApprovalSchema = z
  .object({
    checkedAt: z.string(),
    outcome: z.enum(['approved', 'manual']).meta({ description: 'approved：系统即时准予；manual：转人工办理' }),
    rules: z.array(z.object({ kind: z.string(), label: z.string(), passed: z.boolean(), detail: z.string() })),
  })
  .meta({ id: 'SmartApproval', description: '智慧审批检查结果' });

export const materialReviewSchema = z.object({
  materialId: z.string(),
  name: z.string(),
  state: z.enum(['submitted', 'needs_supplement', 'resubmitted']),
  reason: z.string().optional(),
  files: z.array(z.object({ index: z.number().int(), fileName: z.string(), size: z.number().int(), contentType: z.string() })),
  source: z.enum(['applicant', 'issued_licence']),
  commitment: commitmentViewSchema
    .extend({
      confirmedByUserId: z.string().meta({ description: '确认的用户' }),
      textMatches: z.boolean().meta({ description: '摘要与指南一致' }),
    })
    .optional(),
});

export const staffCaseDetailSchema = staffCaseSummarySchema
  .extend({
    applicant: z.object({
      kind: z.enum(['person', 'enterprise']),
      name: z.string(),
      idNumber: z.string().meta({ description: '证件号码（工作人员审查所需，查看留痕）' }),
      mobile: z.string().optional(),
      agentName: z.string().optional(),
    }),
    fields: z.record(z.string(), z.unknown()),
    conditions: z.array(z.string()).meta({ description: '办件所依据指南版本的受理条件' }),
    materials: z.array(materialReviewSchema),
    guideVersion: z.number().int(),
    documents: z.array(caseDocumentSchema),
    history: z.array(
      z.object({ at: z.string(), action: z.string(), actionLabel: z.string(), from: statusSchema.nullable(), to: statusSchema, by: z.enum(['applicant', 'staff', 'system']), actorName: z.string().optional(), opinion: z.string().optional() }),
    ),
    deadlines: z.array(deadlineSchema),
    actions: z.array(actionSchema).meta({ description: '当前用户在此状态下可以执行的动作' }),
    readOnly: z.boolean(),
    channel: z.enum(CASE_CHANNEL_KEYS),
    channelLabel: z.string(),
    enteredBy: z.string().optional().meta({ description: '录入的窗口人员' }),
    claimed: z.boolean().optional().meta({ description: '是否已认领' }),
    smartApproval: smartApprovalSchema.optional(),
    visit: z
      .object({ startsAt: z.string(), endsAt: z.string(), place: z.string() })
      .optional()
      .meta({ description: '申请人预约的现场办理时段（负面清单事项）' }),
  })
  .meta({ id: 'StaffCaseDetail' });
export type StaffCaseDetail = z.infer<typeof staffCaseDetailSchema>;

export const auditVerificationSchema = z
  .object({
    caseNumber: z.string(),
    entries: z.number().int().meta({ description: '日志中的记录数（自提交申请起，每一步一条）' }),
    intact: z.boolean().meta({ description: '哈希链完整、每条记录与其存证一致' }),
    anchored: z.number().int().meta({ description: '已在只写一次的存储中存证且一致的记录数' }),
    pending: z.number().int().meta({ description: '刚写入、正在存证的记录数（数分钟内完成，不算异常）' }),
    firstBrokenSeq: z.number().int().optional(),
    problem: z.string().optional(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

const dayListSchema = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')).max(60);

export const calendarOverrideRequestSchema = z
  .object({
    holidays: dayListSchema.meta({ description: '放假的日期（含调休放假）' }),
    workdays: dayListSchema.meta({ description: '调休上班的周末日期' }),
  })
  .strict()
  .meta({ id: 'CalendarOverrideRequest' });

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    source: z.enum(['official', 'override', 'weekdays_only']).meta({ description: '官方数据 / 管理员补充 / 无数据，按周一至周五计算' }),
    note: z.string(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYear = z.infer<typeof calendarYearSchema>;
