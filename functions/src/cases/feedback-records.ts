import type { Sealed } from '../platform/crypto';
import { RECTIFICATION_OUTCOMES, RECTIFICATION_STATUSES, type CallBackMethod, type Evaluation, type EvaluationState, type FeedbackChannel, type RectificationOutcome, type RectificationStatus, type CaseStatus } from '@ah-tourism/shared';

/** Statuses in which a case counts as finished for 一事一评. */
const FINISHED: readonly CaseStatus[] = ['delivered', 'closed'];
/** With evaluation at acceptance switched on, these too. */
const ACCEPTED_OR_LATER: readonly CaseStatus[] = ['accepted', 'special_procedure', 'reviewed', 'approved', 'refused', 'not_accepted', 'delivered', 'closed'];

/** Evaluations the person gave themselves online (in the app, or on the portal): nothing replaces them. */
export const ONLINE_EVALUATION_CHANNELS: readonly FeedbackChannel[] = ['miniapp', 'portal'];

export const caseEvaluable = (status: CaseStatus, fromAcceptance: boolean) => (fromAcceptance ? ACCEPTED_OR_LATER : FINISHED).includes(status);

/*
 * The stored shapes of evaluations and rectification tasks, and what their owner sees of them. Kept apart
 * from the service so that the case functions can show a case's evaluation without carrying the service.
 */

/** What is stored with an evaluation besides what the evaluator sees. */
export interface StoredEvaluation {
  evaluation: Evaluation;
  organisationCode: string;
  organisationName: string;
  implementationCode?: string;
  itemName: string;
  /** The evaluating account for online evaluations; the recording staff member for assisted ones. */
  evaluatorUserId?: string;
  recordedByStaffId?: string;
  /** Collected by the provincial portal: which consumer sent it, under its own evaluation id. */
  portal?: { consumer: string; evaluationId: string };
  /** A bad review found mistaken or malicious on appeal: kept, but not counted. */
  voided?: boolean;
}

export interface RectificationTask {
  subjectKind: 'case' | 'complaint';
  subjectId: string;
  partition: string;
  organisationCode: string;
  organisationName: string;
  itemName: string;
  implementationCode?: string;
  level: Evaluation['level'];
  tags: Evaluation['tags'];
  channel: FeedbackChannel;
  status: RectificationStatus;
  createdAt: string;
  dueAt: string;
  version: number;
  personName: string;
  /** The account that evaluated online, to hear the answer (none for reviews recorded on behalf). */
  ownerUserId?: string;
  /** For a review recorded on someone's behalf: the mobile they gave for the call-back, sealed. */
  sealedContact?: Sealed;
  callBacks: { at: string; method: CallBackMethod; reached: boolean; note: string; by: string }[];
  response?: { outcome: RectificationOutcome; response: string; rectifyBy?: string; at: string; by: string; completedAt?: string; completionNote?: string };
  appeal?: { reason: string; at: string; decision?: 'upheld' | 'dismissed'; note?: string; decidedAt?: string };
  history: { at: string; label: string; by: string; note?: string }[];
}

/** What the evaluator sees of the organisation's answer to a bad review. */
export function responseView(task: RectificationTask): NonNullable<Evaluation['rectification']> {
  const answered = task.response && task.response.outcome !== 'appeal';
  return {
    status: task.status,
    statusLabel: RECTIFICATION_STATUSES[task.status].label,
    ...(answered
      ? {
          outcome: task.response!.outcome,
          outcomeLabel: RECTIFICATION_OUTCOMES[task.response!.outcome],
          response: task.response!.response,
          respondedAt: task.response!.at,
          ...(task.response!.rectifyBy ? { rectifyBy: task.response!.rectifyBy } : {}),
          ...(task.response!.completedAt ? { completedAt: task.response!.completedAt } : {}),
        }
      : {}),
  };
}

/**
 * The evaluation part of a subject's page: whether its owner may still evaluate, and what was given. One
 * recorded for them at the window or on the line does not take their own evaluation away.
 */
export function evaluationState(subject: { evaluable: boolean; ownerUserId?: string }, viewerUserId: string, stored?: StoredEvaluation, task?: RectificationTask): EvaluationState {
  return {
    canEvaluate: (!stored || !ONLINE_EVALUATION_CHANNELS.includes(stored.evaluation.channel)) && subject.evaluable && subject.ownerUserId === viewerUserId,
    ...(stored ? { given: { ...stored.evaluation, ...(task ? { rectification: responseView(task) } : {}) } } : {}),
  };
}

