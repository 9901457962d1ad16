import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  CALL_BACK_METHODS,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATUSES,
  cstDay,
  type RectificationAction,
  type RectificationDetail,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { responseView, type RectificationTask, type StoredEvaluation } from '../cases/feedback-records';
import { EVALUATION_SK, RECTIFICATION_SK } from '../cases/keys';
import { newEventId, outboxPut } from '../notifications/outbox';
import { dueAfter, timerDelete, timerPut } from '../notifications/timers';
import { config } from '../platform/config';
import { unseal } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { queryPage } from '../platform/query-page';
import { APPEALS_PARTITION, casePartitionOf, complaintPartition, rectifyPartition } from './keys';
import { OPEN, badReviewTimerAndEvent, legalActions, taskSummary } from './rectification-task';
import { findSubject, type SubjectSources } from './subject';
import { viewerOf, type Viewer } from './viewer';

export interface RectificationDeps extends SubjectSources {
  people: AuthStore;
  calendar: () => Promise<WorkingCalendar>;
  now?: () => Date;
}

/** The organisation's work on bad reviews: its task list, a task, and the call-back, response, completion and appeal. */
export function rectificationService(deps: RectificationDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();
  const subjectOf = (kind: 'case' | 'complaint', id: string) => findSubject(deps, kind, id);
  const summary = (task: RectificationTask) => taskSummary(task, now());

  async function readPair(partition: string): Promise<{ evaluation?: StoredEvaluation; task?: RectificationTask }> {
    const [evaluation, task] = await Promise.all([
      db.send(new GetCommand({ TableName, Key: { pk: partition, sk: EVALUATION_SK }, ConsistentRead: true })),
      db.send(new GetCommand({ TableName, Key: { pk: partition, sk: RECTIFICATION_SK }, ConsistentRead: true })),
    ]);
    return { evaluation: evaluation.Item?.stored as StoredEvaluation | undefined, task: task.Item?.task as RectificationTask | undefined };
  }

  /** The task, if the staff member may see it: their organisation's, or any for provincial staff (read-only). */
  async function visibleTask(user: Viewer, subjectId: string): Promise<{ task: RectificationTask; evaluation: StoredEvaluation }> {
    const partition = subjectId.startsWith('TS') ? complaintPartition(subjectId) : casePartitionOf(subjectId);
    const { task, evaluation } = await readPair(partition);
    if (!task || !evaluation) throw new AppError('RECTIFICATION_NOT_FOUND');
    if (task.organisationCode !== user.organisationCode && !user.province) throw new AppError('RECTIFICATION_NOT_FOUND');
    return { task, evaluation };
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

  return {
    /** The organisation's tasks, newest first; open ones only by default. Provincial admins see the appeals queue. */
    async list(caller: Caller, query: { limit?: number; cursor?: string; status?: 'open' | 'all' | 'appealed'; organisation?: string }) {
      const user = await viewerOf(deps.people, caller);
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
      const user = await viewerOf(deps.people, caller);
      const { task, evaluation } = await visibleTask(user, subjectId);
      logger.info('rectification opened', { subjectId, staffId: user.staffId ?? 'provincial-admin' });
      return detailOf(user, task, evaluation);
    },

    /** Call-back, response, completion, appeal decision: each only when legal, at the version seen. */
    async act(caller: Caller, subjectId: string, action: RectificationAction): Promise<RectificationDetail> {
      const user = await viewerOf(deps.people, caller);
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
  };
}
