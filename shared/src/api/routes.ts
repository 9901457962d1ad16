import { guidePathSchema, listItemsQuerySchema, listItemsResponseSchema, listRegionsResponseSchema } from '../catalog/api';
import { implementationItemSchema } from '../catalog/guide';
import { errorBodySchema } from './errors';
import { applicationRequestSchema } from '../application/application';
import {
  caseDetailSchema,
  caseListResponseSchema,
  downloadLinkSchema,
  draftListResponseSchema,
  draftSchema,
  draftSummarySchema,
  pageQuerySchema,
  saveDraftRequestSchema,
  uploadRequestSchema,
  uploadTicketSchema,
} from '../cases/api';
import * as z from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  headers?: Record<string, string>;
}

/**
 * One HTTP route of the API. This list is the source of the OpenAPI document; a test checks that
 * serverless.yml declares exactly these routes.
 */
export interface RouteSpec {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path, the same string serverless.yml uses, e.g. /catalog/items/{code} */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  /** Request headers the operation reads, with their description. */
  headers?: Record<string, { description: string; required: boolean }>;
  /** Needs a signed-in caller. */
  auth?: boolean;
  responses: Record<number, ResponseSpec>;
}

const badRequest: ResponseSpec = { description: '请求参数有误', schema: errorBodySchema };
const serverError: ResponseSpec = { description: '服务暂时不可用', schema: errorBodySchema };
const unauthenticated: ResponseSpec = { description: '未登录', schema: errorBodySchema };
const notFound = (what: string): ResponseSpec => ({ description: `${what}不存在或无权查看`, schema: errorBodySchema });
const caseNumberParams = z.object({ caseNumber: z.string().meta({ description: '办件编号' }) });
const draftParams = z.object({ code: z.string().meta({ description: '实施编码' }) });

export const ROUTES: RouteSpec[] = [
  {
    operationId: 'listCatalogItems',
    method: 'get',
    path: '/catalog/items',
    summary: '查询实施清单事项（按地区、层级、类型、主题、关键词筛选，游标分页）',
    tag: '事项目录',
    query: listItemsQuerySchema,
    responses: { 200: { description: '一页事项', schema: listItemsResponseSchema }, 400: badRequest, 500: serverError },
  },
  {
    operationId: 'getCatalogGuide',
    method: 'get',
    path: '/catalog/items/{code}',
    summary: '按实施编码获取办事指南',
    tag: '事项目录',
    params: guidePathSchema,
    responses: {
      200: {
        description: '实施清单条目与办事指南',
        schema: implementationItemSchema,
        headers: { ETag: '指南内容的实体标签', 'Cache-Control': '缓存策略' },
      },
      304: { description: '指南未变化（If-None-Match 命中）' },
      404: { description: '无此实施编码', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'listRegions',
    method: 'get',
    path: '/regions',
    summary: '全省及16个设区市的行政区划',
    tag: '事项目录',
    responses: { 200: { description: '行政区划列表', schema: listRegionsResponseSchema }, 500: serverError },
  },
  {
    operationId: 'createUploadTicket',
    method: 'post',
    path: '/uploads',
    summary: '申请上传一份材料文件（返回短时有效的 S3 预签名 POST）',
    tag: '在线申请',
    auth: true,
    body: uploadRequestSchema,
    responses: { 201: { description: '上传凭证', schema: uploadTicketSchema }, 400: badRequest, 401: unauthenticated, 404: notFound('事项'), 500: serverError },
  },
  {
    operationId: 'submitApplication',
    method: 'post',
    path: '/cases',
    summary: '提交在线申请（同一 Idempotency-Key 只产生一个办件）',
    tag: '在线申请',
    auth: true,
    headers: { 'Idempotency-Key': { description: '客户端为每份申请生成的唯一标识（16-64位字母、数字、-、_），重试时保持不变', required: true } },
    body: applicationRequestSchema,
    responses: {
      201: { description: '已创建办件', schema: caseDetailSchema },
      200: { description: '重复提交：返回首次创建的办件', schema: caseDetailSchema },
      400: badRequest,
      401: unauthenticated,
      404: notFound('事项'),
      409: { description: '提交标识已用于另一份申请，或同一申请正在提交', schema: errorBodySchema },
      413: { description: '请求内容过大', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'listMyCases',
    method: 'get',
    path: '/cases',
    summary: '我的办件（按提交时间倒序，游标分页）',
    tag: '在线申请',
    auth: true,
    query: pageQuerySchema,
    responses: { 200: { description: '一页办件', schema: caseListResponseSchema }, 400: badRequest, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'getMyCase',
    method: 'get',
    path: '/cases/{caseNumber}',
    summary: '办件详情（仅申请人本人可见）',
    tag: '在线申请',
    auth: true,
    params: caseNumberParams,
    responses: { 200: { description: '办件详情', schema: caseDetailSchema }, 401: unauthenticated, 404: notFound('办件'), 500: serverError },
  },
  {
    operationId: 'getMaterialDownloadLink',
    method: 'get',
    path: '/cases/{caseNumber}/materials/{materialId}/files/{index}',
    summary: '获取办件材料文件的短时下载地址',
    tag: '在线申请',
    auth: true,
    params: caseNumberParams.extend({
      materialId: z.string().meta({ description: '材料标识' }),
      index: z.string().meta({ description: '文件序号（从0开始）' }),
    }),
    responses: { 200: { description: '下载地址', schema: downloadLinkSchema }, 401: unauthenticated, 404: notFound('材料'), 500: serverError },
  },
  {
    operationId: 'listMyDrafts',
    method: 'get',
    path: '/drafts',
    summary: '我的草稿（未过期）',
    tag: '在线申请',
    auth: true,
    responses: { 200: { description: '草稿列表', schema: draftListResponseSchema }, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'getMyDraft',
    method: 'get',
    path: '/drafts/{code}',
    summary: '读取某事项的草稿',
    tag: '在线申请',
    auth: true,
    params: draftParams,
    responses: { 200: { description: '草稿', schema: draftSchema }, 401: unauthenticated, 404: notFound('草稿'), 500: serverError },
  },
  {
    operationId: 'saveMyDraft',
    method: 'put',
    path: '/drafts/{code}',
    summary: '保存某事项的草稿（覆盖，按配置天数后过期）',
    tag: '在线申请',
    auth: true,
    params: draftParams,
    body: saveDraftRequestSchema,
    responses: { 200: { description: '已保存', schema: draftSummarySchema }, 400: badRequest, 401: unauthenticated, 404: notFound('事项'), 413: { description: '草稿过大', schema: errorBodySchema }, 500: serverError },
  },
  {
    operationId: 'deleteMyDraft',
    method: 'delete',
    path: '/drafts/{code}',
    summary: '删除某事项的草稿',
    tag: '在线申请',
    auth: true,
    params: draftParams,
    responses: { 204: { description: '已删除' }, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    summary: '本接口的 OpenAPI 3.1 描述文档',
    tag: '接口文档',
    responses: { 200: { description: 'OpenAPI 文档' } },
  },
];
