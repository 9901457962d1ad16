import type { LicenceMaterial, LicenceMaterials } from '@ah-tourism/shared'
import { useEffect, useState } from 'react'
import { getJson } from '@/services/http'
import type { ApplyForm } from './form'

export type LicenceLookup =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'ready'; byMaterial: Record<string, LicenceMaterial>; complete: boolean }

/** Whose wallet the form asks for: the enterprise's credit code, or the person's ID number, once complete. */
function holderQuery(form: ApplyForm): Record<string, string> | null {
  if (form.applicantKind === 'enterprise') return form.enterprise.creditCode.length === 18 ? { creditCode: form.enterprise.creditCode.toUpperCase() } : null
  return form.person.idNumber.length === 18 ? { idNumber: form.person.idNumber.toUpperCase() } : null
}

/**
 * The licence each 免提交 material will be taken from (GET /me/licence-materials), looked up once the
 * applicant's credit code or ID number is complete, so the form shows what the case will record and a
 * licence that cannot be used is told before submitting rather than after.
 */
export function useLicenceMaterials(implementationCode: string, form: ApplyForm | null, needed: boolean): LicenceLookup {
  const query = needed && form ? holderQuery(form) : null
  const key = query ? new URLSearchParams({ implementationCode, ...query }).toString() : ''
  const [lookup, setLookup] = useState<LicenceLookup>({ state: 'idle' })
  useEffect(() => {
    if (!key) {
      setLookup({ state: 'idle' })
      return
    }
    let current = true
    setLookup({ state: 'loading' })
    getJson<LicenceMaterials>(`/me/licence-materials?${key}`, { auth: true })
      .then((answer) => {
        if (current) setLookup({ state: 'ready', complete: answer.complete, byMaterial: Object.fromEntries(answer.materials.map((m) => [m.materialId, m])) })
      })
      .catch(() => current && setLookup({ state: 'error' }))
    return () => {
      current = false
    }
  }, [key])
  return lookup
}

/** A licence the wallet holds but that may not be used: the application would be refused. */
export const blockingLicences = (lookup: LicenceLookup): LicenceMaterial[] =>
  lookup.state === 'ready' ? Object.values(lookup.byMaterial).filter((m) => !m.usable && !!m.found) : []
