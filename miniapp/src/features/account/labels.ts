import type { PushStatus, StaffStatus } from '@ah-tourism/shared'
import { STAFF_PERMISSIONS, type StaffPermission } from '@ah-tourism/shared/src/auth/roles'
import { localize } from '@/i18n/catalogue'
import en from './labels.en.json'

/** Chinese wording of the account codes (permissions come from shared/src/auth/roles.ts). */

export function permissionLabels(permissions: readonly StaffPermission[]): string[] {
  return permissions.map((permission) => STAFF_PERMISSIONS[permission] ?? permission)
}

export const STAFF_STATUS_LABELS: Record<StaffStatus, string> = localize('features/account/STAFF_STATUS_LABELS', {
  invited: '待绑定',
  active: '已启用',
  revoked: '已停用',
}, en.STAFF_STATUS_LABELS)

/** A note under a message whose WeChat push did not arrive; nothing when it did (or is on its way). */
export const PUSH_NOTES: Record<PushStatus, string | null> = localize('features/account/PUSH_NOTES', {
  in_app: null,
  pending: null,
  sent: null,
  no_subscription: '未订阅，仅站内通知',
  refused: '微信推送未送达',
  quota_exceeded: '微信推送未送达',
  failed: '微信推送未送达',
}, en.PUSH_NOTES)
