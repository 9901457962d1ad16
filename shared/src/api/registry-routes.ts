import {
  registryQuerySchema,
  tourGuidePageSchema,
  travelAgencyDetailQuerySchema,
  travelAgencyDetailSchema,
  travelAgencyPageSchema,
  travelAgencyPathSchema,
} from '../licences/registry';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const rateLimited = { description: '查询过于频繁（每个来源每分钟有次数限制）', schema: errorBodySchema, headers: { 'Retry-After': '多少秒后可再查询' } };

/** The public registries (旅行社名录, 导游名录): no sign-in, rate-limited per source address. */
export const REGISTRY_ROUTES: RouteSpec[] = [
  {
    operationId: 'listTravelAgencies',
    method: 'get',
    path: '/public/registries/travel-agencies',
    summary: '旅行社名录（免登录）：按城市列出持有旅行社业务经营许可证的旅行社，可按名称片段或许可证编号查询，游标分页',
    tag: '公开查询',
    query: registryQuerySchema,
    responses: { 200: { description: '一页旅行社', schema: travelAgencyPageSchema }, 400: badRequest, 429: rateLimited, 500: serverError },
  },
  {
    operationId: 'getTravelAgency',
    method: 'get',
    path: '/public/registries/travel-agencies/{number}',
    summary: '旅行社详情（免登录）：许可信息及已备案的分社、服务网点',
    tag: '公开查询',
    params: travelAgencyPathSchema,
    query: travelAgencyDetailQuerySchema,
    responses: {
      200: { description: '旅行社及其分社、服务网点', schema: travelAgencyDetailSchema },
      400: badRequest,
      404: { description: '该城市名录中没有此编号', schema: errorBodySchema },
      429: rateLimited,
      500: serverError,
    },
  },
  {
    operationId: 'listTourGuides',
    method: 'get',
    path: '/public/registries/tour-guides',
    summary: '导游名录（免登录）：按城市列出导游证，姓名部分隐去；可按姓氏、完整姓名、执业单位或导游证编号查询，游标分页',
    tag: '公开查询',
    query: registryQuerySchema,
    responses: { 200: { description: '一页导游', schema: tourGuidePageSchema }, 400: badRequest, 429: rateLimited, 500: serverError },
  },
];
