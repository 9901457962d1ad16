import type { FeedbackStats } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { queryAll } from '../platform/query-page';
import { feedbackPartition, rectifyPartition } from './keys';
import { aggregateFeedback, statsPeriod } from './stats';
import { viewerOf } from './viewer';

export function feedbackStatsService(deps: { people: AuthStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const { tableName: TableName } = config();

  return {
    /**
     * Pain points and praise points of an organisation (own; provincial staff any) over a period, optionally
     * one item. Reads the organisation's evaluations and tasks of the period (two Queries over the period's keys).
     */
    async stats(caller: Caller, query: { organisation?: string; item?: string; from?: string; to?: string }): Promise<FeedbackStats> {
      const user = await viewerOf(deps.people, caller);
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
  };
}
