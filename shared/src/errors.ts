/**
 * The one registry of error codes the API returns. Clients branch on `code`, never on `message`.
 * Codes are grouped by domain (COMMON_*, CATALOG_*, ...); each carries its HTTP status and the
 * default Chinese message a user can act on.
 */
export const ERRORS = {
  COMMON_VALIDATION_FAILED: { status: 400, message: '请求参数有误，请检查后重试' },
  COMMON_INVALID_CURSOR: { status: 400, message: '分页参数无效，请从第一页重新加载' },
  COMMON_NOT_FOUND: { status: 404, message: '您访问的地址不存在' },
  COMMON_METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  COMMON_INTERNAL: { status: 500, message: '服务暂时不可用，请稍后再试' },
  CATALOG_ITEM_NOT_FOUND: { status: 404, message: '未找到该事项，可能已调整或下线，请返回事项列表重新查找' },
  CATALOG_REGION_NOT_FOUND: { status: 400, message: '所选地区不在本省范围内，请重新选择地区' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A field-level problem, reported next to the field on the phone. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}
