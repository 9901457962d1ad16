import { implementationItemSchema } from '../catalog/guide';
import {
  guideVersionPathSchema,
  listDraftActionRequestSchema,
  listEntriesSchema,
  listEntryPathSchema,
  listEntrySchema,
  listVersionsSchema,
  saveListDraftRequestSchema,
} from '../catalog/list-maintenance';
import { errorBodySchema } from './errors';
import type { RouteSpec } from './routes';

const badRequest = { description: '请求参数有误', schema: errorBodySchema };
const serverError = { description: '服务暂时不可用', schema: errorBodySchema };
const unauthenticated = { description: '未登录或登录已过期', schema: errorBodySchema };
const forbidden = { description: '无此权限', schema: errorBodySchema };
const entryNotFound = { description: '事项不存在', schema: errorBodySchema };
const TAG = '清单维护';

/** List maintenance (谁编制、谁维护) and the published versions it produces. */
export const LIST_ROUTES: RouteSpec[] = [
  {
    operationId: 'getCatalogGuideVersion',
    method: 'get',
    path: '/catalog/items/{code}/versions/{version}',
    summary: '办事指南的某一已发布版本（发布后不再改变；办件始终按申请时的版本办理和展示）',
    tag: '事项目录',
    params: guideVersionPathSchema,
    responses: { 200: { description: '该版本的实施清单条目及办事指南', schema: implementationItemSchema }, 400: badRequest, 404: entryNotFound, 500: serverError },
  },
  {
    operationId: 'listListEntries',
    method: 'get',
    path: '/staff/lists',
    summary: '本单位的实施清单（现行版本与草稿状态），以及等待我审核的清单草稿',
    tag: TAG,
    auth: true,
    responses: { 200: { description: '清单', schema: listEntriesSchema }, 401: unauthenticated, 403: forbidden, 500: serverError },
  },
  {
    operationId: 'getListEntry',
    method: 'get',
    path: '/staff/lists/{code}',
    summary: '实施清单条目：现行版本、草稿、与现行版本的差异、审核进度和可执行的操作',
    tag: TAG,
    auth: true,
    params: listEntryPathSchema,
    responses: { 200: { description: '条目', schema: listEntrySchema }, 401: unauthenticated, 403: forbidden, 404: entryNotFound, 500: serverError },
  },
  {
    operationId: 'saveListDraft',
    method: 'put',
    path: '/staff/lists/{code}/draft',
    summary: '新建或修改清单草稿（与清单数据相同的校验，逐字段中文提示；目录要素仅省级可改）',
    tag: TAG,
    auth: true,
    params: listEntryPathSchema,
    body: saveListDraftRequestSchema,
    responses: {
      200: { description: '保存后的条目', schema: listEntrySchema },
      400: { description: '草稿有误（details 逐字段列出）', schema: errorBodySchema },
      401: unauthenticated,
      403: { description: '无此权限，或修改了本级不能修改的目录要素', schema: errorBodySchema },
      404: entryNotFound,
      409: { description: '草稿已被他人修改、已提交审核，或现行版本已更新', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'actOnListDraft',
    method: 'post',
    path: '/staff/lists/{code}/draft/actions',
    summary: '清单草稿：提交审核、审核通过（本单位管理员，再机构编制/法制审核）、退回修改、发布为新版本、放弃',
    tag: TAG,
    auth: true,
    params: listEntryPathSchema,
    body: listDraftActionRequestSchema,
    responses: {
      200: { description: '操作后的条目', schema: listEntrySchema },
      400: badRequest,
      401: unauthenticated,
      403: { description: '无此权限，或审核自己编制的草稿', schema: errorBodySchema },
      404: { description: '事项或草稿不存在', schema: errorBodySchema },
      409: { description: '草稿已被他人处理、当前状态不允许，或现行版本已更新', schema: errorBodySchema },
      500: serverError,
    },
  },
  {
    operationId: 'listListVersions',
    method: 'get',
    path: '/staff/lists/{code}/versions',
    summary: '实施清单条目的历次发布版本：发布人、审核人、改动的部分',
    tag: TAG,
    auth: true,
    params: listEntryPathSchema,
    responses: { 200: { description: '版本', schema: listVersionsSchema }, 401: unauthenticated, 403: forbidden, 404: entryNotFound, 500: serverError },
  },
];
