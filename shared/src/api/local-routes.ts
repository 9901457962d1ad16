import { sessionSchema } from '../auth/api';
import { devLoginRequestSchema, devPersonaListSchema } from '../auth/dev-api';
import { badRequest, notFound, type RouteSpec } from './routes';

/**
 * Routes of the local stage only (stages/local.yml): developer sign-in for the H5 app and the tests.
 * They are not part of the deployed API, so the OpenAPI document leaves them out.
 */
export const LOCAL_ROUTES: RouteSpec[] = [
  {
    operationId: 'listDevPersonas',
    method: 'get',
    path: '/dev/personas',
    summary: '（仅本地开发环境）可选的开发身份',
    tag: '登录与身份',
    responses: { 200: { description: '开发身份', schema: devPersonaListSchema }, 404: notFound('地址') },
  },
  {
    operationId: 'devLogin',
    method: 'post',
    path: '/dev/login',
    summary: '（仅本地开发环境）以开发身份登录；其他环境返回 404',
    tag: '登录与身份',
    body: devLoginRequestSchema,
    responses: { 200: { description: '会话', schema: sessionSchema }, 400: badRequest, 404: notFound('地址') },
  },
];
