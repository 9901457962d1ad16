import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  ASSISTED_CHANNELS,
  CALL_BACK_METHODS,
  EVALUATION_LEVELS,
  FEEDBACK_CHANNELS,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATUSES,
  cstDay,
  isBadReview,
  sanitiseComment,
  tagLabel,
  type Applicant,
  type CallBackMethod,
  type CaseStatus,
  type Evaluation,
  type EvaluationRequest,
  type EvaluationState,
  type FeedbackStats,
  type FeedbackChannel,
  type NotificationEvent,
  type RectificationAction,
  type RectificationDetail,
  type RectificationOutcome,
  type RectificationStatus,
  type RectificationSummary,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import { authStore, type AuthStore, type UserRecord } from '../auth/store';
import type { CaseStore } from '../cases/store';
import type { StoredCase } from '../cases/records';
import { caseStore } from '../cases/wiring';
import { newEventId, outboxPut } from '../notifications/outbox';
import { dueAfter, timerDelete, timerPut } from '../notifications/timers';
import type { Caller } from '../platform/caller';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { seal, unseal, type KeyProvider } from '../platform/crypto';
import { maskPersonName } from '../platform/masking';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { dataKeys } from '../platform/keys';
import { logger } from '../platform/logger';
import { queryAll, queryPage } from '../platform/query-page';
import { currentUser } from '../staff/service';
import { complaintSubject } from './complaint-subject';
import { EVALUATION_SK, RECTIFICATION_SK } from '../cases/keys';
import { APPEALS_PARTITION, casePartitionOf, complaintPartition, feedbackPartition, rectifyPartition } from './keys';
import type { FeedbackSubject } from './subject';
import { caseEvaluable, evaluationState, responseView, type RectificationTask, type StoredEvaluation } from '../cases/feedback-records';
import { aggregateFeedback, statsPeriod } from './stats';

type Staff = UserRecord & { staff: NonNullable<UserRecord['staff']> };

/** Who looks at tasks: staff of an organisation, or a provincial administrator (who decides appeals). */
interface Viewer {
  displayName: string;
  /** The viewer's own organisation (none for a provincial admin without a staff binding). */
  organisationCode?: string;
  staffId?: string;
  /** Provincial staff and provincial admins see every organisation, read-only. */
  province: boolean;
  admin: boolean;
}

export interface FeedbackDeps {
  cases: CaseStore;
  people: AuthStore;
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  complaint: (complaintNumber: string) => Promise<FeedbackSubject | undefined>;
  now?: () => Date;
}

export function defaultFeedbackDeps(): FeedbackDeps {
  return { cases: caseStore(), people: authStore(), keys: dataKeys(), calendar: workingCalendarNow, complaint: complaintSubject };
}

/** A case as something to evaluate. */
export function caseSubject(stored: StoredCase, keys: KeyProvider, fromAcceptance = config().feedback.evaluateFromAcceptance): FeedbackSubject {
  const { record } = stored;
  return {
    kind: 'case',
    id: record.caseNumber,
    partition: casePartitionOf(record.caseNumber),
    organisationCode: record.organisationCode,
    organisationName: record.organisationName,
    itemName: record.itemName,
    implementationCode: record.implementationCode,
    ownerUserId: record.submitterUserId,
    personName: record.applicantDisplayName,
    evaluable: caseEvaluable(record.status, fromAcceptance),
    async contact() {
      const applicant = await unseal<Applicant>(keys, stored.application.sealedApplicant);
      const mobile = applicant.agent?.mobile ?? (applicant.kind === 'person' ? applicant.person.mobile : undefined);
      return mobile ? { mobile } : {};
    },
  };
}

const OPEN: readonly RectificationStatus[] = ['awaiting_call_back', 'awaiting_response'];

function legalActions(task: RectificationTask, user: Viewer): RectificationDetail['actions'] {
  const own = user.organisationCode === task.organisationCode;
  const actions: RectificationDetail['actions'] = [];
  if (own && OPEN.includes(task.status)) actions.push('call_back');
  if (own && task.status === 'awaiting_response') actions.push('respond');
  if (own && task.status === 'rectifying') actions.push('complete');
  if (user.admin && task.status === 'appealed') actions.push('decide_appeal');
  return actions;
}

export function feedbackService(deps: FeedbackDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();

  async function subjectOf(kind: 'case' | 'complaint', id: string): Promise<FeedbackSubject | undefined> {
    if (kind === 'complaint') return deps.complaint(id);
    const stored = await deps.cases.getCase(id);
    return stored ? caseSubject(stored, deps.keys) : undefined;
  }

  async function readPair(partition: string): Promise<{ evaluation?: StoredEvaluation; task?: RectificationTask }> {
    const [evaluation, task] = await Promise.all([
      db.send(new GetCommand({ TableName, Key: { pk: partition, sk: EVALUATION_SK }, ConsistentRead: true })),
      db.send(new GetCommand({ TableName, Key: { pk: partition, sk: RECTIFICATION_SK }, ConsistentRead: true })),
    ]);
    return { evaluation: evaluation.Item?.stored as StoredEvaluation | undefined, task: task.Item?.task as RectificationTask | undefined };
  }

  async function viewerOf(caller: Caller): Promise<Viewer> {
    const user = await currentUser(deps.people, caller);
    if (!user.staff && !user.provincialAdmin) throw new AppError('AUTH_FORBIDDEN');
    return {
      displayName: user.displayName,
      ...(user.staff ? { organisationCode: user.staff.organisationCode, staffId: user.staff.staffId } : {}),
      province: !!user.provincialAdmin || user.staff?.level === 'province',
      admin: !!user.provincialAdmin,
    };
  }

  /** The task, if the staff member may see it: their organisation's, or any for provincial staff (read-only). */
  async function visibleTask(user: Viewer, subjectId: string): Promise<{ task: RectificationTask; evaluation: StoredEvaluation }> {
    const partition = subjectId.startsWith('TS') ? complaintPartition(subjectId) : casePartitionOf(subjectId);
    const { task, evaluation } = await readPair(partition);
    if (!task || !evaluation) throw new AppError('RECTIFICATION_NOT_FOUND');
    if (task.organisationCode !== user.organisationCode && !user.province) throw new AppError('RECTIFICATION_NOT_FOUND');
    return { task, evaluation };
  }

  function summary(task: RectificationTask): RectificationSummary {
    return {
      subjectId: task.subjectId,
      subjectKind: task.subjectKind,
      itemName: task.itemName,
      organisationCode: task.organisationCode,
      organisationName: task.organisationName,
      level: task.level,
      levelLabel: EVALUATION_LEVELS[task.level].label,
      tagLabels: task.tags.map(tagLabel),
      channel: task.channel,
      status: task.status,
      statusLabel: RECTIFICATION_STATUSES[task.status].label,
      createdAt: task.createdAt,
      dueAt: task.dueAt,
      overdue: OPEN.includes(task.status) && now().toISOString() > task.dueAt,
      calledBack: task.callBacks.length > 0,
      version: task.version,
    };
  }

  async function detailOf(user: Viewer, task: RectificationTask, evaluation: StoredEvaluation): Promise<RectificationDetail> {
    const own = user.organisationCode === task.organisationCode;
    // The mobile is for the call-back: only the responsible organisation decrypts it.
    let mobile: string | undefined;
    if (own && OPEN.includes(task.status)) {
      if (task.sealedContact) {
        mobile = (await unseal<{ mobile?: string }>(deps.keys, task.sealedContact)).mobile;
      } else if (task.channel === 'miniapp') {
        const subject = await subjectOf(task.subjectKind, task.subjectId);
        mobile = subject ? (await subject.contact()).mobile : undefined;
      }
    }
    return {
      ...summary(task),
      evaluation: evaluation.evaluation,
      evaluatorName: task.personName,
      ...(mobile ? { evaluatorMobile: mobile } : {}),
      callBacks: task.callBacks.map((c) => ({ ...c, methodLabel: CALL_BACK_METHODS[c.method] })),
      ...(task.response ? { response: responseView(task) } : {}),
      ...(task.appeal ? { appeal: task.appeal } : {}),
      history: task.history,
      actions: legalActions(task, user),
    };
  }

  function badReviewTimerAndEvent(task: RectificationTask, evaluation: Evaluation, ownerUserId: string | undefined) {
    const base = {
      caseNumber: task.subjectId,
      itemName: task.itemName,
      organisationCode: task.organisationCode,
      applicantUserId: ownerUserId ?? '',
      applicantDisplayName: task.personName,
    };
    const event: NotificationEvent = {
      ...base,
      eventId: newEventId(),
      type: 'bad_review',
      occurredAt: evaluation.at,
      detail: { grade: evaluation.levelLabel, comment: evaluation.comment ?? evaluation.tagLabels.join('、'), dueAt: task.dueAt },
    };
    const overdue = { caseNumber: task.subjectId, kind: 'rectification' as const, fireAt: task.dueAt, event: { ...base, type: 'rectification_overdue' as const, detail: { dueAt: task.dueAt, grade: evaluation.levelLabel } } };
    return { event, timer: overdue };
  }

  return {
    /**
     * 一事一评: one evaluation per case (or complaint), by its applicant online or recorded by hall/12301
     * staff on their behalf. A bad review opens a rectification task with its deadline in the same
     * transaction; the pending invitation is withdrawn.
     */
    async evaluate(caller: Caller, kind: 'case' | 'complaint', subjectId: string, request: EvaluationRequest): Promise<Evaluation> {
      const subject = await subjectOf(kind, subjectId);
      let channel: FeedbackChannel = 'miniapp';
      let recordedBy: Staff | undefined;
      if (request.onBehalf) {
        const user = await currentUser(deps.people, caller);
        const permission = ASSISTED_CHANNELS[request.onBehalf.channel];
        if (!user.staff?.permissions.includes(permission)) throw new AppError('AUTH_FORBIDDEN', `只有${FEEDBACK_CHANNELS[request.onBehalf.channel]}工作人员可以代为登记评价`);
        if (!subject || (subject.organisationCode !== user.staff.organisationCode && user.staff.level !== 'province')) throw new AppError(kind === 'case' ? 'CASE_NOT_FOUND' : 'COMPLAINT_NOT_FOUND');
        channel = request.onBehalf.channel;
        recordedBy = user as Staff;
      } else if (!subject || subject.ownerUserId !== caller.userId) {
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
        ...(recordedBy ? { recordedByStaffId: recordedBy.staff.staffId } : { evaluatorUserId: caller.userId }),
      };
      const items: object[] = [
        {
          Put: {
            TableName,
            Item: { pk: subject.partition, sk: EVALUATION_SK, entity: 'Evaluation', gsi1pk: feedbackPartition(subject.organisationCode), gsi1sk: `EVAL#${at}#${subjectId}`, stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // The invitation three days after completion is no longer needed.
        timerDelete(TableName, subjectId, 'evaluation'),
      ];
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
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items as never }));
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw new AppError('EVALUATION_ALREADY_GIVEN');
        throw error;
      }
      logger.info('evaluation recorded', { subjectKind: kind, subjectId, level: request.level, channel });
      return evaluation;
    },

    /** For the applicant's own case page. */
    async stateFor(viewerUserId: string, subject: FeedbackSubject): Promise<EvaluationState> {
      const { evaluation, task } = await readPair(subject.partition);
      return evaluationState(subject, viewerUserId, evaluation, task);
    },

    /** The organisation's tasks, newest first; open ones only by default. Provincial admins see the appeals queue. */
    async list(caller: Caller, query: { limit?: number; cursor?: string; status?: 'open' | 'all' | 'appealed'; organisation?: string }) {
      const user = await viewerOf(caller);
      const limit = query.limit ?? 20;
      if (query.status === 'appealed') {
        if (!user.admin) throw new AppError('AUTH_FORBIDDEN', '申诉复核由省级管理员办理');
        const page = await queryPage<{ task: RectificationTask }>(
          { TableName, IndexName: 'GSI1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': APPEALS_PARTITION } },
          { limit, cursor: query.cursor, keyNames: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], partition: { name: 'gsi1pk', value: APPEALS_PARTITION } },
        );
        return { items: page.items.map((item) => summary(item.task)), nextCursor: page.nextCursor };
      }
      const organisation = query.organisation ?? user.organisationCode;
      if (!organisation || (organisation !== user.organisationCode && !user.province)) throw new AppError('AUTH_FORBIDDEN');
      const partition = rectifyPartition(organisation);
      const open = (query.status ?? 'open') === 'open';
      const page = await queryPage<{ task: RectificationTask }>(
        {
          TableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ScanIndexForward: false,
          ...(open
            ? { FilterExpression: '#task.#status IN (:a, :b)', ExpressionAttributeNames: { '#task': 'task', '#status': 'status' }, ExpressionAttributeValues: { ':pk': partition, ':a': OPEN[0], ':b': OPEN[1] } }
            : { ExpressionAttributeValues: { ':pk': partition } }),
        },
        { limit, cursor: query.cursor, keyNames: ['pk', 'sk', 'gsi2pk', 'gsi2sk'], partition: { name: 'gsi2pk', value: partition } },
      );
      return { items: page.items.map((item) => summary(item.task)), nextCursor: page.nextCursor };
    },

    async detail(caller: Caller, subjectId: string): Promise<RectificationDetail> {
      const user = await viewerOf(caller);
      const { task, evaluation } = await visibleTask(user, subjectId);
      logger.info('rectification opened', { subjectId, staffId: user.staffId ?? 'provincial-admin' });
      return detailOf(user, task, evaluation);
    },

    /** Call-back, response, completion, appeal decision: each only when legal, at the version seen. */
    async act(caller: Caller, subjectId: string, action: RectificationAction): Promise<RectificationDetail> {
      const user = await viewerOf(caller);
      const { task, evaluation } = await visibleTask(user, subjectId);
      if (action.version !== task.version) throw new AppError('FEEDBACK_VERSION_CONFLICT');
      if (!legalActions(task, user).includes(action.action)) {
        if (action.action === 'decide_appeal' && !user.admin) throw new AppError('AUTH_FORBIDDEN', '申诉复核由省级管理员办理');
        if (task.organisationCode !== user.organisationCode && action.action !== 'decide_appeal') throw new AppError('AUTH_FORBIDDEN', '只有被评价单位可以处理该差评');
        throw new AppError('RECTIFICATION_ACTION_NOT_ALLOWED', `整改任务当前为“${RECTIFICATION_STATUSES[task.status].label}”，不能执行该操作`);
      }
      const at = now().toISOString();
      const by = user.displayName;
      const next: RectificationTask = { ...task, version: task.version + 1, history: [...task.history] };
      const extra: object[] = [];
      let voided = false;
      let reopened = false;
      switch (action.action) {
        case 'call_back':
          next.callBacks = [...task.callBacks, { at, method: action.method, reached: action.reached, note: action.note, by }];
          next.status = 'awaiting_response';
          next.history.push({ at, label: `${CALL_BACK_METHODS[action.method]}（${action.reached ? '已联系上' : '未联系上'}）`, by, note: action.note });
          break;
        case 'respond': {
          if (action.outcome === 'by_date') {
            if (!action.rectifyBy) throw new AppError('COMMON_VALIDATION_FAILED', '请填写整改期限', [{ path: 'rectifyBy', message: '限期整改须写明整改完成日期' }]);
            if (action.rectifyBy < cstDay(at)) throw new AppError('COMMON_VALIDATION_FAILED', '整改期限不能早于今天', [{ path: 'rectifyBy', message: '整改期限不能早于今天' }]);
          }
          if (action.outcome === 'appeal' && task.appeal) throw new AppError('RECTIFICATION_ACTION_NOT_ALLOWED', '该差评已申诉复核过，不能再次申诉');
          next.response = { outcome: action.outcome, response: action.response, at, by, ...(action.outcome === 'by_date' ? { rectifyBy: action.rectifyBy } : {}) };
          next.status = action.outcome === 'by_date' ? 'rectifying' : action.outcome === 'appeal' ? 'appealed' : 'resolved';
          if (action.outcome === 'appeal') next.appeal = { reason: action.response, at };
          next.history.push({ at, label: RECTIFICATION_OUTCOMES[action.outcome] + (action.rectifyBy && action.outcome === 'by_date' ? `（${action.rectifyBy}前完成）` : ''), by, note: action.response });
          break;
        }
        case 'complete':
          next.response = { ...task.response!, completedAt: at, completionNote: action.note };
          next.status = 'resolved';
          next.history.push({ at, label: '整改完成', by, note: action.note });
          break;
        case 'decide_appeal':
          next.appeal = { ...task.appeal!, decision: action.decision, note: action.note, decidedAt: at };
          voided = action.decision === 'upheld';
          reopened = !voided;
          next.status = voided ? 'appeal_upheld' : 'awaiting_response';
          if (reopened) {
            delete next.response;
            next.dueAt = dueAfter(await deps.calendar(), at, config().feedback.rectificationWorkingDays);
          }
          next.history.push({ at, label: voided ? '申诉成立，该差评不计入统计' : '申诉不成立，请继续整改', by, note: action.note });
          break;
      }
      // The overdue reminder runs only while the task waits for the organisation.
      if (OPEN.includes(next.status)) {
        if (reopened) {
          const { timer } = badReviewTimerAndEvent(next, evaluation.evaluation, undefined);
          extra.push(timerPut(TableName, timer));
        }
      } else {
        extra.push(timerDelete(TableName, subjectId, 'rectification'));
      }
      if (voided) {
        extra.push({ Update: { TableName, Key: { pk: task.partition, sk: EVALUATION_SK }, UpdateExpression: 'SET #stored.voided = :yes', ExpressionAttributeNames: { '#stored': 'stored' }, ExpressionAttributeValues: { ':yes': true } } });
      }
      // The evaluator hears the answer (an online evaluator with an account; not the organisation's appeal).
      const owner = task.ownerUserId;
      if (owner && action.action === 'respond' && action.outcome !== 'appeal') {
        const page = task.subjectKind === 'case' ? `pages/cases/detail/index?caseNumber=${subjectId}` : `pages/feedback/complaint-detail/index?complaintNumber=${subjectId}`;
        extra.push(
          outboxPut(TableName, {
            eventId: newEventId(),
            type: 'review_answered',
            occurredAt: at,
            caseNumber: subjectId,
            itemName: task.itemName,
            organisationCode: task.organisationCode,
            applicantUserId: owner,
            applicantDisplayName: task.personName,
            detail: { outcome: RECTIFICATION_OUTCOMES[action.outcome], response: action.response, organisationName: task.organisationName, page },
          }),
        );
      }
      const appealIndex = next.status === 'appealed' ? { gsi1pk: APPEALS_PARTITION, gsi1sk: `${at}#${subjectId}` } : {};
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName,
                  Item: { pk: task.partition, sk: RECTIFICATION_SK, entity: 'Rectification', gsi2pk: rectifyPartition(task.organisationCode), gsi2sk: `${task.createdAt}#${subjectId}`, ...appealIndex, task: next },
                  ConditionExpression: '#task.version = :version',
                  ExpressionAttributeNames: { '#task': 'task' },
                  ExpressionAttributeValues: { ':version': task.version },
                },
              },
              ...extra,
            ] as never,
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw new AppError('FEEDBACK_VERSION_CONFLICT');
        throw error;
      }
      logger.info('rectification action', { subjectId, action: action.action, status: next.status });
      return detailOf(user, next, voided ? { ...evaluation, voided: true } : evaluation);
    },

    /**
     * Pain points and praise points of an organisation (own; provincial staff any) over a period, optionally
     * one item. Reads the organisation's evaluations and tasks of the period (two Queries over the period's keys).
     */
    async stats(caller: Caller, query: { organisation?: string; item?: string; from?: string; to?: string }): Promise<FeedbackStats> {
      const user = await viewerOf(caller);
      const organisationCode = query.organisation ?? user.organisationCode;
      if (!organisationCode || (organisationCode !== user.organisationCode && !user.province)) throw new AppError('AUTH_FORBIDDEN', '请选择要查看的单位');
      const organisation = await deps.people.organisation(organisationCode);
      if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND');
      const period = statsPeriod(query, now());
      if (period.from > period.to) throw new AppError('COMMON_VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ path: 'from', message: '开始日期不能晚于结束日期' }]);
      const itemFilter = query.item ? { FilterExpression: '#s.implementationCode = :item', ExpressionAttributeNames: { '#s': 'stored' } } : {};
      const [evaluations, tasks] = await Promise.all([
        queryAll<{ stored: StoredEvaluation }>({
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ...itemFilter,
          ExpressionAttributeValues: { ':pk': feedbackPartition(organisationCode), ':from': `EVAL#${period.fromInstant}`, ':to': `EVAL#${period.toInstant}`, ...(query.item ? { ':item': query.item } : {}) },
        }),
        queryAll<{ task: RectificationTask }>({
          TableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
          ...(query.item ? { FilterExpression: '#t.implementationCode = :item', ExpressionAttributeNames: { '#t': 'task' } } : {}),
          ExpressionAttributeValues: { ':pk': rectifyPartition(organisationCode), ':from': period.fromInstant, ':to': `${period.toInstant}\uffff`, ...(query.item ? { ':item': query.item } : {}) },
        }),
      ]);
      return aggregateFeedback(
        { organisationCode, organisationName: organisation.name, from: period.from, to: period.to },
        evaluations.map((e) => e.stored),
        tasks.map((t) => t.task),
        now(),
      );
    },

    subjectOf,
  };
}

export type FeedbackService = ReturnType<typeof feedbackService>;
