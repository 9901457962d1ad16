import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ASSISTED_CHANNELS, FEEDBACK_CHANNELS, newCaseNumber, type FeedbackChannel, type OnBehalf } from '@ah-tourism/shared';
import type { UserRecord } from '../auth/store';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { queryPage } from '../platform/query-page';

/*
 * What consultations, complaints and evaluations share: the staff member acting, the channel feedback came
 * in by, feedback numbers, index pages of records and transaction cancellation codes.
 */

import type { StaffUser } from '../staff/service';
export type { StaffUser };

/**
 * The channel a piece of feedback came in by. Only staff holding the channel's permission (hall window,
 * 12301 hotline) may record feedback on someone's behalf; anyone else asking to is refused.
 */
export function channelFor(user: UserRecord, onBehalf: OnBehalf | undefined): FeedbackChannel {
  if (!onBehalf) return 'miniapp';
  if (!user.staff || !user.staff.permissions.includes(ASSISTED_CHANNELS[onBehalf.channel])) {
    throw new AppError('AUTH_FORBIDDEN', `只有${FEEDBACK_CHANNELS[onBehalf.channel]}的工作人员可以代为登记`);
  }
  return onBehalf.channel;
}

/**
 * Handling feedback (accepting, mediating, refusing and closing complaints; answering consultations and
 * publishing them as FAQ) is the service desk's work: hall window or 12301 staff of the organisation.
 * Other staff of it (pre-review, review, decision, delivery) may read the queue but not act on it.
 */
export function requireFeedbackDesk(user: StaffUser, what: string): void {
  if (!user.staff.permissions.some((p) => p === ASSISTED_CHANNELS.hall_window || p === ASSISTED_CHANNELS.hotline_12301)) {
    throw new AppError('AUTH_FORBIDDEN', `只有大厅窗口或12301话务工作人员可以${what}`);
  }
}

/** An ISO time as a key part that sorts newest first in an ascending index. */
export const newestFirst = (iso: string) => String(9_999_999_999_999 - Date.parse(iso)).padStart(13, '0');

/** A feedback number: a prefix, the CST day, a region code and 8 random characters (see case-number.ts). */
export const feedbackNumber = (prefix: 'ZX' | 'TS', at: string, regionCode: string) => `${prefix}${newCaseNumber(at, regionCode, randomBytes(5))}`;

export interface IndexPageQuery {
  index: 'GSI1' | 'GSI2';
  partition: string;
  /** Restricts the sort key (e.g. one status group, or one kind of record in a user's partition). */
  prefix?: string;
  descending?: boolean;
  /** Only records whose `record.status` is this (a FilterExpression: the page keeps reading until full). */
  status?: string;
  limit: number;
  cursor?: string;
}

/** One page of `record` attributes from an index partition, with an opaque cursor checked against it. */
export async function queryIndexPage<T>(query: IndexPageQuery): Promise<{ items: T[]; nextCursor: string | null }> {
  const [pkName, skName] = query.index === 'GSI1' ? ['gsi1pk', 'gsi1sk'] : ['gsi2pk', 'gsi2sk'];
  const page = await queryPage<{ record: T }>(
    {
      TableName: config().tableName,
      IndexName: query.index,
      KeyConditionExpression: `#pk = :pk${query.prefix ? ' AND begins_with(#sk, :prefix)' : ''}`,
      ...(query.status ? { FilterExpression: '#record.#status = :status' } : {}),
      ExpressionAttributeNames: { '#pk': pkName, ...(query.prefix ? { '#sk': skName } : {}), ...(query.status ? { '#record': 'record', '#status': 'status' } : {}) },
      ExpressionAttributeValues: { ':pk': query.partition, ...(query.prefix ? { ':prefix': query.prefix } : {}), ...(query.status ? { ':status': query.status } : {}) },
      ScanIndexForward: !query.descending,
    },
    { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}), keyNames: ['pk', 'sk', pkName, skName], partition: { name: pkName, value: query.partition } },
  );
  return { items: page.items.map((row) => row.record), nextCursor: page.nextCursor };
}

export const cancellationCodes = (error: unknown): (string | undefined)[] | undefined =>
  error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((reason) => reason.Code) : undefined;
