import type { z } from 'zod';
import { guidePathSchema, listItemsQuerySchema, listItemsResponseSchema, listRegionsResponseSchema } from '../catalog/api';
import { implementationItemSchema } from '../catalog/guide';
import { errorBodySchema } from './errors';

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
  responses: Record<number, ResponseSpec>;
}

const badRequest: ResponseSpec = { description: '请求参数有误', schema: errorBodySchema };
const serverError: ResponseSpec = { description: '服务暂时不可用', schema: errorBodySchema };

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
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    summary: '本接口的 OpenAPI 3.1 描述文档',
    tag: '接口文档',
    responses: { 200: { description: 'OpenAPI 文档' } },
  },
];
