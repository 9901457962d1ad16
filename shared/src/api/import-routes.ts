import { importListSchema, importPathSchema, importResultSchema, nationalImportRequestSchema } from '../imports/national-layout';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误，或文件无法读取', schema: errorBodySchema };
const unauthenticated = { description: '未登录或登录已过期', schema: errorBodySchema };
const forbidden = { description: '不是单位管理员', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };

/** 导入全国旅游监管服务平台办件: the organisation's administrator imports cases handled in the national system. */
export const IMPORT_ROUTES: RouteSpec[] = [
  {
    operationId: 'importNationalRecords',
    method: 'post',
    path: '/staff/imports',
    summary:
      '导入全国旅游监管服务平台办理的办件（单位管理员）：CSV（含表头）或 JSON 数组，UTF-8，至多500条、1MB；逐行校验，合格的行各自写入为只读办件（来源：全国旅游监管服务平台），以全国办件编号去重：重复导入不重复写入；返回计数与逐行报告',
    tag: '工作台',
    auth: true,
    body: nationalImportRequestSchema,
    responses: {
      200: { description: '导入完成（含部分行被拒绝的情况），返回计数与逐行报告', schema: importResultSchema },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      413: { description: '文件超过500条或1MB', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'listImports',
    method: 'get',
    path: '/staff/imports',
    summary: '本单位导入全国旅游监管服务平台办件的历史（最新在前）：时间、导入人、文件、各类行数',
    tag: '工作台',
    auth: true,
    responses: { 200: { description: '导入记录', schema: importListSchema }, 401: unauthenticated, 403: forbidden, 500: serverError },
  },
  {
    operationId: 'getImportReport',
    method: 'get',
    path: '/staff/imports/{importId}/report',
    summary: '下载一次导入的逐行报告（CSV，UTF-8 带 BOM）：行号、全国办件编号、结果、字段、问题、本系统办件编号',
    tag: '工作台',
    auth: true,
    params: importPathSchema,
    responses: {
      200: { description: 'text/csv; charset=utf-8 文件', headers: { 'Content-Disposition': 'attachment; filename="national-import-<时间>-<编号>.csv"' } },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: { description: '导入记录不存在或不属于本单位', schema: errorBodySchema },
      500: serverError,
    },
  },
];
