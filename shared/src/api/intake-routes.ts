import { caseDetailSchema } from '../cases/api';
import { claimCaseRequestSchema, hallIntakeReceiptSchema, hallIntakeRequestSchema } from '../cases/intake-api';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const unauthenticated = { description: '未登录或登录已过期', schema: errorBodySchema };

/** 线上线下联合办理: the hall window enters a walk-in application; the person claims it on the phone. */
export const INTAKE_ROUTES: RouteSpec[] = [
  {
    operationId: 'enterHallIntake',
    method: 'post',
    path: '/staff/intake',
    summary: '窗口受理：大厅窗口工作人员代申请人录入申请（扫描件材料，渠道为服务大厅窗口），返回带一次性认领码的回执',
    tag: '工作台',
    auth: true,
    headers: { 'Idempotency-Key': { description: '每份录入的申请生成一次的唯一标识（16-64位字母、数字、-、_），重试时保持不变', required: true } },
    body: hallIntakeRequestSchema,
    responses: {
      201: { description: '已创建办件，返回回执', schema: hallIntakeReceiptSchema },
      200: { description: '重试（同一 Idempotency-Key、同一内容）：返回首次创建的办件的回执', schema: hallIntakeReceiptSchema },
      400: badRequest,
      401: unauthenticated,
      403: { description: '不是大厅窗口工作人员，或事项不属于本单位', schema: errorBodySchema },
      404: { description: '事项不存在', schema: errorBodySchema },
      409: { description: '提交标识已用于另一份申请，或同一申请正在提交', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'claimCase',
    method: 'post',
    path: '/cases/claim',
    summary: '认领窗口受理的办件：凭回执上的办件编号和一次性认领码，办件归入我的办件（认领码输错5次即锁定）',
    tag: '在线申请',
    auth: true,
    body: claimCaseRequestSchema,
    responses: {
      200: { description: '已认领，返回办件详情', schema: caseDetailSchema },
      400: { description: '办件编号或认领码不正确', schema: errorBodySchema },
      401: unauthenticated,
      403: { description: '录入该办件的工作人员不能认领', schema: errorBodySchema },
      409: { description: '办件已被他人认领，或刚有新的进展', schema: errorBodySchema },
      410: { description: '认领码已过期', schema: errorBodySchema },
      429: { description: '认领码输错次数过多，已锁定', schema: errorBodySchema },
      500: serverError,
    },
  },
];
