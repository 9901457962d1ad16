import * as z from 'zod';
import { failedReportsPageSchema, failedReportsQuerySchema, replayResultSchema } from '../reports/api';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const unauthenticated = { description: '未登录或登录已过期', schema: errorBodySchema };
const forbidden = { description: '只有单位管理员（本单位）和省级管理员可以查看和重新上报', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const reportPathSchema = z.object({ reportId: z.string().max(400).meta({ description: '上报记录标识（失败列表中的 reportId）' }) });

/** 上报监控: reports upward to the provincial platform that were refused or given up, and their replay. */
export const REPORT_ROUTES: RouteSpec[] = [
  {
    operationId: 'listFailedReports',
    method: 'get',
    path: '/staff/reports/failed',
    summary: '上报省平台失败的记录（被拒收或多次重试后放弃）：内容、原因、进入列表的时间，最新在前，游标分页；附本单位近30天晚报、失败数',
    tag: '上报监控',
    auth: true,
    query: failedReportsQuerySchema,
    responses: { 200: { description: '一页失败记录', schema: failedReportsPageSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 500: serverError },
  },
  {
    operationId: 'replayFailedReport',
    method: 'post',
    path: '/staff/reports/failed/{reportId}/replay',
    summary: '重新上报一条失败记录（并按顺序上报同一办件其后等待的记录）；重复请求不会重复上报，操作记入日志',
    tag: '上报监控',
    auth: true,
    params: reportPathSchema,
    responses: {
      200: { description: '重新上报的结果', schema: replayResultSchema },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: { description: '上报记录不存在', schema: errorBodySchema },
      500: serverError,
    },
  },
];
