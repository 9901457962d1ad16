import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  ASSISTED_CHANNELS,
  EVALUATION_LEVELS,
  FEEDBACK_CHANNELS,
  isBadReview,
  sanitiseComment,
  tagLabel,
  type Evaluation,
  type EvaluationRequest,
  type FeedbackChannel,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { ONLINE_EVALUATION_CHANNELS, type RectificationTask, type StoredEvaluation } from '../cases/feedback-records';
import { EVALUATION_SK, RECTIFICATION_SK } from '../cases/keys';
import { outboxPut } from '../notifications/outbox';
import { reportPut } from '../reports/outbox';
import { evaluationReport } from './evaluation-report';
import { dueAfter, timerDelete, timerPut } from '../notifications/timers';
import { config } from '../platform/config';
import { seal } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { claimOutcome, createOnce, type CreateOutcome, type IdempotentRequest } from '../platform/idempotency';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { currentUser } from '../staff/service';
import type { StaffUser } from './common';
import { feedbackPartition, rectifyPartition } from './keys';
import { badReviewTimerAndEvent } from './rectification-task';
import { findSubject, type FeedbackSubject, type SubjectSources } from './subject';

export interface EvaluationDeps extends SubjectSources {
  people: AuthStore;
  calendar: () => Promise<WorkingCalendar>;
  now?: () => Date;
}


/** An evaluation the provincial portal collected from the person there (signed open API), with the portal's own id. */
export interface PortalEvaluator {
  portal: { consumer: string; evaluationId: string };
}

export function evaluationService(deps: EvaluationDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();
  const subjectOf = (kind: 'case' | 'complaint', id: string): Promise<FeedbackSubject | undefined> => findSubject(deps, kind, id);

  /** The evaluation a subject was given (what a retried request answers). */
  async function given(partition: string): Promise<Evaluation> {
    const { Item } = await db.send(new GetCommand({ TableName, Key: { pk: partition, sk: EVALUATION_SK }, ConsistentRead: true }));
    if (!Item) throw new Error('The evaluation written with this idempotency key is missing');
    return (Item.stored as StoredEvaluation).evaluation;
  }

  /**
   * 一事一评: one evaluation per case (or complaint), by its applicant online or recorded by hall/12301
   * staff on their behalf. A bad review opens a rectification task with its deadline in the same
   * transaction; the pending invitation is withdrawn. Written with the claim of the idempotency key.
   */
  async function record(who: Caller | PortalEvaluator, kind: 'case' | 'complaint', subjectId: string, request: EvaluationRequest, claim: (result: { partition: string }) => object): Promise<CreateOutcome<Evaluation>> {
    const subject = await subjectOf(kind, subjectId);
    const portal = 'portal' in who ? who.portal : undefined;
    const caller = 'portal' in who ? undefined : who;
    let channel: FeedbackChannel = 'miniapp';
    let recordedBy: StaffUser | undefined;
    if (portal) {
      // The portal signed in the person on its side; the case is ours, its rules are ours.
      if (!subject) throw new AppError(kind === 'case' ? 'CASE_NOT_FOUND' : 'COMPLAINT_NOT_FOUND');
      channel = 'portal';
    } else if (request.onBehalf) {
      const user = await currentUser(deps.people, caller!);
      const permission = ASSISTED_CHANNELS[request.onBehalf.channel];
      if (!user.staff?.permissions.includes(permission)) throw new AppError('AUTH_FORBIDDEN', `只有${FEEDBACK_CHANNELS[request.onBehalf.channel]}工作人员可以代为登记评价`);
      if (!subject || (subject.organisationCode !== user.staff.organisationCode && user.staff.level !== 'province')) throw new AppError(kind === 'case' ? 'CASE_NOT_FOUND' : 'COMPLAINT_NOT_FOUND');
      // Only the person themselves may be evaluating, whoever types it in.
      if (!(await subject.isPerson(request.onBehalf))) throw new AppError('EVALUATION_PERSON_NOT_VERIFIED');
      channel = request.onBehalf.channel;
      recordedBy = user as StaffUser;
    } else if (!subject || subject.ownerUserId !== caller!.userId) {
      // Someone else's case is indistinguishable from no case at all.
      throw new AppError(kind === 'case' ? 'CASE_NOT_FOUND' : 'COMPLAINT_NOT_FOUND');
    }
    if (!subject.evaluable) throw new AppError('EVALUATION_NOT_OPEN');

    const at = now().toISOString();
    const tags = [...new Set(request.tags ?? [])];
    const comment = request.comment ? sanitiseComment(request.comment) : '';
    const evaluation: Evaluation = {
      subjectKind: kind,
      subjectId,
      level: request.level,
      levelLabel: EVALUATION_LEVELS[request.level].label,
      dimensions: request.dimensions ?? {},
      tags,
      tagLabels: tags.map(tagLabel),
      ...(comment ? { comment } : {}),
      channel,
      channelLabel: FEEDBACK_CHANNELS[channel],
      at,
    };
    const stored: StoredEvaluation = {
      evaluation,
      organisationCode: subject.organisationCode,
      organisationName: subject.organisationName,
      itemName: subject.itemName,
      ...(subject.implementationCode ? { implementationCode: subject.implementationCode } : {}),
      ...(recordedBy ? { recordedByStaffId: recordedBy.staff.staffId } : portal ? { portal } : { evaluatorUserId: caller!.userId }),
    };
    const items: object[] = [
      {
        Put: {
          TableName,
          Item: { pk: subject.partition, sk: EVALUATION_SK, entity: 'Evaluation', gsi1pk: feedbackPartition(subject.organisationCode), gsi1sk: `EVAL#${at}#${subjectId}`, stored },
          // 一事一评, but no one preempts the person: their own evaluation online (in the app or on the
          // portal) replaces one recorded for them at the window or on the line; nothing replaces theirs.
          ...(recordedBy
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: `attribute_not_exists(pk) OR NOT (#stored.#evaluation.#channel IN (${ONLINE_EVALUATION_CHANNELS.map((_, i) => `:online${i}`).join(', ')}))`,
                ExpressionAttributeNames: { '#stored': 'stored', '#evaluation': 'evaluation', '#channel': 'channel' },
                ExpressionAttributeValues: Object.fromEntries(ONLINE_EVALUATION_CHANNELS.map((channel, i) => [`:online${i}`, channel])),
              }),
        },
      },
      // The invitation three days after completion is no longer needed.
      timerDelete(TableName, subjectId, 'evaluation'),
      // A case's evaluation is reported upward with it.
      ...(kind === 'case' ? [reportPut(TableName, evaluationReport(evaluation, subject))] : []),
    ];
    // Where a bad review's rectification task sits in the transaction.
    const taskIndex = items.length;
    if (isBadReview(request.level)) {
      const calendar = await deps.calendar();
      const task: RectificationTask = {
        subjectKind: kind,
        subjectId,
        partition: subject.partition,
        organisationCode: subject.organisationCode,
        organisationName: subject.organisationName,
        itemName: subject.itemName,
        ...(subject.implementationCode ? { implementationCode: subject.implementationCode } : {}),
        level: request.level,
        tags,
        channel,
        status: 'awaiting_call_back',
        createdAt: at,
        dueAt: dueAfter(calendar, at, config().feedback.rectificationWorkingDays),
        version: 1,
        // Recorded at the window or on the phone: the person who gave it is the one to call back.
        personName: request.onBehalf ? maskPersonName(request.onBehalf.name) : subject.personName,
        ...(request.onBehalf?.mobile ? { sealedContact: await seal(deps.keys, { mobile: request.onBehalf.mobile }) } : {}),
        ...(subject.ownerUserId && channel === 'miniapp' ? { ownerUserId: subject.ownerUserId } : {}),
        callBacks: [],
        history: [{ at, label: `收到${evaluation.levelLabel}（${evaluation.channelLabel}）`, by: recordedBy ? recordedBy.displayName : '评价人' }],
      };
      const { event, timer } = badReviewTimerAndEvent(task, evaluation, subject.ownerUserId);
      items.push(
        { Put: { TableName, Item: { pk: subject.partition, sk: RECTIFICATION_SK, entity: 'Rectification', gsi2pk: rectifyPartition(task.organisationCode), gsi2sk: `${at}#${subjectId}`, task }, ConditionExpression: 'attribute_not_exists(pk)' } },
        outboxPut(TableName, event),
        timerPut(TableName, timer),
      );
    }
    items.push(claim({ partition: subject.partition }));
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (error) {
      const outcome = claimOutcome(error, items.length - 1);
      if (outcome) return outcome;
      const codes = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code) : [];
      if (codes[0] === 'ConditionalCheckFailed') throw new AppError('EVALUATION_ALREADY_GIVEN');
      // The bad review recorded for them earlier already opened the rectification: it goes on.
      if (codes[taskIndex] !== 'ConditionalCheckFailed') throw error;
      await db.send(new TransactWriteCommand({ TransactItems: [...items.slice(0, taskIndex), items[items.length - 1]] as never }));
    }
    logger.info('evaluation recorded', { subjectKind: kind, subjectId, evaluationLevel: request.level, channel });
    return { created: evaluation };
  }

  return {
    /** Once per idempotency key: a retry gets the evaluation its first request recorded, not EVALUATION_ALREADY_GIVEN. */
    evaluate(caller: Caller, kind: 'case' | 'complaint', subjectId: string, once: IdempotentRequest, request: EvaluationRequest): Promise<{ created: boolean; value: Evaluation }> {
      return createOnce<Evaluation, { partition: string }>(once, {
        create: (claim) => record(caller, kind, subjectId, request, claim),
        replay: ({ partition }) => given(partition),
      });
    },
    /** An evaluation of one of our cases collected by the portal; once per portal evaluation id (`once`). */
    evaluateFromPortal(portal: PortalEvaluator['portal'], caseNumber: string, once: IdempotentRequest, request: Omit<EvaluationRequest, 'onBehalf'>): Promise<{ created: boolean; value: Evaluation }> {
      return createOnce<Evaluation, { partition: string }>(once, {
        create: (claim) => record({ portal }, 'case', caseNumber, request, claim),
        replay: ({ partition }) => given(partition),
      });
    },
  };
}
