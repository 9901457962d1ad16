import {
  facetsResponseSchema,
  regionOnlyQuerySchema,
  scenariosResponseSchema,
  searchQuerySchema,
  searchResponseSchema,
  suggestionsQuerySchema,
  suggestionsResponseSchema,
} from '../search/api';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误，或无此地区', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const rateLimited = { description: '搜索过于频繁（每个来源每分钟有次数限制）', schema: errorBodySchema, headers: { 'Retry-After': '多少秒后可再搜索' } };

/** Findability: search across levels, suggestions and hot searches, the chips a region has, 一件事. */
export const SEARCH_ROUTES: RouteSpec[] = [
  {
    operationId: 'searchCatalog',
    method: 'get',
    path: '/catalog/search',
    summary: '跨层级搜索事项（免登录，按来源地址限频）：全省及各市的实施按事项归并，标明办理层级，所选地区在前；支持常用说法、拼音和首字母，多个词须同时匹配',
    tag: '事项目录',
    query: searchQuerySchema,
    responses: { 200: { description: '按事项归并的搜索结果', schema: searchResponseSchema }, 400: badRequest, 429: rateLimited, 500: serverError },
  },
  {
    operationId: 'getSearchSuggestions',
    method: 'get',
    path: '/catalog/suggestions',
    summary: '输入联想与热门搜索（免登录，按来源地址限频）',
    tag: '事项目录',
    query: suggestionsQuerySchema,
    responses: { 200: { description: '联想词与热门搜索', schema: suggestionsResponseSchema }, 400: badRequest, 429: rateLimited, 500: serverError },
  },
  {
    operationId: 'getCatalogFacets',
    method: 'get',
    path: '/catalog/facets',
    summary: '某地区有事项的事项类型和主题（只显示有事项的筛选项）',
    tag: '事项目录',
    query: regionOnlyQuerySchema,
    responses: { 200: { description: '事项类型和主题及其事项数', schema: facetsResponseSchema }, 400: badRequest, 500: serverError },
  },
  {
    operationId: 'listScenarios',
    method: 'get',
    path: '/catalog/scenarios',
    summary: '一件事：为一个实际目标按顺序办理的事项，每一步给出所选地区的实施',
    tag: '事项目录',
    query: regionOnlyQuerySchema,
    responses: { 200: { description: '一件事列表', schema: scenariosResponseSchema }, 400: badRequest, 500: serverError },
  },
];
