/// <reference types="jest" />
import { CASE_STATUSES, type CaseDetail, type CaseStatus } from '@ah-tourism/shared'
import { caseProgress, needsApplicant } from './progress'

const base = { organisationName: '黄山市文化和旅游局', deadlines: [], actions: [] } as unknown as Pick<CaseDetail, 'status' | 'deadlines' | 'organisationName' | 'visit' | 'evaluation' | 'actions'>
const running = (days: number, overdue = false) => [{ kind: 'pre_review' as const, label: '预审', remainingWorkingDays: days, paused: false, overdue }]

describe('where a case is, at a glance', () => {
  it('awaiting pre-review: at 预审, held by the organisation, with the days left and what comes next', () => {
    const progress = caseProgress({ ...base, status: 'pre_review', deadlines: running(2) })
    expect(progress.steps.map((s) => `${s.label}:${s.state}`)).toEqual(['提交:done', '预审:current', '审查:upcoming', '决定:upcoming', '送达:upcoming', '办结:upcoming'])
    expect(progress).toMatchObject({ now: '网上预审中', holder: '黄山市文化和旅游局', daysLeft: 2, overdue: false, next: '预审通过后受理，或一次性告知需补正的材料' })
  })

  it('a supplement asked for: the applicant holds it, and is told what to do', () => {
    const progress = caseProgress({ ...base, status: 'supplement_requested', deadlines: [{ kind: 'pre_review', label: '预审', paused: true, overdue: false }] })
    expect(progress).toMatchObject({ now: '待您补正材料', holder: '您', daysLeft: null, next: '上传告知书所列的材料，重新提交' })
  })

  it('approved with a visit to book: the applicant is asked to book it', () => {
    const visit = { required: true, when: 'after_approval' as const, canBook: true }
    expect(caseProgress({ ...base, status: 'approved', visit })).toMatchObject({ now: '已准予，待送达', holder: '您', next: '请预约到现场的时间' })
  })

  it('refused or withdrawn: the step it ended at is marked, nothing runs', () => {
    const refused = caseProgress({ ...base, status: 'refused', deadlines: running(3) })
    expect(refused.steps.find((s) => s.key === 'decision')!.state).toBe('stopped')
    expect(refused).toMatchObject({ daysLeft: null, holder: '—', next: '如有异议，可按决定书所写申请复议或提起诉讼' })
    expect(caseProgress({ ...base, status: 'withdrawn' }).steps[0]!.state).toBe('stopped')
  })

  it('closed: every step done; delivered and not yet evaluated invites the evaluation', () => {
    expect(caseProgress({ ...base, status: 'closed' }).steps.every((s) => s.state === 'done')).toBe(true)
    expect(caseProgress({ ...base, status: 'delivered', evaluation: { canEvaluate: true } }).next).toBe('评价本次服务（好差评）')
  })

  it('an overdue deadline shows as overdue with no negative days', () => {
    expect(caseProgress({ ...base, status: 'accepted', deadlines: running(-2, true) })).toMatchObject({ daysLeft: 0, overdue: true })
  })

  it('never repeats the status label or hint the page header shows, for any status', () => {
    for (const [status, { label, applicantHint }] of Object.entries(CASE_STATUSES)) {
      const { next, now } = caseProgress({ ...base, status: status as CaseStatus, evaluation: { canEvaluate: true } })
      for (const words of [next, now]) {
        for (const shown of [label, applicantHint]) if (words) expect({ status, words, repeats: shown.includes(words) || words.includes(shown) }).toEqual({ status, words, repeats: false })
      }
    }
  })

  it('says which cases wait for the applicant: 补正, a visit to book, an evaluation not yet given after delivery', () => {
    const visit = (booked: boolean) => ({ required: true, when: 'after_approval' as const, canBook: true, ...(booked ? { booking: { slotId: '202612070900', startsAt: '', endsAt: '', place: '', bookedAt: '' } } : {}) })
    expect(needsApplicant({ ...base, status: 'supplement_requested' })).toBe(true)
    expect(needsApplicant({ ...base, status: 'approved', visit: visit(false) })).toBe(true)
    expect(needsApplicant({ ...base, status: 'approved', visit: visit(true) })).toBe(false)
    expect(needsApplicant({ ...base, status: 'delivered', evaluation: { canEvaluate: true } })).toBe(true)
    expect(needsApplicant({ ...base, status: 'closed', evaluation: { canEvaluate: false } })).toBe(false)
    // Evaluable from acceptance (a setting) does not make every case under review wait for the applicant.
    expect(needsApplicant({ ...base, status: 'accepted', evaluation: { canEvaluate: true } })).toBe(false)
    for (const status of ['pre_review', 'reviewed', 'refused', 'withdrawn'] as const) expect(needsApplicant({ ...base, status })).toBe(false)
  })
})
