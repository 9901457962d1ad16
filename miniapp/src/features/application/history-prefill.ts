import type { ApplicationPrefill, ImplementationItem } from '@ah-tourism/shared'
import { applicantKinds, type ApplyForm, type PersonInput } from './form'

const blank = (person: PersonInput) => !person.name && !person.idNumber && !person.mobile

/**
 * A new form with what the person gave in their own earlier applications (GET /me/application-prefill):
 * the applicant, enterprise and agent as last given and the item's fields the server found, where the
 * form is still empty (a verified identity already filled in stays). `used` says whether anything was
 * filled in, so the page can say so and offer to clear it.
 */
export function withEarlierAnswers(form: ApplyForm, prefill: ApplicationPrefill | null, item: ImplementationItem): { form: ApplyForm; used: boolean } {
  if (!prefill?.found) return { form, used: false }
  const kinds = applicantKinds(item)
  const next: ApplyForm = { ...form, fields: { ...form.fields } }
  let used = false
  if (kinds.includes('person') && prefill.person && blank(form.person)) {
    next.person = { ...prefill.person }
    used = true
  }
  if (kinds.includes('enterprise') && prefill.enterprise) {
    next.enterprise = { ...prefill.enterprise }
    // Someone who last applied for an enterprise and may do so here starts as that enterprise.
    if (!prefill.person || !kinds.includes('person')) next.applicantKind = 'enterprise'
    used = true
  }
  if (prefill.agent && blank(form.agent) && (kinds.includes('enterprise') || next.applicantKind === 'person')) {
    next.agent = { ...prefill.agent }
    used = used || next.applicantKind === 'enterprise'
  }
  for (const field of item.applicationFields) {
    const value = prefill.fields[field.key]
    if (value === undefined || (form.fields[field.key] ?? '') !== '') continue
    next.fields[field.key] = String(value)
    used = true
  }
  return used ? { form: next, used } : { form, used: false }
}
