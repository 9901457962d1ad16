/**
 * Case statuses and the transitions that exist so far. The lifecycle issue extends this one table
 * (pre-review, supplement, acceptance, review, decision, delivery); every status a case can be in is
 * declared here so the phone and the functions agree on labels.
 */
export const CASE_STATUSES = {
  pre_review: { label: '待预审', applicantHint: '材料已提交，等待工作人员网上预审' },
} as const;

export type CaseStatus = keyof typeof CASE_STATUSES;

export const CASE_TRANSITIONS = {
  submit: { from: null, to: 'pre_review', actor: 'applicant' },
} as const satisfies Record<string, { from: CaseStatus | null; to: CaseStatus; actor: string }>;

export type CaseTransition = keyof typeof CASE_TRANSITIONS;

export function statusLabel(status: CaseStatus): string {
  return CASE_STATUSES[status].label;
}
