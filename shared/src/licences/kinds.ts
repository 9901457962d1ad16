/**
 * The values of electronic licences that screens show (kinds, states, verification results, staff
 * actions), without zod: the mini-program imports them from here, the schemas live in ./licence.
 */

/**
 * Electronic licences (电子证照) issued by this system. The field names follow the catalogue and metadata
 * of GB/T 36902/36903 in a simpler local layout (README, "Electronic licences"):
 *   证照类型 kind / typeCode / typeName, 证照标识 licenceId, 证照编号 number, 持证主体 holder, 颁证单位 issuer,
 *   颁证日期 issuedOn, 有效期 validFrom–validUntil, 业务范围/准驾 scope and details, 来源办件 caseNumber.
 * The type codes are this province's local examples, not national catalogue codes.
 * A licence is a sequence of versions: a change (变更) re-issues the licence under the same number as a
 * new version that supersedes the one before.
 */
export const LICENCE_KINDS = {
  travel_agency: { typeName: '旅行社业务经营许可证', typeCode: '340000-LY-001', numberPrefix: 'L', validYears: undefined },
  tour_guide: { typeName: '导游证', typeCode: '340000-LY-002', numberPrefix: 'D', validYears: 3 },
} as const;
export type LicenceKind = keyof typeof LICENCE_KINDS;
export const LICENCE_KIND_KEYS = Object.keys(LICENCE_KINDS) as [LicenceKind, ...LicenceKind[]];

/** The state of a licence as verification reports it. */
export const LICENCE_STATUSES = {
  valid: '有效',
  suspended: '已暂停',
  revoked: '已吊销',
  cancelled: '已注销',
} as const;
export type LicenceStatus = keyof typeof LICENCE_STATUSES;

/** What a verifier concludes about one scanned licence, worst first. */
export const VERIFICATION_RESULTS = {
  tampered: '证照内容被篡改或签名无效，请勿采信',
  revoked: '该证照已被吊销',
  cancelled: '该证照已注销',
  suspended: '该证照已暂停使用',
  superseded: '该证照已变更换发，此为旧版本，请以最新版本为准',
  expired: '该证照已超过有效期',
  valid: '证照真实有效',
} as const;
export type VerificationResult = keyof typeof VERIFICATION_RESULTS;

/** What staff of the issuing organisation may do to a licence (变更/暂停/恢复/吊销/注销). */
export const LICENCE_ACTIONS = {
  change: { label: '变更换发', from: ['valid'], to: 'valid' },
  suspend: { label: '暂停', from: ['valid'], to: 'suspended' },
  resume: { label: '恢复', from: ['suspended'], to: 'valid' },
  revoke: { label: '吊销', from: ['valid', 'suspended'], to: 'revoked' },
  cancel: { label: '注销', from: ['valid', 'suspended'], to: 'cancelled' },
} as const satisfies Record<string, { label: string; from: readonly LicenceStatus[]; to: LicenceStatus }>;
export type LicenceAction = keyof typeof LICENCE_ACTIONS;
export const LICENCE_ACTION_KEYS = Object.keys(LICENCE_ACTIONS) as [LicenceAction, ...LicenceAction[]];
