import * as z from 'zod';
import { listItemsQuerySchema } from '../catalog/api';
import { nationalGuideSchema, nationalItemPageSchema } from '../catalog/national-layout';
import { evaluationSchema } from '../feedback/api';
import { licenceVerificationSchema, verifyLicenceRequestSchema } from '../licences/licence';
import type { OpenApiScope } from '../auth/open-api';
import { errorBodySchema } from './errors';
import { openCaseSchema, portalEvaluationRequestSchema } from './open-schemas';
import { importResultSchema, nationalImportRequestSchema } from '../imports/national-layout';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const unsigned = {
  description:
    '签名校验未通过：OPEN_API_SIGNATURE_MISSING 缺少签名请求头，OPEN_API_TIMESTAMP_STALE 时间戳相差超过5分钟，OPEN_API_KEY_UNKNOWN 密钥不存在，OPEN_API_KEY_REVOKED 密钥已停用，OPEN_API_SIGNATURE_INVALID 签名不符，OPEN_API_NONCE_REUSED 随机串已用过',
  schema: errorBodySchema,
};
const outOfScope = { description: 'OPEN_API_SCOPE_FORBIDDEN：该密钥无此接口的权限范围', schema: errorBodySchema };
const tooLarge = { description: '请求内容超过64KB', schema: errorBodySchema };

/** The responses every signed route may give besides its own. */
const signedResponses = { 401: unsigned, 403: outOfScope, 500: serverError };
const signed = (scope: OpenApiScope) => ({ signed: scope, tag: '开放接口（省政务服务平台）' });

const guideParams = z.object({ code: z.string().meta({ description: '实施编码' }) });
const caseParams = z.object({ caseNumber: z.string().meta({ description: '办件编号（22位）' }) });

/**
 * The signed open API for the provincial portal (server to server), under /open/v1. No session token:
 * every request is signed with an app key of scope `portal` (see the signature scheme in the document's
 * description and README "Open API").
 */
export const OPEN_ROUTES: RouteSpec[] = [
  {
    operationId: 'openListCatalogItems',
    method: 'get',
    path: '/open/v1/catalog/items',
    summary: '事项目录（国家事项要素布局，与 /catalog/items 同样的筛选与游标分页）',
    ...signed('portal'),
    query: listItemsQuerySchema,
    responses: { 200: { description: '一页事项', schema: nationalItemPageSchema }, 400: badRequest, ...signedResponses },
  },
  {
    operationId: 'openGetCatalogGuide',
    method: 'get',
    path: '/open/v1/catalog/items/{code}',
    summary: '完整办事指南（国家事项要素布局，当前发布版本）',
    ...signed('portal'),
    params: guideParams,
    responses: {
      200: { description: '办事指南', schema: nationalGuideSchema },
      400: badRequest,
      404: { description: '无此实施编码', schema: errorBodySchema },
      ...signedResponses,
    },
  },
  {
    operationId: 'openGetCase',
    method: 'get',
    path: '/open/v1/cases/{caseNumber}',
    summary: '按办件编号查询办件状态与办理环节（不含申请人个人信息）',
    ...signed('portal'),
    params: caseParams,
    responses: { 200: { description: '办件状态与环节', schema: openCaseSchema }, 400: badRequest, 404: { description: '无此办件', schema: errorBodySchema }, ...signedResponses },
  },
  {
    operationId: 'openVerifyLicence',
    method: 'post',
    path: '/open/v1/licences/verify',
    summary: '核验电子证照（二维码内容），与 /licences/verify 结果相同',
    ...signed('portal'),
    body: verifyLicenceRequestSchema,
    responses: { 200: { description: '核验结果', schema: licenceVerificationSchema }, 400: badRequest, 413: tooLarge, ...signedResponses },
  },
  {
    operationId: 'openEvaluateCase',
    method: 'post',
    path: '/open/v1/cases/{caseNumber}/evaluations',
    summary: '提交门户网站收集的办件评价（渠道：政务服务网；一事一评；差评进入整改；按门户评价编号幂等）',
    ...signed('portal'),
    params: caseParams,
    body: portalEvaluationRequestSchema,
    responses: {
      201: { description: '已记录评价', schema: evaluationSchema },
      200: { description: '同一门户评价编号、同一内容的重发：返回首次记录的评价（响应头 Idempotent-Replayed: true）', schema: evaluationSchema },
      400: badRequest,
      404: { description: '无此办件', schema: errorBodySchema },
      409: {
        description: 'EVALUATION_ALREADY_GIVEN 该办件已有评价；EVALUATION_NOT_OPEN 办件尚未办结；COMMON_IDEMPOTENCY_KEY_REUSED 同一门户评价编号用于不同内容',
        schema: errorBodySchema,
      },
      413: tooLarge,
      ...signedResponses,
    },
  },
  {
    operationId: 'openImportNationalRecords',
    method: 'post',
    path: '/open/v1/organisations/{organisationCode}/national-records',
    summary:
      '全国旅游监管服务平台推送其办理的办件（权限范围 national_records）：与工作台导入同样的 CSV/JSON 布局、逐行校验与以全国办件编号去重；请求体至多64KB（约百余条），建议逐件或小批量推送',
    ...signed('national_records'),
    params: z.object({ organisationCode: z.string().meta({ description: '办件所属实施机构的统一社会信用代码' }) }),
    body: nationalImportRequestSchema,
    responses: {
      200: { description: '导入完成（含部分行被拒绝的情况），返回计数与逐行报告', schema: importResultSchema },
      400: badRequest,
      404: { description: '无此实施机构', schema: errorBodySchema },
      413: tooLarge,
      ...signedResponses,
    },
  },
];
