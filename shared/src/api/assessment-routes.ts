import { assessmentCasesQuerySchema, assessmentCasesSchema, assessmentItemsQuerySchema, assessmentItemsSchema, assessmentQuerySchema, assessmentReportSchema, publicAssessmentQuerySchema } from '../assessment/api';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const unauthenticated = { description: '未登录或登录已过期', schema: errorBodySchema };
const forbidden = { description: '无权查看该范围的考核数据', schema: errorBodySchema };
const notFound = { description: '考核范围不存在', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };

/** 网上考核: the plan's figures from aggregates kept per organisation and day; the public report without sign-in. */
export const ASSESSMENT_ROUTES: RouteSpec[] = [
  {
    operationId: 'getAssessment',
    method: 'get',
    path: '/staff/assessment',
    summary: '网上考核：单位、市或全省在所选月份内的各项指标（网办率、跑动次数、按时办结率、一次性告知、满意率、整改回访、超期），逐月趋势与下级对比',
    tag: '网上考核',
    auth: true,
    query: assessmentQuerySchema,
    responses: { 200: { description: '考核报告', schema: assessmentReportSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound, 500: serverError },
  },
  {
    operationId: 'listAssessmentCases',
    method: 'get',
    path: '/staff/assessment/cases',
    summary: '某项指标背后的办件（默认只列拉低指标的办件，which=all 列出全部），游标分页；事项类指标打开事项清单而非办件',
    tag: '网上考核',
    auth: true,
    query: assessmentCasesQuerySchema,
    responses: { 200: { description: '一页办件', schema: assessmentCasesSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound, 500: serverError },
  },
  {
    operationId: 'listAssessmentItems',
    method: 'get',
    path: '/staff/assessment/items',
    summary: '事项类指标（可网办、最多跑一次、零跑腿、负面清单外零跑腿）背后的已发布事项：默认只列拉低指标的事项，which=all 列出计入分母的全部事项；按现有事项即时计算，至多列1000项',
    tag: '网上考核',
    auth: true,
    query: assessmentItemsQuerySchema,
    responses: { 200: { description: '事项清单', schema: assessmentItemsSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound, 500: serverError },
  },
  {
    operationId: 'exportAssessment',
    method: 'get',
    path: '/staff/assessment/export',
    summary: '导出考核报告为 CSV（UTF-8 带 BOM，Excel 可直接打开）：所选范围及其下级各一行，每项指标含数值、分子、分母',
    tag: '网上考核',
    auth: true,
    query: assessmentQuerySchema,
    responses: {
      200: { description: 'text/csv; charset=utf-8 文件', headers: { 'Content-Disposition': 'attachment; filename="assessment-<范围>-<起>-<止>.csv"' } },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound,
      500: serverError,
    },
  },
  {
    operationId: 'getPublicAssessment',
    method: 'get',
    path: '/public/assessment',
    summary: '考核结果公开（免登录）：全省及各市的各项指标，不含任何办件',
    tag: '公开查询',
    query: publicAssessmentQuerySchema,
    responses: { 200: { description: '考核报告（下级为各市）', schema: assessmentReportSchema }, 400: badRequest, 404: notFound, 500: serverError },
  },
];
