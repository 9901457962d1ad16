import '../zod-locale';
import * as z from 'zod';
import { pageLimitSchema } from '../catalog/api';
import { implementationCodeSchema } from '../catalog/codes';
import { MATERIAL_TYPES, MAX_FILES_PER_MATERIAL, MAX_MATERIAL_BYTES, uploadedFileSchema } from '../application/application';
import { CASE_CHANNEL_KEYS, CASE_STATUSES, CASE_TRANSITION_KEYS } from './status';
import { commitmentViewSchema } from './commitment-view';
import { caseDocumentSchema, deadlineSchema } from './staff-api';
import { evaluationStateSchema } from '../feedback/api';
import { typedText } from '../text/free-text';

const statusSchema = z.enum(Object.keys(CASE_STATUSES) as [keyof typeof CASE_STATUSES]).meta({ description: '办件状态' });

export const visitBookingSchema = z
  .object({ slotId: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string(), bookedAt: z.string() })
  .meta({ id: 'VisitBooking' });
export type VisitBooking = z.infer<typeof visitBookingSchema>;

export const visitSlotsSchema = z
  .object({
    place: z.string(),
    slots: z.array(z.object({ slotId: z.string(), startsAt: z.string(), endsAt: z.string(), remaining: z.number().int() })),
    booking: visitBookingSchema.optional(),
  })
  .meta({ id: 'VisitSlots' });
export type VisitSlots = z.infer<typeof visitSlotsSchema>;

export const bookVisitRequestSchema = z.object({ slotId: z.string().regex(/^\d{12}$/, '请选择预约时段') }).strict().meta({ id: 'BookVisitRequest' });

export const caseSummarySchema = z
  .object({
    caseNumber: z.string().meta({ description: '办件编号' }),
    implementationCode: implementationCodeSchema,
    itemName: z.string(),
    organisationName: z.string(),
    status: statusSchema,
    statusLabel: z.string(),
    applicantName: z.string().meta({ description: '申请人（个人姓名已脱敏）' }),
    submittedAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseSummary', description: '我的办件列表中的一项' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseFileSchema = z.object({
  index: z.number().int().min(0),
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.enum(MATERIAL_TYPES),
});

export const caseDetailSchema = caseSummarySchema
  .extend({
    applicant: z.object({
      kind: z.enum(['person', 'enterprise']),
      name: z.string(),
      idNumberMasked: z.string().meta({ description: '证件号码（脱敏）' }),
      mobileMasked: z.string().optional(),
      agentName: z.string().optional(),
    }),
    fields: z.record(z.string(), z.unknown()),
    materials: z.array(
      z.object({
        materialId: z.string(),
        name: z.string(),
        source: z.enum(['applicant', 'issued_licence']),
        files: z.array(caseFileSchema),
        licenceName: z.string().optional(),
        licence: z
          .object({
            name: z.string(),
            issuer: z.string(),
            status: z.enum(['awaiting_wallet', 'verified']).meta({ description: 'awaiting_wallet：待从电子证照库调取；verified：已核验' }),
            number: z.string().optional(),
            source: z.enum(['issued', 'provincial']).optional().meta({ description: 'issued：本系统核发；provincial：省电子证照库' }),
            licenceId: z.string().optional().meta({ description: '本系统核发的证照标识' }),
            stateAtSubmission: z.literal('valid').optional().meta({ description: '提交时证照的状态' }),
            validUntil: z.string().optional().meta({ description: '提交时证照的有效期至，缺省为长期有效' }),
          })
          .optional()
          .meta({ description: '来源为政府部门核发的材料所引用的电子证照' }),
        commitment: commitmentViewSchema.optional().meta({ description: '告知承诺' }),
      }),
    ),
    channel: z.enum(CASE_CHANNEL_KEYS).meta({ description: '申请渠道' }),
    channelLabel: z.string(),
    guideVersion: z.number().int(),
    history: z.array(
      z.object({ at: z.iso.datetime(), action: z.string(), actionLabel: z.string(), to: statusSchema, by: z.enum(['applicant', 'staff', 'system']) }),
    ),
    version: z.number().int().meta({ description: '办件版本号（补正、撤回时带上）' }),
    statusHint: z.string(),
    documents: z.array(caseDocumentSchema).meta({ description: '一次性告知书、受理通知书、决定书等' }),
    deadlines: z.array(deadlineSchema),
    supplement: z
      .object({ materialIds: z.array(z.string()).meta({ description: '需要重新上传的材料（仅这些）' }), noticeNumber: z.string().optional() })
      .optional()
      .meta({ description: '待补正时：一次性告知书要求补正的材料' }),
    actions: z.array(z.enum(CASE_TRANSITION_KEYS)).meta({ description: '申请人当前可以执行的动作' }),
    visit: z
      .object({
        required: z.boolean(),
        reason: z.string().optional().meta({ description: '列入负面清单、必须到现场的原因' }),
        purpose: z.string().optional().meta({ description: '到现场办理的内容（如领取标牌）' }),
        when: z.enum(['after_acceptance', 'after_approval']).meta({ description: '何时可以预约：受理后（审查期间），或准予后（领取结果）' }),
        canBook: z.boolean(),
        booking: visitBookingSchema.optional(),
      })
      .optional()
      .meta({ description: '负面清单事项的一次现场办理（网上预约）' }),
    evaluation: evaluationStateSchema.optional().meta({ description: '好差评：办结后可评价一次；差评的整改答复' }),
  })
  .meta({ id: 'CaseDetail', description: '办件详情（申请人视角）' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

import { CASE_OVERVIEW_SIZE } from './overview';

export { CASE_OVERVIEW_SIZE };

/**
 * One of the person's latest cases as the home page shows it at a glance: the list entry plus what says
 * whether the applicant has something to do (补正, a visit to book, 待评价) and the running deadline.
 */
export const caseGlanceSchema = caseDetailSchema
  .pick({
    caseNumber: true,
    implementationCode: true,
    itemName: true,
    organisationName: true,
    status: true,
    statusLabel: true,
    applicantName: true,
    submittedAt: true,
    deadlines: true,
    actions: true,
    visit: true,
    evaluation: true,
  })
  .meta({ id: 'CaseGlance', description: '首页“我的办件”中的一项：办件状态、时限、预约与评价' });
export type CaseGlance = z.infer<typeof caseGlanceSchema>;

export const caseOverviewSchema = z
  .object({ cases: z.array(caseGlanceSchema).max(CASE_OVERVIEW_SIZE) })
  .meta({ id: 'CaseOverview', description: '本人最近的办件（按提交时间倒序，至多10件）' });
export type CaseOverview = z.infer<typeof caseOverviewSchema>;

export const caseListResponseSchema = z
  .object({ cases: z.array(caseSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CasePage' });

export const pageQuerySchema = z
  .object({
    limit: pageLimitSchema,
    cursor: z.string().max(1024).optional(),
  })
  .strict();

export const uploadRequestSchema = z
  .object({
    implementationCode: implementationCodeSchema,
    materialId: z.string().regex(/^[a-z0-9-]{1,40}$/, '材料标识不正确'),
    fileName: typedText('文件名').min(1, '缺少文件名').max(120, '文件名不能超过120个字符'),
    contentType: z.enum(MATERIAL_TYPES, { error: '只能上传 PDF、JPG 或 PNG 文件' }),
    size: z
      .number({ error: '缺少文件大小' })
      .int()
      .min(1, '文件是空的，请重新选择')
      .max(MAX_MATERIAL_BYTES, `文件不能超过${MAX_MATERIAL_BYTES / 1024 / 1024}MB，请压缩或拆分后上传`),
  })
  .strict()
  .meta({ id: 'UploadRequest' });
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export const uploadTicketSchema = z
  .object({
    url: z.string().meta({ description: '表单上传地址（S3 预签名 POST）' }),
    fields: z.record(z.string(), z.string()).meta({ description: '须原样放在文件之前提交的表单字段' }),
    key: z.string(),
    maxBytes: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'UploadTicket' });
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

export const downloadLinkSchema = z
  .object({ url: z.string(), fileName: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'DownloadLink' });

export const draftSummarySchema = z
  .object({
    implementationCode: implementationCodeSchema,
    itemName: z.string(),
    updatedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'DraftSummary' });
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftSchema = draftSummarySchema
  .extend({ form: z.record(z.string(), z.unknown()).meta({ description: '未完成的申请表内容' }) })
  .meta({ id: 'Draft' });
export type Draft = z.infer<typeof draftSchema>;

export const saveDraftRequestSchema = z
  .object({ form: z.record(z.string(), z.unknown(), { error: '缺少草稿内容' }) })
  .strict()
  .meta({ id: 'SaveDraftRequest' });

export const draftListResponseSchema = z.object({ drafts: z.array(draftSummarySchema) }).meta({ id: 'DraftList' });

/** The applicant's supplement: new files for exactly the materials the one-time notice named. */
export const resubmitRequestSchema = z
  .object({
    version: z.number().int().min(1),
    materials: z.record(z.string(), z.array(uploadedFileSchema).min(1, '请上传文件').max(MAX_FILES_PER_MATERIAL, `每项材料最多上传${MAX_FILES_PER_MATERIAL}个文件`)),
  })
  .strict()
  .meta({ id: 'ResubmitRequest' });

export const withdrawRequestSchema = z
  .object({ version: z.number().int().min(1), reason: typedText('撤回原因', 'text').min(1, '请填写撤回原因').max(200, '撤回原因不超过 200 个字') })
  .strict()
  .meta({ id: 'WithdrawRequest' });
