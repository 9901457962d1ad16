import type { StaffPermission } from '../auth/roles';

/**
 * The case lifecycle: every status a case can be in and every transition between them, in one table
 * that the phone (to offer only legal actions) and the functions (to enforce them) both read.
 *
 *   submit → pre_review ─┬─ request_supplement → supplement_requested ─ resubmit → pre_review
 *                        ├─ accept → accepted ─┬─ start_special_procedure → special_procedure ─ end_special_procedure → accepted
 *                        │                     └─ complete_review → reviewed ─┬─ approve → approved ─┐
 *                        │                                                    └─ refuse → refused ──┴─ deliver → delivered ─ close → closed
 *                        ├─ not_accept → not_accepted ─ deliver → delivered
 *                        ├─ auto_approve → approved (smart approval: every rule of the item passed)
 *                        └─ transfer → pre_review (another organisation)
 *   withdraw: pre_review | supplement_requested | accepted | special_procedure | reviewed → withdrawn
 */
export const CASE_STATUSES = {
  pre_review: { label: '待预审', applicantHint: '材料已提交，等待工作人员网上预审', final: false },
  supplement_requested: { label: '待补正', applicantHint: '请按一次性告知书补正材料后重新提交', final: false },
  accepted: { label: '已受理', applicantHint: '申请已受理，正在审查', final: false },
  special_procedure: { label: '特别程序中', applicantHint: '正在进行现场核查、专家评审或听证，期间不计入办理时限', final: false },
  reviewed: { label: '待决定', applicantHint: '审查已完成，等待作出决定', final: false },
  not_accepted: { label: '不予受理', applicantHint: '请查看不予受理决定书，了解理由和救济途径', final: false },
  approved: { label: '准予许可', applicantHint: '已作出准予许可决定，等待送达', final: false },
  refused: { label: '不予许可', applicantHint: '已作出不予许可决定，请查看决定书中的理由和救济途径', final: false },
  delivered: { label: '已送达', applicantHint: '决定文书已送达，欢迎评价本次服务', final: false },
  closed: { label: '已办结', applicantHint: '办件已办结', final: true },
  withdrawn: { label: '已撤回', applicantHint: '申请已撤回', final: true },
} as const;

export type CaseStatus = keyof typeof CASE_STATUSES;
export const CASE_STATUS_KEYS = Object.keys(CASE_STATUSES) as [CaseStatus, ...CaseStatus[]];

/** What a transition does to the working-day clocks. */
export type ClockEffect =
  | 'start_pre_review' // the pre-review window (5 working days) starts
  | 'pause_pre_review' // supplement time does not count
  | 'start_completion' // the promised completion clock starts at acceptance
  | 'pause_completion' // special procedures do not count
  | 'resume_completion'
  | 'stop'
  | 'none';

/** What a transition must record. */
export type Requirement =
  | 'opinion'
  | 'reason'
  | 'legal_remedy'
  | 'document_number'
  | 'defects'
  | 'delivery'
  | 'target_organisation'
  | 'procedure'
  | 'materials'
  | 'commitment';

export interface TransitionDefinition {
  label: string;
  from: readonly (CaseStatus | null)[];
  to: CaseStatus | 'same';
  actor: 'applicant' | 'staff' | 'system';
  /** Staff permission needed (staff transitions). */
  permission?: StaffPermission;
  /** Further permissions that may take the step too (any one of them). */
  alsoPermitted?: readonly StaffPermission[];
  requires: readonly Requirement[];
  clock: ClockEffect;
  /**
   * The document this transition issues to the applicant. A decision names the licensing one; the item's
   * type chooses the one actually issued (a filing receipt, a confirmation, an answer letter: the
   * functions' cases/outcomes.ts).
   */
  document?: 'supplement_notice' | 'acceptance_notice' | 'non_acceptance_decision' | 'approval_decision' | 'refusal_decision';
}

export const CASE_TRANSITIONS = {
  submit: { label: '提交申请', from: [null], to: 'pre_review', actor: 'applicant', requires: [], clock: 'start_pre_review' },
  request_supplement: {
    label: '一次性告知补正',
    from: ['pre_review'],
    to: 'supplement_requested',
    actor: 'staff',
    permission: 'pre_review',
    requires: ['defects'],
    clock: 'pause_pre_review',
    document: 'supplement_notice',
  },
  resubmit: { label: '补正后重新提交', from: ['supplement_requested'], to: 'pre_review', actor: 'applicant', requires: ['materials'], clock: 'start_pre_review' },
  accept: {
    label: '受理',
    from: ['pre_review'],
    to: 'accepted',
    actor: 'staff',
    permission: 'pre_review',
    requires: ['opinion'],
    clock: 'start_completion',
    document: 'acceptance_notice',
  },
  not_accept: {
    label: '不予受理',
    from: ['pre_review'],
    to: 'not_accepted',
    actor: 'staff',
    permission: 'pre_review',
    requires: ['reason', 'legal_remedy'],
    clock: 'stop',
    document: 'non_acceptance_decision',
  },
  auto_approve: {
    label: '智慧审批准予',
    from: ['pre_review'],
    to: 'approved',
    actor: 'system',
    requires: [],
    clock: 'stop',
    document: 'approval_decision',
  },
  transfer: {
    label: '移交有权机关',
    from: ['pre_review'],
    to: 'same',
    actor: 'staff',
    permission: 'pre_review',
    requires: ['reason', 'target_organisation'],
    clock: 'none',
  },
  start_special_procedure: {
    label: '启动特别程序',
    from: ['accepted'],
    to: 'special_procedure',
    actor: 'staff',
    permission: 'review',
    requires: ['procedure', 'reason'],
    clock: 'pause_completion',
  },
  end_special_procedure: {
    label: '特别程序结束',
    from: ['special_procedure'],
    to: 'accepted',
    actor: 'staff',
    permission: 'review',
    requires: ['opinion'],
    clock: 'resume_completion',
  },
  complete_review: { label: '审查完成', from: ['accepted'], to: 'reviewed', actor: 'staff', permission: 'review', requires: ['opinion'], clock: 'none' },
  approve: {
    label: '准予许可',
    from: ['reviewed'],
    to: 'approved',
    actor: 'staff',
    permission: 'decide',
    requires: ['opinion'],
    clock: 'stop',
    document: 'approval_decision',
  },
  refuse: {
    label: '不予许可',
    from: ['reviewed'],
    to: 'refused',
    actor: 'staff',
    permission: 'decide',
    requires: ['reason', 'legal_remedy'],
    clock: 'stop',
    document: 'refusal_decision',
  },
  deliver: {
    label: '送达',
    from: ['approved', 'refused', 'not_accepted'],
    to: 'delivered',
    actor: 'staff',
    permission: 'deliver',
    requires: ['delivery'],
    clock: 'none',
  },
  close: { label: '办结', from: ['delivered'], to: 'closed', actor: 'system', requires: [], clock: 'none' },
  /**
   * 告知承诺制: a commitment confirmed instead of a material was found false on inspection, with the
   * consequence. The case keeps its status; the step is in its history and audit chain, and the applicant sees it.
   */
  mark_commitment_false: {
    label: '认定承诺不实',
    from: ['pre_review', 'supplement_requested', 'accepted', 'special_procedure', 'reviewed', 'not_accepted', 'approved', 'refused', 'delivered', 'closed'],
    to: 'same',
    actor: 'staff',
    permission: 'review',
    alsoPermitted: ['decide'],
    requires: ['commitment', 'opinion'],
    clock: 'none',
  },
  withdraw: {
    label: '撤回申请',
    from: ['pre_review', 'supplement_requested', 'accepted', 'special_procedure', 'reviewed'],
    to: 'withdrawn',
    actor: 'applicant',
    requires: ['reason'],
    clock: 'stop',
  },
} as const satisfies Record<string, TransitionDefinition>;

export type CaseTransition = keyof typeof CASE_TRANSITIONS;
export const CASE_TRANSITION_KEYS = Object.keys(CASE_TRANSITIONS) as [CaseTransition, ...CaseTransition[]];

export function statusLabel(status: CaseStatus): string {
  return CASE_STATUSES[status].label;
}

/** Steps recorded in a case's history that do not change its status. */
export const HISTORY_STEPS = { book_visit: '预约现场办理', claim_case: '认领窗口办件', national_step: '全国旅游监管服务平台办理环节' } as const;

export function transitionLabel(action: string): string {
  return (CASE_TRANSITIONS as Record<string, TransitionDefinition>)[action]?.label ?? (HISTORY_STEPS as Record<string, string>)[action] ?? action;
}

/** Where a transition leads from a status, or undefined when it is not allowed from there. */
export function nextStatus(action: CaseTransition, from: CaseStatus): CaseStatus | undefined {
  const transition: TransitionDefinition = CASE_TRANSITIONS[action];
  if (!transition.from.includes(from)) return undefined;
  return transition.to === 'same' ? from : transition.to;
}

/** Whether staff with these permissions may take a step (its permission, or one it also admits). */
export function permits(transition: TransitionDefinition, permissions: readonly StaffPermission[]): boolean {
  return transition.actor === 'staff' && [transition.permission, ...(transition.alsoPermitted ?? [])].some((p) => !!p && permissions.includes(p));
}

/** The staff actions a person with these permissions may take on a case in this status. */
export function staffActions(status: CaseStatus, permissions: readonly StaffPermission[]): CaseTransition[] {
  return CASE_TRANSITION_KEYS.filter((action) => {
    const transition: TransitionDefinition = CASE_TRANSITIONS[action];
    return transition.from.includes(status) && permits(transition, permissions);
  });
}

/** The actions the applicant may take on their case in this status. */
export function applicantActions(status: CaseStatus): CaseTransition[] {
  return CASE_TRANSITION_KEYS.filter((action) => {
    const transition: TransitionDefinition = CASE_TRANSITIONS[action];
    return transition.actor === 'applicant' && transition.from.includes(status);
  });
}

/**
 * Where a case was applied (申请渠道): online on the phone or the provincial portal, or entered at a hall
 * window on the person's behalf (线上线下联合办理). Cases stored without one were applied on the phone.
 */
export const CASE_CHANNELS = {
  miniapp: { label: '微信小程序', online: true },
  portal: { label: '政务服务网', online: true },
  hall_window: { label: '服务大厅窗口', online: false },
  /** Handled in the national tourism supervision system and imported here (read-only, counted as offline). */
  national_tourism_system: { label: '全国旅游监管服务平台', online: false },
} as const;
export type CaseChannel = keyof typeof CASE_CHANNELS;
export const CASE_CHANNEL_KEYS = Object.keys(CASE_CHANNELS) as [CaseChannel, ...CaseChannel[]];
export const caseChannelOf = (record: { channel?: CaseChannel }): CaseChannel => record.channel ?? 'miniapp';
