import type { SessionUser } from '@ah-tourism/shared'

/**
 * Who sees 网上考核: provincial staff (any permission) and provincial administrators, for any scope
 * (全省, a city, an organisation); a city's organisation administrators (单位管理员), for their own
 * organisation and their city. Other staff do not see the entry. The API checks the same on each request.
 */
export function assessmentAccess(user: SessionUser | null): 'province' | 'city' | null {
  if (!user) return null
  if (user.provincialAdmin || user.staff?.level === 'province') return 'province'
  if (user.staff?.permissions.includes('org_admin')) return 'city'
  return null
}
