import type { SessionUser } from '@ah-tourism/shared'

/**
 * Who sees 网上考核, as the API allows it: provincial staff (any permission) and provincial administrators,
 * for any scope (全省, a city, an organisation); every other staff member, for their own organisation, their
 * city and the organisations in it (a unit's figures are no secret to its own staff). Anyone else does not
 * see the entry. The API checks the same on each request.
 */
export function assessmentAccess(user: SessionUser | null): 'province' | 'city' | null {
  if (!user) return null
  if (user.provincialAdmin || user.staff?.level === 'province') return 'province'
  if (user.staff) return 'city'
  return null
}
