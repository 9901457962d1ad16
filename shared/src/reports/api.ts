import '../zod-locale';
import * as z from 'zod';

/** GET /staff/reports/failed: the dead-letter list of reports upward, newest first. */
export const failedReportsQuerySchema = z
  .object({
    organisationCode: z
      .string()
      .regex(/^[0-9A-Z]{18}$/, '单位代码应为18位统一社会信用代码')
      .optional()
      .meta({ description: '只看该单位（省级管理员可查看任一单位；单位管理员只能查看本单位，默认本单位）' }),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(1024).optional(),
  })
  .meta({ id: 'FailedReportsQuery' });
export type FailedReportsQuery = z.infer<typeof failedReportsQuerySchema>;

export const failedReportSchema = z
  .object({
    reportId: z.string().meta({ description: '上报记录标识（重新上报时使用）' }),
    messageId: z.string().meta({ description: '上报消息编号（省平台据此去重）' }),
    recordType: z.enum(['case_step', 'evaluation', 'guide']),
    recordLabel: z.string().meta({ description: '记录类别：办件环节、办件评价、办事指南' }),
    subject: z.string().meta({ description: '办件编号，或指南的实施编码' }),
    summary: z.string().meta({ description: '上报的内容，如“受理（受理）”' }),
    organisationCode: z.string(),
    state: z.enum(['refused', 'failed']),
    stateLabel: z.string().meta({ description: '被省平台拒收，或多次重试后放弃' }),
    reason: z.string().meta({ description: '原因：省平台的拒收理由，或最后一次失败的原因' }),
    refusalCode: z.string().optional(),
    since: z.string().meta({ description: '进入失败列表的时间' }),
    changedAt: z.string().meta({ description: '所报告的变化发生的时间' }),
    attempts: z.number().int(),
  })
  .meta({ id: 'FailedReport' });
export type FailedReport = z.infer<typeof failedReportSchema>;

export const reportCountsSchema = z
  .object({
    organisationCode: z.string(),
    days: z.number().int().meta({ description: '统计的天数（截至今天）' }),
    late: z.number().int().meta({ description: '晚报：变化发生后超过时限才被省平台接收的记录数' }),
    failed: z.number().int().meta({ description: '失败：被拒收或多次重试后放弃的记录数（重新上报成功的也计入）' }),
    lateAfterMinutes: z.number().int(),
  })
  .meta({ id: 'ReportCounts' });
export type ReportCountsView = z.infer<typeof reportCountsSchema>;

export const failedReportsPageSchema = z
  .object({
    items: z.array(failedReportSchema),
    nextCursor: z.string().nullable(),
    counts: reportCountsSchema.nullable().meta({ description: '所选单位近30天的晚报、失败数（查看全省时为空）' }),
  })
  .meta({ id: 'FailedReportsPage' });
export type FailedReportsPage = z.infer<typeof failedReportsPageSchema>;

export const replayResultSchema = z
  .object({
    reportId: z.string(),
    replayed: z.boolean().meta({ description: '本次是否重新上报（已重新上报或已送达的记录不再重复）' }),
    state: z.enum(['pending', 'delivered', 'refused', 'failed']),
    stateLabel: z.string(),
  })
  .meta({ id: 'ReplayResult' });
export type ReplayResult = z.infer<typeof replayResultSchema>;

export const REPORT_STATE_LABELS = { pending: '等待上报', delivered: '省平台已接收', refused: '被省平台拒收', failed: '多次重试后放弃' } as const;
