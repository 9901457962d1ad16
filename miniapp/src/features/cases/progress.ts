import type { CaseDetail, CaseStatus } from '@ah-tourism/shared'

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

const STEPS: readonly { key: ProgressStep['key']; label: string }[] = [
  { key: 'submit', label: '提交' },
  { key: 'pre_review', label: '预审' },
  { key: 'review', label: '审查' },
  { key: 'decision', label: '决定' },
  { key: 'delivery', label: '送达' },
  { key: 'closed', label: '办结' },
]

/** The step each status is at, whether it ended there, and the words for it. */
const AT: Record<CaseStatus, { step: ProgressStep['key']; stopped?: true; now: string; applicant?: true }> = {
  pre_review: { step: 'pre_review', now: '网上预审中' },
  supplement_requested: { step: 'pre_review', now: '待您补正材料', applicant: true },
  accepted: { step: 'review', now: '审查中' },
  special_procedure: { step: 'review', now: '核查评审中（不计入办理时限）' },
  reviewed: { step: 'decision', now: '审查完成，待作出决定' },
  not_accepted: { step: 'pre_review', stopped: true, now: '预审未通过，办理终止' },
  approved: { step: 'delivery', now: '已准予，待送达' },
  refused: { step: 'decision', stopped: true, now: '审查未通过，办理终止' },
  delivered: { step: 'closed', now: '送达完成，等待办结' },
  closed: { step: 'closed', now: '办理完成' },
  withdrawn: { step: 'submit', stopped: true, now: '您撤回了申请，办理终止' },
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
  if (status === 'supplement_requested') return '上传告知书所列的材料，重新提交'
  if (visitToBook(detail)) return '请预约到现场的时间'
  if (status === 'pre_review') return '预审通过后受理，或一次性告知需补正的材料'
  if (status === 'accepted' || status === 'special_procedure') return '审查完成后作出决定'
  if (status === 'reviewed') return '作出决定并告知您'
  if (status === 'approved') return '送达决定文书'
  if (toEvaluate(detail)) return '评价本次服务（好差评）'
  if (status === 'not_accepted' || status === 'refused') return '如有异议，可按决定书所写申请复议或提起诉讼'
  return null
}

export function caseProgress(detail: ProgressInput): CaseProgress {
  const at = AT[detail.status]
  const index = STEPS.findIndex((step) => step.key === at.step)
  const finished = detail.status === 'closed'
  const steps = STEPS.map((step, i): ProgressStep => ({
    ...step,
    state: i < index || (finished && i === index) ? 'done' : i === index ? (at.stopped ? 'stopped' : 'current') : 'upcoming',
  }))
  const running = detail.deadlines.find((deadline) => !deadline.paused && deadline.remainingWorkingDays !== undefined)
  const open = !at.stopped && detail.status !== 'closed' && detail.status !== 'delivered'
  return {
    steps,
    now: at.now,
    holder: at.applicant || visitToBook(detail) ? '您' : open ? detail.organisationName : '—',
    next: nextOf(detail),
    daysLeft: open && running ? Math.max(0, running.remainingWorkingDays!) : null,
    overdue: open && !!running?.overdue,
  }
}
