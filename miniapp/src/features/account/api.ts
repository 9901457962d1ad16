import type {
  DevPersona,
  Message,
  MessageList,
  Session,
  SessionUser,
  StaffMember,
  StaffPermission,
  VerifiedIdentityDetail,
} from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'
import { adoptSession, updateUser } from '@/services/session'

/** Sign-in helpers, staff binding and administration, and the message centre. */

export interface Invitation {
  staffId: string
  code: string
  expiresAt: string
}

const path = (value: string) => encodeURIComponent(value)

/** Local stage only (404 elsewhere): the seeded personas of the developer login. */
export async function listDevPersonas(): Promise<DevPersona[]> {
  return (await getJson<{ personas: DevPersona[] }>('/dev/personas')).personas
}

/** The signed-in user as the API sees them now; the stored session follows. */
export async function refreshMe(): Promise<SessionUser> {
  const user = await getJson<SessionUser>('/me', { auth: true })
  updateUser(user)
  return user
}

/** The signed-in person's own verified identity in full (prefill of their application), or null when none is linked. */
export async function getVerifiedIdentity(): Promise<{ name: string; idNumber: string; mobile?: string } | null> {
  const identity = await getJson<VerifiedIdentityDetail>('/me/verified-identity', { auth: true })
  return identity.verified && identity.name && identity.idNumber ? { name: identity.name, idNumber: identity.idNumber, ...(identity.mobile ? { mobile: identity.mobile } : {}) } : null
}

/** Redeems an invitation code; the answer is a new session in which the caller is staff. */
export async function bindStaff(code: string): Promise<Session> {
  const { data } = await requestJson<Session>('POST', '/staff/bind', { auth: true, body: { code } })
  adoptSession(data)
  return data
}

export async function listStaff(organisationCode: string): Promise<StaffMember[]> {
  return (await getJson<{ items: StaffMember[] }>(`/organisations/${path(organisationCode)}/staff`, { auth: true })).items
}

/** A retry with the same idempotency key and content gets the same invitation and code. */
export async function createInvitation(organisationCode: string, body: { name: string; permissions: StaffPermission[] }, idempotencyKey: string): Promise<Invitation> {
  return (await requestJson<Invitation>('POST', `/organisations/${path(organisationCode)}/invitations`, { auth: true, body, headers: { 'Idempotency-Key': idempotencyKey } })).data
}

export async function revokeStaff(organisationCode: string, staffId: string): Promise<void> {
  await requestJson<void>('DELETE', `/organisations/${path(organisationCode)}/staff/${path(staffId)}`, { auth: true })
}

export function listMessages(query: { limit?: number; cursor?: string | null }): Promise<MessageList> {
  return getJson<MessageList>('/me/messages', { auth: true, query: { limit: query.limit, cursor: query.cursor } })
}

/** Just the number of unread messages (for the badge on 我的). */
export async function unreadCount(): Promise<number> {
  return (await listMessages({ limit: 1 })).unread
}

export async function markMessageRead(messageId: string): Promise<void> {
  await requestJson<void>('POST', `/me/messages/${path(messageId)}/read`, { auth: true })
}

export type { Message }
