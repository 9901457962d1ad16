/// <reference types="jest" />
import type { ApplicationPrefill, ImplementationItem } from '@ah-tourism/shared'
import { emptyForm, prefilledForm } from './form'
import { withEarlierAnswers } from './history-prefill'

const item = (serviceObjects: string[], keys: string[] = ['agencyName', 'premisesAddress']) =>
  ({ version: 3, applicationFields: keys.map((key) => ({ key, label: key, type: 'text', required: true })), guide: { serviceObjects, materials: [] } }) as unknown as ImplementationItem

const AGENT = { name: '程晓雨', idNumber: '34100219900307123X', mobile: '13955912345' }
const ENTERPRISE = { name: '黄山云海旅行社有限公司', creditCode: '91341000MA2T3K4L5X', legalRepresentative: '汪明' }
const PERSON = { name: '李娜', idNumber: '340102199003071234', mobile: '13800000000' }
const earlier = (part: Partial<ApplicationPrefill>): ApplicationPrefill => ({ found: true, from: '2026-11-20T01:00:00.000Z', fields: {}, ...part })

describe('prefill from earlier applications (the phone’s side)', () => {
  it('fills in the enterprise, its agent and the shared fields, as an enterprise', () => {
    const agency = item(['legal_person'])
    const { form, used } = withEarlierAnswers(emptyForm(agency), earlier({ enterprise: ENTERPRISE, agent: AGENT, fields: { agencyName: ENTERPRISE.name } }), agency)
    expect(used).toBe(true)
    expect(form.applicantKind).toBe('enterprise')
    expect(form.enterprise).toEqual(ENTERPRISE)
    expect(form.agent).toEqual(AGENT)
    expect(form.fields).toEqual({ agencyName: ENTERPRISE.name, premisesAddress: '' })
  })

  it('keeps the verified identity the portal filled in, and leaves the form alone with nothing found', () => {
    const guide = item(['natural_person'], [])
    const identity = { name: '张皖生', idNumber: '34100219850312002X', mobile: '13955900001' }
    const start = prefilledForm(guide, identity)
    expect(withEarlierAnswers(start, earlier({ person: PERSON }), guide)).toEqual({ form: start, used: false })
    expect(withEarlierAnswers(emptyForm(guide), earlier({ person: PERSON }), guide).form.person).toEqual(PERSON)
    expect(withEarlierAnswers(emptyForm(guide), { found: false, from: null, fields: {} }, guide)).toEqual({ form: emptyForm(guide), used: false })
    expect(withEarlierAnswers(emptyForm(guide), null, guide).used).toBe(false)
  })

  it('does not offer an enterprise where only persons apply, nor fields the item does not have', () => {
    const guide = item(['natural_person'], ['employer'])
    const { form, used } = withEarlierAnswers(emptyForm(guide), earlier({ enterprise: ENTERPRISE, fields: { agencyName: 'x' } }), guide)
    expect(used).toBe(false)
    expect(form.enterprise).toEqual(emptyForm(guide).enterprise)
    expect(form.fields).toEqual({ employer: '' })
  })
})
