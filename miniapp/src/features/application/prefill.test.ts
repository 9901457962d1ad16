/// <reference types="jest" />
import type { ImplementationItem } from '@ah-tourism/shared'
import { emptyForm, prefilledForm } from './form'

const item = (serviceObjects: string[]) =>
  ({ version: 3, applicationFields: [{ key: 'agencyName' }], guide: { serviceObjects, materials: [] } }) as unknown as ImplementationItem

const IDENTITY = { name: '张皖生', idNumber: '34100219850312002X', mobile: '13955900001' }

describe('prefill from the verified identity (single sign-on from the portal)', () => {
  it('fills in the applicant person with the verified name, ID number and mobile', () => {
    const form = prefilledForm(item(['natural_person']), IDENTITY)
    expect(form.applicantKind).toBe('person')
    expect(form.onBehalf).toBe(false)
    expect(form.person).toEqual(IDENTITY)
    expect(form.agent).toEqual({ name: '', idNumber: '', mobile: '' })
  })

  it('leaves the form empty without an identity, or when only enterprises may apply', () => {
    expect(prefilledForm(item(['natural_person']), null)).toEqual(emptyForm(item(['natural_person'])))
    expect(prefilledForm(item(['legal_person']), IDENTITY).person).toEqual({ name: '', idNumber: '', mobile: '' })
  })

  it('leaves the mobile for the person to fill in when the identity has none', () => {
    expect(prefilledForm(item(['natural_person', 'legal_person']), { name: IDENTITY.name, idNumber: IDENTITY.idNumber }).person.mobile).toBe('')
  })
})
