import * as z from 'zod';
import { applicationPrefillSchema, saveSupplementDraftRequestSchema, supplementDraftSchema } from '../cases/prefill-api';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const unauthenticated = { description: '未登录或登录已过期', schema: errorBodySchema };
const caseNumberParams = z.object({ caseNumber: z.string().meta({ description: '办件编号' }) });

/** Fewer supplements: a new form prefilled from the person's own earlier applications, and supplement uploads kept as a draft. */
export const PREFILL_ROUTES: RouteSpec[] = [
  {
    operationId: 'getMyApplicationPrefill',
    method: 'get',
    path: '/me/application-prefill/{code}',
    summary: '根据本人既往申请预填某事项的申请表（申请人、企业、经办人及本事项共有的字段，不含材料）；仅返回给本人',
    tag: '在线申请',
    auth: true,
    params: z.object({ code: z.string().meta({ description: '实施编码' }) }),
    responses: {
      200: { description: '可预填的内容（没有既往申请时 found 为 false）', schema: applicationPrefillSchema },
      401: unauthenticated,
      404: { description: '事项不存在', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'getSupplementDraft',
    method: 'get',
    path: '/cases/{caseNumber}/supplement-draft',
    summary: '读取本人办件的补正材料草稿（补正期间已上传、尚未重新提交的文件）',
    tag: '在线申请',
    auth: true,
    params: caseNumberParams,
    responses: { 200: { description: '补正材料草稿（没有时 version 为 0）', schema: supplementDraftSchema }, 401: unauthenticated, 404: { description: '办件不存在或无权查看', schema: errorBodySchema }, 500: serverError },
  },
  {
    operationId: 'saveSupplementDraft',
    method: 'put',
    path: '/cases/{caseNumber}/supplement-draft',
    summary: '保存补正材料草稿（仅告知书列出的材料；重新提交补正后自动清除）',
    tag: '在线申请',
    auth: true,
    params: caseNumberParams,
    body: saveSupplementDraftRequestSchema,
    responses: {
      200: { description: '保存后的草稿', schema: supplementDraftSchema },
      400: badRequest,
      401: unauthenticated,
      404: { description: '办件不存在或无权查看', schema: errorBodySchema },
      409: { description: '办件已不需补正，或草稿已在另一处更新', schema: errorBodySchema },
      500: serverError,
    },
  },
];
