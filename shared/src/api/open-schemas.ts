/** Bodies of the signed open API (open-routes.ts) that are not the catalog's national layout. */
import '../zod-locale';
import * as z from 'zod';
import { CASE_CHANNEL_KEYS, CASE_STATUS_KEYS } from '../cases/status';
import { evaluationRequestSchema } from '../feedback/api';

/** A case as the portal may show it: status and steps, no applicant, no officer, no opinion. */
export const openCaseSchema = z
  .object({
    case_number: z.string().meta({ description: '办件编号' }),
    task_code: z.string().meta({ description: '实施编码' }),
    task_name: z.string().meta({ description: '事项名称' }),
    dept_code: z.string().meta({ description: '实施主体统一社会信用代码' }),
    dept_name: z.string().meta({ description: '实施主体名称' }),
    apply_channel: z.object({ code: z.enum(CASE_CHANNEL_KEYS), name: z.string() }).meta({ description: '申请渠道' }),
    status: z.object({ code: z.enum(CASE_STATUS_KEYS), name: z.string() }).meta({ description: '办件状态' }),
    finished: z.boolean().meta({ description: '是否已办结（含已送达）' }),
    submitted_at: z.iso.datetime().meta({ description: '申请时间' }),
    promised_date: z.string().optional().meta({ description: '承诺办结日期（受理后，YYYY-MM-DD）' }),
    steps: z
      .array(
        z.object({
          seq: z.number().int(),
          at: z.iso.datetime(),
          action: z.string().meta({ description: '环节动作代码' }),
          name: z.string().meta({ description: '环节名称' }),
          result: z.object({ code: z.enum(CASE_STATUS_KEYS), name: z.string() }).meta({ description: '该环节后的办件状态' }),
        }),
      )
      .meta({ description: '办理环节（按时间顺序）' }),
  })
  .meta({ id: 'OpenCase', description: '办件状态与办理环节（不含申请人信息、经办人和审查意见）' });
export type OpenCase = z.infer<typeof openCaseSchema>;

/** An evaluation the portal collected from the applicant there: the app's request, without 代为登记, with the portal's id. */
export const portalEvaluationRequestSchema = evaluationRequestSchema
  .omit({ onBehalf: true })
  .extend({
    evaluation_id: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, '门户评价编号应为1-64位字母、数字或 _ . : -')
      .meta({ description: '门户自己的评价编号：同一编号重发得到同一结果（幂等）' }),
  })
  .strict()
  .meta({ id: 'PortalEvaluationRequest', description: '门户网站收集的评价（与本系统评价同一规则：一事一评，差评进入整改）' });
export type PortalEvaluationRequest = z.infer<typeof portalEvaluationRequestSchema>;
