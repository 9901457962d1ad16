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
  COMMON_MALFORMED_JSON: { status: 400, message: '请求内容格式不正确，请刷新页面后重试' },
  COMMON_BODY_REQUIRED: { status: 400, message: '请求缺少内容，请填写后重新提交' },
  COMMON_JSON_TOO_DEEP: { status: 400, message: '请求内容的层级过多，无法处理，请刷新页面后重试' },
  COMMON_PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大，请精简后重试' },
  COMMON_INTERNAL: { status: 500, message: '服务暂时不可用，请稍后再试' },
  COMMON_IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '提交缺少防重复标识，请刷新页面或重新进入小程序后再提交' },
  COMMON_IDEMPOTENCY_KEY_REUSED: { status: 409, message: '提交内容与上一次不一致，请刷新页面后重新提交' },
  COMMON_REQUEST_IN_PROGRESS: { status: 409, message: '您的上一次提交仍在处理中，请稍候刷新查看，不要重复提交' },
  AUTH_REQUIRED: { status: 401, message: '请先登录后再办理' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  AUTH_TOKEN_INVALID: { status: 401, message: '登录状态无效，请重新登录' },
  AUTH_REFRESH_INVALID: { status: 401, message: '登录已过期或已在其他设备退出，请重新登录' },
  AUTH_FORBIDDEN: { status: 403, message: '您没有办理该业务的权限，如有疑问请联系单位管理员' },
  AUTH_WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证已失效，请关闭后重新进入小程序' },
  AUTH_WECHAT_UNAVAILABLE: { status: 503, message: '微信登录服务暂时不可用，请稍后再试' },
  AUTH_PORTAL_CODE_INVALID: { status: 400, message: '政务服务网登录凭证无效或已过期，请重新从政务服务网进入或重新登录' },
  AUTH_PORTAL_UNAVAILABLE: { status: 502, message: '政务服务网统一身份认证暂时无法连接，请稍后再试' },
  AUTH_PORTAL_IDENTITY_LINKED: { status: 409, message: '该实名身份已关联另一个账号，不能重复关联' },
  AUTH_ACCOUNT_VERIFIED_OTHER: { status: 409, message: '当前账号已关联另一实名身份，不能再关联' },
  AUTH_WECHAT_LINKED: { status: 409, message: '该微信已关联另一个账号，不能重复关联' },
  AUTH_ACCOUNT_WECHAT_OTHER: { status: 409, message: '当前账号已关联另一个微信，不能再关联' },
  AUTH_PREFERENCES_BUSY: { status: 409, message: '设置正在别处同时保存，请稍后再试' },
  STAFF_INVITE_INVALID: { status: 404, message: '邀请码不正确，请向单位管理员核对后重新输入' },
  STAFF_INVITE_EXPIRED: { status: 410, message: '邀请码已过期，请联系单位管理员重新生成' },
  STAFF_INVITE_USED: { status: 409, message: '邀请码已被使用，请联系单位管理员重新生成' },
  STAFF_ALREADY_BOUND: { status: 409, message: '您的微信已绑定工作人员身份，如需变更请联系单位管理员' },
  STAFF_NOT_FOUND: { status: 404, message: '未找到该工作人员，可能已被移除' },
  ORGANISATION_NOT_FOUND: { status: 404, message: '未找到该单位，请核对单位代码' },
  MESSAGE_NOT_FOUND: { status: 404, message: '未找到该消息，可能已过期' },
  SUBSCRIPTION_TEMPLATE_UNKNOWN: { status: 400, message: '订阅的消息模板不存在，请刷新后重试' },
  CATALOG_ITEM_NOT_FOUND: { status: 404, message: '未找到该事项，可能已调整或下线，请返回事项列表重新查找' },
  CATALOG_REGION_NOT_FOUND: { status: 400, message: '所选地区不在本省范围内，请重新选择地区' },
  GUIDE_FILE_NOT_FOUND: { status: 404, message: '该办事指南中没有这份文件，指南可能已更新，请返回指南刷新后再下载' },
  GUIDE_FILE_INVALID: { status: 400, message: '文件内容与所选类型不符或文件已损坏，请上传真实的 PDF、Word、Excel、JPG 或 PNG 文件' },
  GUIDE_FILE_UPLOAD_NOT_FOUND: { status: 404, message: '没有找到上传的文件，上传可能未完成或已过期，请重新上传' },
  LIST_DRAFT_INVALID: { status: 400, message: '清单草稿有误，请按各字段的提示修改后再保存' },
  LIST_CATALOG_ELEMENT_LOCKED: { status: 403, message: '事项名称、事项类型、基本编码和设定依据是目录要素，由省级统一编制、各级保持一致，本级不能修改' },
  LIST_DRAFT_NOT_FOUND: { status: 404, message: '该事项没有待处理的清单草稿，可能已发布或已放弃，请刷新后查看' },
  LIST_DRAFT_CONFLICT: { status: 409, message: '清单草稿已被他人修改或处理，请刷新后再操作' },
  LIST_DRAFT_STALE: { status: 409, message: '该事项已发布了更新的版本，本草稿所依据的版本已过时，请放弃草稿后基于现行版本重新编制' },
  LIST_ACTION_NOT_ALLOWED: { status: 409, message: '清单草稿当前状态下不能执行该操作，请刷新后查看' },
  LIST_OWN_DRAFT: { status: 403, message: '不能审核自己编制或修改过的清单草稿，请由其他人员审核' },
  LIST_NO_CHANGE: { status: 400, message: '草稿与现行版本没有不同，无需提交审核' },
  APPLY_IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '提交缺少防重复标识，请刷新页面后重新提交' },
  APPLY_IDEMPOTENCY_KEY_REUSED: { status: 409, message: '该提交标识已用于另一份申请，请刷新页面后重新提交' },
  APPLY_SUBMISSION_IN_PROGRESS: { status: 409, message: '您的申请正在提交，请稍候查看我的办件，不要重复提交' },
  APPLY_MATERIAL_INVALID: { status: 400, message: '部分材料文件有问题，请按提示重新上传' },
  APPLY_LICENCE_UNUSABLE: { status: 400, message: '申请所需的电子证照已吊销、暂停、注销或过期，不能作为申请材料，请按提示处理' },
  APPLY_UPLOAD_NOT_ALLOWED: { status: 400, message: '该材料无需上传' },
  APPLY_COMMITMENT_INVALID: { status: 400, message: '告知承诺有误，请按提示重新确认' },
  APPLY_COMMITMENT_NOT_SIGNED: { status: 400, message: '代为确认告知承诺须由申请人当面签署' },
  INTAKE_ORGANISATION_MISMATCH: { status: 403, message: '只能受理本单位实施的事项' },
  CLAIM_CODE_INVALID: { status: 400, message: '办件编号或认领码不正确，请核对回执' },
  CLAIM_LOCKED: { status: 429, message: '认领码输错过多，已暂停认领，请到窗口办理' },
  CLAIM_ALREADY_CLAIMED: { status: 409, message: '该办件已被认领' },
  CLAIM_EXPIRED: { status: 410, message: '认领码已过期，请到窗口重新打印回执' },
  IMPORT_FILE_INVALID: { status: 400, message: '文件无法读取，请按导入说明使用 UTF-8 编码的 CSV（含表头）或 JSON 数组' },
  IMPORT_TOO_MANY_ROWS: { status: 413, message: '一次最多导入500条办件，请拆分文件后分批导入' },
  IMPORT_NOT_FOUND: { status: 404, message: '未找到该导入记录，请刷新导入历史后重试' },
  CASE_IMPORTED_READ_ONLY: { status: 409, message: '该办件由全国旅游监管服务平台办理并导入，只能查看，请在全国旅游监管服务平台上办理' },
  CASE_NOT_FOUND: { status: 404, message: '未找到该办件，请核对办件编号' },
  LICENCE_NOT_FOUND: { status: 404, message: '未找到该证照，请核对证照编号' },
  LICENCE_ACTION_NOT_ALLOWED: { status: 409, message: '该证照当前状态下不能执行此操作，请刷新后查看' },
  LICENCE_VERSION_CONFLICT: { status: 409, message: '该证照已被他人变更，请刷新后再办理' },
  DRAFT_NOT_FOUND: { status: 404, message: '没有找到草稿，可能已过期或已提交' },
  CASE_VERSION_CONFLICT: { status: 409, message: '该办件已被他人处理，请刷新后再办理' },
  CASE_ACTION_NOT_ALLOWED: { status: 409, message: '办件当前状态下不能执行该操作，请刷新后查看' },
  CASE_BUSY: { status: 409, message: '办件正在被处理，请稍后重试' },
  VISIT_SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时段' },
  CALENDAR_YEAR_INVALID: { status: 400, message: '日历数据有误，请检查日期后重新提交' },
  COMMON_RATE_LIMITED: { status: 429, message: '操作过于频繁，请1分钟后再试' },
  FEEDBACK_VERSION_CONFLICT: { status: 409, message: '已被他人处理，请刷新后再办理' },
  EVALUATION_NOT_OPEN: { status: 409, message: '办结后才能评价，请在办件办结后再来' },
  EVALUATION_PERSON_NOT_VERIFIED: {
    status: 403,
    message: '无法确认评价人就是申请人本人：请核对申请人（或经办人、法定代表人）姓名，或填写其办件时登记的手机号码',
  },
  EVALUATION_ALREADY_GIVEN: { status: 409, message: '您已评价过这件事，每件事只能评价一次' },
  RECTIFICATION_NOT_FOUND: { status: 404, message: '未找到该差评整改任务' },
  RECTIFICATION_ACTION_NOT_ALLOWED: { status: 409, message: '整改任务当前状态下不能执行该操作，请刷新后查看' },
  PUBLIC_QUERY_NO_MATCH: { status: 404, message: '未查询到匹配的办件，请核对办件编号和申请人姓名（或手机号码后4位）' },
  PUBLIC_QUERY_CASE_LOCKED: {
    status: 429,
    message: '该办件编号查询失败次数过多，为保护申请人信息已暂停查询，请稍后再试；申请人本人可登录后在“我的办件”中查看进度',
  },
  PUBLIC_REGISTRY_RATE_LIMITED: { status: 429, message: '名录查询过于频繁，请1分钟后再试' },
  REGISTRY_AGENCY_NOT_FOUND: { status: 404, message: '未在该地区名录中找到这家旅行社，请核对许可证编号和所在城市' },
  CONSULTATION_NOT_FOUND: { status: 404, message: '未找到该咨询，请刷新后重试' },
  COMPLAINT_NOT_FOUND: { status: 404, message: '未找到该投诉，请核对投诉编号' },
  COMPLAINT_ACTION_NOT_ALLOWED: { status: 409, message: '投诉当前状态下不能执行该操作，请刷新后查看' },
  ASSESSMENT_SCOPE_FORBIDDEN: { status: 403, message: '您只能查看本单位及本单位所在市的考核数据' },
  REPORT_NOT_FOUND: { status: 404, message: '未找到该上报记录，请刷新失败列表后重试' },
  ASSESSMENT_SCOPE_NOT_FOUND: { status: 404, message: '未找到该考核范围，请重新选择单位或地区' },
  ASSESSMENT_PERIOD_INVALID: { status: 400, message: '考核期间有误：起始月份不能晚于截止月份，且相距不超过24个月' },
  ASSESSMENT_FIGURE_OPENS_ITEMS: { status: 400, message: '该指标按事项统计，请在事项清单中查看，不对应具体办件' },
  // The signed open API (server to server): one code per reason, nothing more about it.
  OPEN_API_SIGNATURE_MISSING: { status: 401, message: '缺少签名信息：请求须带 X-Ah-App-Key、X-Ah-Timestamp、X-Ah-Nonce 和 X-Ah-Signature 请求头' },
  OPEN_API_TIMESTAMP_STALE: { status: 401, message: '请求时间戳与服务器时间相差超过5分钟，请校准时钟后重新签名发送' },
  OPEN_API_KEY_UNKNOWN: { status: 401, message: '应用密钥不存在，请核对 X-Ah-App-Key' },
  OPEN_API_KEY_REVOKED: { status: 401, message: '应用密钥已停用，请联系省文化和旅游厅换发新的密钥' },
  OPEN_API_SIGNATURE_INVALID: { status: 401, message: '签名校验未通过，请按接口文档的签名规则重新计算' },
  OPEN_API_NONCE_REUSED: { status: 401, message: '该随机串（X-Ah-Nonce）已使用过，请为每次请求生成新的随机串' },
  OPEN_API_SCOPE_FORBIDDEN: { status: 403, message: '该应用密钥无权调用此接口' },
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
