import * as z from 'zod';

/**
 * Records reported upward to the provincial government-service platform (省政务服务平台), one message each,
 * in the national 办件 record layout (see README, "Reporting upward"). Field names are this product's
 * English names; the Chinese name of each national field is in its description. Three kinds:
 *  - case_step   one step of a case: 受理, 办理环节, 特别程序, 办结 (with its 结果), 送达
 *  - evaluation  a 好差评 evaluation of a case
 *  - guide       a published guide version (同步同源)
 * Personal data follows the national rule for shared 办件 records: the applicant's name masked, no ID
 * number, no contact details. `messageId` is stable: the platform takes each message once.
 */

export const REPORT_STEP_KINDS = {
  acceptance: '受理',
  processing: '办理环节',
  special_procedure: '特别程序',
  completion: '办结',
  delivery: '送达',
} as const;
export type ReportStepKind = keyof typeof REPORT_STEP_KINDS;

const text = (max: number) => z.string().min(1).max(max);
const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
const messageId = z.string().regex(/^[0-9A-Za-z_-]{6,120}$/);

export const caseStepReportSchema = z.object({
  recordType: z.literal('case_step'),
  messageId,
  /** 办件编号 */
  caseNumber: text(40),
  /** 实施编码 */
  implementationCode: text(40),
  /** 事项名称 */
  itemName: text(100),
  /** 受理部门 (名称, 统一社会信用代码) */
  organisationName: text(100),
  organisationCode: z.string().regex(/^[0-9A-Z]{18}$/),
  /** 申请人名称 (masked: a person's name shows only its first character; an enterprise's in full) */
  applicantName: text(100),
  /** 申请人类型: 自然人 / 法人 */
  applicantType: z.enum(['自然人', '法人']),
  /** 申请时间 */
  appliedAt: time,
  /** 环节序号: the step's number in the case's audit chain */
  stepSeq: z.number().int().min(1),
  /** 环节类别 */
  stepKind: z.enum(Object.keys(REPORT_STEP_KINDS) as [ReportStepKind, ...ReportStepKind[]]),
  /** 环节名称 */
  stepName: text(40),
  /** 办理人 */
  officer: text(60),
  /** 办理意见 */
  opinion: z.string().max(1000).optional(),
  /** 办理时间 */
  stepAt: time,
  /** 办件状态 after the step */
  caseStatus: text(20),
  /** 承诺办结时间 (from acceptance) */
  promisedAt: time.optional(),
  /** 特别程序种类 */
  specialProcedure: z.enum(['现场核查', '专家评审', '听证']).optional(),
  /** 办结时间 and 结果 (办结 steps): 准予 / 不予 / 不予受理 / 撤回 / 办结, with the decision document */
  result: z
    .object({
      outcome: z.enum(['准予', '不予', '不予受理', '撤回', '办结']),
      completedAt: time,
      documentName: z.string().max(60).optional(),
      documentNumber: z.string().max(80).optional(),
    })
    .optional(),
  /** 送达方式 and 送达时间 (送达 steps) */
  delivery: z.object({ method: z.enum(['电子送达', '邮寄送达', '窗口领取']), deliveredAt: time, trackingNumber: z.string().max(40).optional() }).optional(),
});
export type CaseStepReport = z.infer<typeof caseStepReportSchema>;

export const evaluationReportSchema = z.object({
  recordType: z.literal('evaluation'),
  messageId,
  /** 办件编号 */
  caseNumber: text(40),
  implementationCode: text(40),
  itemName: text(100),
  organisationName: text(100),
  organisationCode: z.string().regex(/^[0-9A-Z]{18}$/),
  /** 评价等级: 1 非常不满意 … 5 非常满意 */
  level: z.number().int().min(1).max(5),
  levelLabel: text(10),
  /** 评价渠道 */
  channel: text(20),
  /** 评价时间 */
  evaluatedAt: time,
});
export type EvaluationReport = z.infer<typeof evaluationReportSchema>;

export const guideReportSchema = z.object({
  recordType: z.literal('guide'),
  messageId,
  implementationCode: text(40),
  itemName: text(100),
  /** 指南版本 */
  version: z.number().int().min(1),
  organisationName: text(100),
  organisationCode: z.string().regex(/^[0-9A-Z]{18}$/),
  /** 发布时间 */
  publishedAt: time,
  /** The guide as published, in the national guide field layout (the catalog's guide document). */
  guide: z.record(z.string(), z.unknown()),
});
export type GuideReport = z.infer<typeof guideReportSchema>;

export const portalReportSchema = z.discriminatedUnion('recordType', [caseStepReportSchema, evaluationReportSchema, guideReportSchema]);
export type PortalReport = z.infer<typeof portalReportSchema>;

/** Where a report is: on its way (pending), taken (delivered), or on the dead-letter list (refused, failed). */
export type ReportState = 'pending' | 'delivered' | 'refused' | 'failed';

export const REPORT_RECORD_LABELS: Record<PortalReport['recordType'], string> = { case_step: '办件环节', evaluation: '办件评价', guide: '办事指南' };
