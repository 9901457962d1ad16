// No zod here: the mini-program's import page reads these without carrying the schemas.

/**
 * 全国旅游监管服务平台办件导入: the documented layout of a file of cases handled in the national tourism
 * supervision system. One record per case; a CSV file has a header row naming each column by its Chinese
 * title or its JSON key, a JSON file is an array of objects keyed by the JSON keys (or the Chinese
 * titles). UTF-8, a byte-order mark is tolerated. Dates are China time (`YYYY-MM-DD HH:mm[:ss]`, or
 * ISO 8601 with an offset).
 */
export const NATIONAL_FIELDS = {
  nationalCaseNumber: { title: '办件编号', required: true, description: '全国旅游监管服务平台的办件编号（4-40位字母、数字、-、_），重复导入以此识别' },
  itemCode: { title: '事项编码', required: true, description: '本单位事项的实施编码（35位）或基本编码（10位）' },
  organisationCode: { title: '实施机构代码', required: true, description: '实施机构统一社会信用代码，须为导入单位' },
  applicantType: { title: '申请人类型', required: true, description: '个人 或 企业' },
  applicantName: { title: '申请人名称', required: true, description: '个人姓名或企业名称' },
  applicantIdNumber: { title: '证件号码', required: true, description: '个人：居民身份证号码；企业：统一社会信用代码（均校验校验位）' },
  applicantMobile: { title: '联系电话', required: false, description: '11位手机号码（可选，用于办件进度查询）' },
  appliedAt: { title: '申请时间', required: true, description: '申请时间' },
  acceptedAt: { title: '受理时间', required: false, description: '受理时间（不予受理、已撤回的办件可空）' },
  status: { title: '办件状态', required: true, description: '已受理、办理中、已办结、不予受理 或 已撤回' },
  finishedAt: { title: '办结时间', required: false, description: '已办结、不予受理、已撤回的办件必填' },
  result: { title: '办理结果', required: false, description: '已办结的办件必填：准予许可（准予）或 不予许可（不予）' },
  steps: {
    title: '办理环节',
    required: false,
    description: '可选。JSON：[{"name":"审查","at":"2026-11-02 10:00"}]；CSV：环节名称@时间，多个以分号分隔，如 审查@2026-11-02 10:00;决定@2026-11-03 09:00',
  },
} as const;
export type NationalField = keyof typeof NATIONAL_FIELDS;
export const NATIONAL_FIELD_KEYS = Object.keys(NATIONAL_FIELDS) as [NationalField, ...NationalField[]];

export const NATIONAL_STATUSES = ['已受理', '办理中', '已办结', '不予受理', '已撤回'] as const;
export type NationalStatus = (typeof NATIONAL_STATUSES)[number];
export const NATIONAL_RESULTS = { 准予许可: 'approved', 准予: 'approved', 不予许可: 'refused', 不予: 'refused' } as const;

/** The most a file may hold: it is sent in one request and written row by row within the request's time. */
export const MAX_IMPORT_ROWS = 500;
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** `deferred`: a good row not reached within one request's time; importing the same file again writes it. */
export const IMPORT_ROW_OUTCOMES = { imported: '已导入', already_imported: '已导入，未重复写入', rejected: '未导入', deferred: '未处理，请再次导入' } as const;
export type ImportRowOutcome = keyof typeof IMPORT_ROW_OUTCOMES;
