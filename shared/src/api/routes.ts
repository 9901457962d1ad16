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
  resubmitRequestSchema,
  withdrawRequestSchema,
} from '../cases/api';
import {
  auditVerificationSchema,
  calendarOverrideRequestSchema,
  calendarYearSchema,
  staffActionRequestSchema,
  staffCaseDetailSchema,
  staffInboxQuerySchema,
  staffInboxSchema,
} from '../cases/staff-api';
import * as z from 'zod';
import {
  bindStaffRequestSchema,
  createInvitationRequestSchema,
  devLoginRequestSchema,
  devPersonaListSchema,
  invitationSchema,
  organisationPathSchema,
  refreshRequestSchema,
  sessionSchema,
  sessionUserSchema,
  staffListSchema,
  staffPathSchema,
  wechatLoginRequestSchema,
} from '../auth/api';
import { messageListSchema, messagePathSchema, subscriptionListSchema, subscriptionUpdateSchema } from '../notifications/api';

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
const unauthenticated: ResponseSpec = { description: '未登录或登录已过期', schema: errorBodySchema };
const forbidden: ResponseSpec = { description: '无此权限', schema: errorBodySchema };
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
    operationId: 'loginWithWechat',
    method: 'post',
    path: '/auth/wechat',
    summary: '微信登录：以 wx.login 的 code 换取本服务的会话令牌',
    tag: '登录与身份',
    body: wechatLoginRequestSchema,
    responses: { 200: { description: '会话', schema: sessionSchema }, 400: badRequest, 503: { description: '微信接口暂不可用', schema: errorBodySchema }, 500: serverError },
  },
  {
    operationId: 'refreshSession',
    method: 'post',
    path: '/auth/refresh',
    summary: '以刷新令牌换取新的会话（刷新令牌一次有效，重复使用将注销该登录）',
    tag: '登录与身份',
    body: refreshRequestSchema,
    responses: { 200: { description: '新的会话', schema: sessionSchema }, 400: badRequest, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'logout',
    method: 'post',
    path: '/auth/logout',
    summary: '退出登录（作废该刷新令牌）',
    tag: '登录与身份',
    body: refreshRequestSchema,
    responses: { 204: { description: '已退出' }, 400: badRequest, 500: serverError },
  },
  {
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    summary: '当前用户与其角色',
    tag: '登录与身份',
    auth: true,
    responses: { 200: { description: '当前用户', schema: sessionUserSchema }, 401: unauthenticated, 500: serverError },
  },
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
  {
    operationId: 'bindStaff',
    method: 'post',
    path: '/staff/bind',
    summary: '工作人员以邀请码绑定本人微信（邀请码一次有效、限时）',
    tag: '工作人员',
    auth: true,
    body: bindStaffRequestSchema,
    responses: {
      200: { description: '已绑定，返回新的会话', schema: sessionSchema },
      400: badRequest,
      401: unauthenticated,
      404: { description: '邀请码不正确', schema: errorBodySchema },
      409: { description: '邀请码已使用或本人已绑定', schema: errorBodySchema },
      410: { description: '邀请码已过期', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'listStaff',
    method: 'get',
    path: '/organisations/{organisationCode}/staff',
    summary: '本单位工作人员（单位管理员或省级管理员）',
    tag: '工作人员',
    auth: true,
    params: organisationPathSchema,
    responses: { 200: { description: '工作人员', schema: staffListSchema }, 401: unauthenticated, 403: forbidden, 404: notFound('单位'), 500: serverError },
  },
  {
    operationId: 'createInvitation',
    method: 'post',
    path: '/organisations/{organisationCode}/invitations',
    summary: '生成工作人员邀请码（一次有效，72 小时内使用）',
    tag: '工作人员',
    auth: true,
    params: organisationPathSchema,
    body: createInvitationRequestSchema,
    responses: { 201: { description: '邀请码', schema: invitationSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound('单位'), 500: serverError },
  },
  {
    operationId: 'revokeStaff',
    method: 'delete',
    path: '/organisations/{organisationCode}/staff/{staffId}',
    summary: '停用工作人员（立即失去工作人员权限）',
    tag: '工作人员',
    auth: true,
    params: staffPathSchema,
    responses: { 204: { description: '已停用' }, 401: unauthenticated, 403: forbidden, 404: notFound('工作人员'), 500: serverError },
  },
  {
    operationId: 'listMySubscriptions',
    method: 'get',
    path: '/me/subscriptions',
    summary: '可订阅的消息模板及本人的订阅状态',
    tag: '消息',
    auth: true,
    responses: { 200: { description: '订阅状态', schema: subscriptionListSchema }, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'recordSubscriptions',
    method: 'put',
    path: '/me/subscriptions',
    summary: '记录 wx.requestSubscribeMessage 的结果（允许一次即可推送一次；长期订阅持续有效）',
    tag: '消息',
    auth: true,
    body: subscriptionUpdateSchema,
    responses: { 200: { description: '订阅状态', schema: subscriptionListSchema }, 400: badRequest, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'listMyMessages',
    method: 'get',
    path: '/me/messages',
    summary: '消息中心（最新在前，游标分页）',
    tag: '消息',
    auth: true,
    query: pageQuerySchema,
    responses: { 200: { description: '一页消息', schema: messageListSchema }, 400: badRequest, 401: unauthenticated, 500: serverError },
  },
  {
    operationId: 'markMessageRead',
    method: 'post',
    path: '/me/messages/{messageId}/read',
    summary: '标记一条消息为已读',
    tag: '消息',
    auth: true,
    params: messagePathSchema,
    responses: { 204: { description: '已读' }, 401: unauthenticated, 404: notFound('消息'), 500: serverError },
  },
  {
    operationId: 'resubmitCase',
    method: 'post',
    path: '/cases/{caseNumber}/resubmit',
    summary: '按一次性告知书补正材料后重新提交（只需上传告知书列出的材料）',
    tag: '在线申请',
    auth: true,
    params: caseNumberParams,
    body: resubmitRequestSchema,
    responses: { 200: { description: '办件详情', schema: caseDetailSchema }, 400: badRequest, 401: unauthenticated, 404: notFound('办件'), 409: { description: '办件已变化或当前不需补正', schema: errorBodySchema }, 500: serverError },
  },
  {
    operationId: 'withdrawCase',
    method: 'post',
    path: '/cases/{caseNumber}/withdraw',
    summary: '撤回申请',
    tag: '在线申请',
    auth: true,
    params: caseNumberParams,
    body: withdrawRequestSchema,
    responses: { 200: { description: '办件详情', schema: caseDetailSchema }, 400: badRequest, 401: unauthenticated, 404: notFound('办件'), 409: { description: '办件已变化或当前不能撤回', schema: errorBodySchema }, 500: serverError },
  },
  {
    operationId: 'listStaffInbox',
    method: 'get',
    path: '/staff/cases',
    summary: '工作台：本单位在办件（按剩余工作日排序，可按状态、事项筛选；省级可只读查看各单位）',
    tag: '工作台',
    auth: true,
    query: staffInboxQuerySchema,
    responses: { 200: { description: '一页办件', schema: staffInboxSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 500: serverError },
  },
  {
    operationId: 'getStaffCase',
    method: 'get',
    path: '/staff/cases/{caseNumber}',
    summary: '工作台：办件详情（含当前可执行的动作）',
    tag: '工作台',
    auth: true,
    params: caseNumberParams,
    responses: { 200: { description: '办件详情', schema: staffCaseDetailSchema }, 401: unauthenticated, 403: forbidden, 404: notFound('办件'), 500: serverError },
  },
  {
    operationId: 'actOnCase',
    method: 'post',
    path: '/staff/cases/{caseNumber}/actions',
    summary: '办理：预审补正、受理、不予受理、移交、特别程序、审查、决定、送达（带版本号，并发时只有一人成功）',
    tag: '工作台',
    auth: true,
    params: caseNumberParams,
    body: staffActionRequestSchema,
    responses: {
      200: { description: '办理后的办件', schema: staffCaseDetailSchema },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound('办件'),
      409: { description: '办件已被他人处理或当前状态不允许', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'getStaffMaterialLink',
    method: 'get',
    path: '/staff/cases/{caseNumber}/materials/{materialId}/files/{index}',
    summary: '工作台：获取材料文件的短时下载地址',
    tag: '工作台',
    auth: true,
    params: caseNumberParams.extend({ materialId: z.string(), index: z.string() }),
    responses: { 200: { description: '下载地址', schema: downloadLinkSchema }, 401: unauthenticated, 403: forbidden, 404: notFound('材料'), 500: serverError },
  },
  {
    operationId: 'verifyCaseAudit',
    method: 'get',
    path: '/staff/cases/{caseNumber}/audit',
    summary: '校验办件审计日志的哈希链，报告第一处断链',
    tag: '工作台',
    auth: true,
    params: caseNumberParams,
    responses: { 200: { description: '校验结果', schema: auditVerificationSchema }, 401: unauthenticated, 403: forbidden, 404: notFound('办件'), 500: serverError },
  },
  {
    operationId: 'getCalendarYear',
    method: 'get',
    path: '/admin/calendar/{year}',
    summary: '某年的工作日历（数据来源；无数据时按周一至周五计算）',
    tag: '工作台',
    auth: true,
    params: z.object({ year: z.string() }),
    responses: { 200: { description: '工作日历', schema: calendarYearSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 500: serverError },
  },
  {
    operationId: 'setCalendarYear',
    method: 'put',
    path: '/admin/calendar/{year}',
    summary: '省级管理员补充某年的节假日和调休（无需改代码）',
    tag: '工作台',
    auth: true,
    params: z.object({ year: z.string() }),
    body: calendarOverrideRequestSchema,
    responses: { 200: { description: '工作日历', schema: calendarYearSchema }, 400: badRequest, 401: unauthenticated, 403: forbidden, 500: serverError },
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
