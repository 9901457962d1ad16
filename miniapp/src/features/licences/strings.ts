import type { LicenceStatus, VerificationResult } from '@ah-tourism/shared/src/licences/kinds'
import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/** What a verification concludes, in a few characters, for the large result banner. */
export const RESULT_LABELS: Record<VerificationResult, string> = localize('features/licences/RESULT_LABELS', {
  valid: '真实有效',
  tampered: '被篡改',
  revoked: '已吊销',
  cancelled: '已注销',
  suspended: '已暂停',
  expired: '已过期',
  superseded: '已换发',
}, en.RESULT_LABELS)

/** The tone of a state or result: green only for a licence that may be relied on. */
export type Tone = 'good' | 'warn' | 'danger'
export const RESULT_TONES: Record<VerificationResult, Tone> = {
  valid: 'good',
  tampered: 'danger',
  revoked: 'danger',
  cancelled: 'danger',
  suspended: 'warn',
  expired: 'warn',
  superseded: 'warn',
}
export const STATUS_TONES: Record<LicenceStatus, Tone> = { valid: 'good', suspended: 'warn', revoked: 'danger', cancelled: 'danger' }

export const LICENCE_STRINGS = localize('features/licences/LICENCE_STRINGS', {
  // the content of a licence
  typeName: '证照类型',
  number: '证照编号',
  holder: '持证人',
  holderEnterprise: '持证单位',
  holderCode: { person: '身份证件号码', enterprise: '统一社会信用代码' },
  issuer: '颁证单位',
  issuedOn: '颁证日期',
  validity: '有效期',
  validityRange: (from: string, until: string) => `${from} 至 ${until}`,
  validityFrom: (from: string) => `${from} 起长期有效`,
  longTerm: '长期有效',
  scope: '准许事项',
  listSeparator: '、',
  version: '版本',
  versionText: (n: number) => `第 ${n} 版`,
  caseNumber: '来源办件',
  status: '状态',
  statusLabel: (label: string) => `状态：${label}`,
  holderMasked: '为保护个人信息，身份证件号码已部分隐藏',

  // history of changes
  history: '变更记录',
  historyActions: { issue: '颁发', change: '变更换发', suspend: '暂停', resume: '恢复', revoke: '吊销', cancel: '注销' } as Record<string, string>,
  historyVersion: (n: number) => `第 ${n} 版`,
  historyReason: (reason: string) => `原因：${reason}`,
  historyBasis: (basis: string) => `依据：${basis}`,
  historyEffective: (day: string) => `生效日期：${day}`,

  // why a licence cannot be used
  unusable: {
    revoked: '该证照已被吊销，不能再使用',
    cancelled: '该证照已注销，不能再使用',
    suspended: '该证照已暂停使用，暂停期间不能使用',
    expired: '该证照已超过有效期，不能再使用',
  },
  expiredOn: (day: string) => `有效期至：${day}`,
  unusableHint: '如有疑问，请联系颁证单位。',

  // the QR code
  qrLabel: (typeName: string, number: string) => `${typeName}${number}的核验二维码`,
  qrFailed: '二维码生成失败，请稍后重试',
} as const, en.LICENCE_STRINGS)
