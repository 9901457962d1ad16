// Types only from the licence schemas: the values a page needs come from shared/src/licences/kinds.ts.
import type { LicenceAction, LicenceKey, LicenceVerification, MyLicence, StaffLicence } from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'

const path = (value: string) => encodeURIComponent(value)

/** 我的证照: the caller's licences and those of the enterprises they act for, each with its QR content. */
export async function listMyLicences(): Promise<MyLicence[]> {
  return (await getJson<{ licences: MyLicence[] }>('/me/licences', { auth: true })).licences
}

/** Every public key licences were signed with (no sign-in), for checking signatures on the phone. */
export async function getLicenceKeys(): Promise<LicenceKey[]> {
  return (await getJson<{ keys: LicenceKey[] }>('/licences/keys')).keys
}

/** What a scanned licence is worth now (no sign-in): signature, then the licence's current state. */
export async function verifyLicence(token: string): Promise<LicenceVerification> {
  return (await requestJson<LicenceVerification>('POST', '/licences/verify', { body: { token } })).data
}

export function getStaffLicence(licenceId: string): Promise<StaffLicence> {
  return getJson<StaffLicence>(`/staff/licences/${path(licenceId)}`, { auth: true })
}

/** The body of POST /staff/licences/{licenceId}/actions (licenceActionRequestSchema). */
export interface LicenceActionBody {
  action: LicenceAction
  version: number
  reason: string
  legalBasis: string
  effectiveOn?: string
  changes?: { scope?: string[]; details?: Record<string, string>; holderName?: string }
}

/** One action at the version on screen; 409 when someone changed the licence first or its state does not allow it. */
export async function actOnLicence(licenceId: string, body: LicenceActionBody): Promise<StaffLicence> {
  return (await requestJson<StaffLicence>('POST', `/staff/licences/${path(licenceId)}/actions`, { auth: true, body })).data
}
