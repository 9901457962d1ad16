import type { CaseDetail, CaseStatus } from '@ah-tourism/shared'
import { CASE_PROGRESS_STRINGS as S } from './strings'

/**
 * Where a case is, at a glance, as the applicant's case page leads with it: the steps of the process with
 * the one it is at, who holds it now, what comes next and the working days left. Pure, so the page and its
 * unit test read the same answer.
 */
export type StepState = 'done' | 'current' | 'upcoming' | 'stopped'

export interface ProgressStep {
  key: 'submit' | 'pre_review' | 'review' | 'decision' | 'delivery' | 'closed'
  label: string
  state: StepState
}

export interface CaseProgress {
  steps: ProgressStep[]
  /** The step it is at, in words (e.g. 网上预审中, 待您补正). */
  now: string
  /** Who has to act now: the organisation, or the applicant (您). */
  holder: string
  /** What happens next, or what the applicant can do. */
  next: string | null
  /** Working days left on the running deadline, when one runs. */
  daysLeft: number | null
  overdue: boolean
}

const STEP_KEYS: readonly ProgressStep['key'][] = ['submit', 'pre_review', 'review', 'decision', 'delivery', 'closed']

/** The step each status is at, whether it ended there, and whether the applicant holds it (the words: CASE_PROGRESS_STRINGS.now). */
const AT: Record<CaseStatus, { step: ProgressStep['key']; stopped?: true; applicant?: true }> = {
  pre_review: { step: 'pre_review' },
  supplement_requested: { step: 'pre_review', applicant: true },
  accepted: { step: 'review' },
  special_procedure: { step: 'review' },
  reviewed: { step: 'decision' },
  not_accepted: { step: 'pre_review', stopped: true },
  approved: { step: 'delivery' },
  refused: { step: 'decision', stopped: true },
  delivered: { step: 'closed' },
  closed: { step: 'closed' },
  withdrawn: { step: 'submit', stopped: true },
}

// The words of `now` and `next` never repeat the status label or hint the page header shows (CASE_STATUSES).
export type ProgressInput = Pick<CaseDetail, 'status' | 'deadlines' | 'organisationName' | 'visit' | 'evaluation' | 'actions'>

const visitToBook = (detail: ProgressInput) => !!detail.visit?.canBook && !detail.visit.booking
const toEvaluate = (detail: ProgressInput) =>
  (detail.status === 'delivered' || detail.status === 'closed') && !!detail.evaluation?.canEvaluate && !detail.evaluation.given

/** Whether the applicant has something to do on the case now: 补正, a visit to book (e.g. to collect the result), or 评价. */
export function needsApplicant(detail: ProgressInput): boolean {
  return detail.status === 'supplement_requested' || visitToBook(detail) || toEvaluate(detail)
}

function nextOf(detail: ProgressInput): string | null {
  const { status } = detail
  if (status === 'supplement_requested') return S.next.supplement
  if (visitToBook(detail)) return S.next.bookVisit
  if (status === 'pre_review') return S.next.preReview
  if (status === 'accepted' || status === 'special_procedure') return S.next.review
  if (status === 'reviewed') return S.next.decide
  if (status === 'approved') return S.next.deliver
  if (toEvaluate(detail)) return S.next.evaluate
  if (status === 'not_accepted' || status === 'refused') return S.next.appeal
  return null
}

export function caseProgress(detail: ProgressInput): CaseProgress {
  const at = AT[detail.status]
  const index = STEP_KEYS.indexOf(at.step)
  const finished = detail.status === 'closed'
  const steps = STEP_KEYS.map((key, i): ProgressStep => ({
    key,
    label: S.steps[key],
    state: i < index || (finished && i === index) ? 'done' : i === index ? (at.stopped ? 'stopped' : 'current') : 'upcoming',
  }))
  const running = detail.deadlines.find((deadline) => !deadline.paused && deadline.remainingWorkingDays !== undefined)
  const open = !at.stopped && detail.status !== 'closed' && detail.status !== 'delivered'
  return {
    steps,
    now: S.now[detail.status],
    holder: at.applicant || visitToBook(detail) ? S.you : open ? detail.organisationName : '—',
    next: nextOf(detail),
    daysLeft: open && running ? Math.max(0, running.remainingWorkingDays!) : null,
    overdue: open && !!running?.overdue,
  }
}
