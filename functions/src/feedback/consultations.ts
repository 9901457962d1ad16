import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  CONSULTATION_STATUSES,
  FEEDBACK_CHANNELS,
  sanitiseComment,
  type Consultation,
  type ConsultationRequest,
  type ConsultationStatus,
  type FaqEntry,
  type FeedbackChannel,
  type ImplementationItem,
  type NotificationEvent,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import type { CatalogStore } from '../catalog/store';
import { newEventId, outboxPut } from '../notifications/outbox';
import { dueAfter, reminderTimers, timerDelete, timerPut } from '../notifications/timers';
import { config } from '../platform/config';
import { seal, type KeyProvider, type Sealed } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { currentUser } from '../staff/service';
import { cancellationCodes, channelFor, feedbackNumber, newestFirst, queryIndexPage, requireFeedbackDesk, type StaffUser } from './common';
import { consultationPartition, consultationsPartition, faqPartition } from './keys';

export interface ConsultationRecord {
  consultationId: string;
  implementationCode: string;
  itemName: string;
  organisationCode: string;
  organisationName: string;
  question: string;
  /** Masked name of the person asking (张*). */
  askerName: string;
  /** Their name and mobile, envelope-encrypted (for a call back). */
  sealedAsker: Sealed;
  /** The account that asked; none when staff recorded the consultation for a caller. */
  askerUserId?: string;
  /** The staff account that recorded it on someone's behalf. */
  recordedBy?: string;
  channel: FeedbackChannel;
  status: ConsultationStatus;
  askedAt: string;
  dueAt: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
  answeredByUserId?: string;
  /** When it was published to the item's FAQ (the FAQ entry's sort key keeps this time). */
  faqPublishedAt?: string;
  version: number;
}

export const consultationKey = (consultationId: string) => ({ pk: consultationPartition(consultationId), sk: 'META' });
const faqKey = (implementationCode: string, publishedAt: string, consultationId: string) => ({ pk: faqPartition(implementationCode), sk: `${publishedAt}#${consultationId}` });

/**
 * Index entries of a consultation: the asker's list (GSI1 USER#<id> / CONSULT#<askedAt>#<id>, when an
 * account asked) and the organisation's queue (GSI2 CONSULTS#<org>): open ones first, soonest due first,
 * then answered ones, most recently answered first.
 */
export function consultationIndexKeys(record: ConsultationRecord) {
  const queueKey = record.status === 'open' ? `0#${record.dueAt}` : `1#${newestFirst(record.answeredAt ?? record.askedAt)}`;
  return {
    ...(record.askerUserId ? { gsi1pk: `USER#${record.askerUserId}`, gsi1sk: `CONSULT#${record.askedAt}#${record.consultationId}` } : {}),
    gsi2pk: consultationsPartition(record.organisationCode),
    gsi2sk: `${queueKey}#${record.consultationId}`,
  };
}

/** The sort-key prefix of one status in the organisation's queue. */
export const queuePrefix = (status: ConsultationStatus) => (status === 'open' ? '0#' : '1#');

export function consultationView(record: ConsultationRecord, now: Date): Consultation {
  return {
    consultationId: record.consultationId,
    implementationCode: record.implementationCode,
    itemName: record.itemName,
    organisationName: record.organisationName,
    question: record.question,
    askerName: record.askerName,
    channel: record.channel,
    channelLabel: FEEDBACK_CHANNELS[record.channel],
    status: record.status,
    statusLabel: CONSULTATION_STATUSES[record.status],
    askedAt: record.askedAt,
    dueAt: record.dueAt,
    overdue: record.status === 'open' && now.toISOString() > record.dueAt,
    ...(record.answer !== undefined ? { answer: record.answer } : {}),
    ...(record.answeredAt ? { answeredAt: record.answeredAt } : {}),
    ...(record.answeredBy ? { answeredBy: record.answeredBy } : {}),
    inFaq: record.faqPublishedAt !== undefined,
    version: record.version,
  };
}

export interface ConsultationDeps {
  people: Pick<AuthStore, 'user'>;
  catalog: Pick<CatalogStore, 'getGuide'>;
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  workingDays: number;
  now?: () => Date;
}

export function consultationService(deps: ConsultationDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();

  async function staffOf(caller: Caller): Promise<StaffUser> {
    const user = await currentUser(deps.people as AuthStore, caller);
    if (!user.staff) throw new AppError('AUTH_FORBIDDEN');
    return user as StaffUser;
  }

  async function load(consultationId: string): Promise<ConsultationRecord | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName, Key: consultationKey(consultationId), ConsistentRead: true }));
    return Item?.record as ConsultationRecord | undefined;
  }

  /** A consultation of the caller's own organisation; any other gets the same 404 as a missing one. */
  async function ownConsultation(user: StaffUser, consultationId: string): Promise<ConsultationRecord> {
    const record = await load(consultationId);
    if (!record || record.organisationCode !== user.staff.organisationCode) throw new AppError('CONSULTATION_NOT_FOUND');
    return record;
  }

  const recordPut = (record: ConsultationRecord, expectedVersion?: number) => ({
    Put: {
      TableName,
      Item: { ...consultationKey(record.consultationId), entity: 'Consultation', ...consultationIndexKeys(record), record },
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#record.version = :version', ExpressionAttributeNames: { '#record': 'record' }, ExpressionAttributeValues: { ':version': expectedVersion } }),
    },
  });

  const notice = (record: ConsultationRecord, type: NotificationEvent['type'], occurredAt: string, detail?: Record<string, string>): NotificationEvent => ({
    eventId: newEventId(),
    type,
    occurredAt,
    caseNumber: record.consultationId,
    itemName: record.itemName,
    organisationCode: record.organisationCode,
    applicantUserId: record.askerUserId ?? '',
    applicantDisplayName: record.askerName,
    ...(detail ? { detail } : {}),
  });

  /** Writes a changed consultation if it is still at the version read; otherwise someone else got there first. */
  /** The answer deadline's reminders (near due, overdue) for the organisation's hall staff, like a case's. */
  const answerReminders = (record: ConsultationRecord) =>
    reminderTimers(
      { caseNumber: record.consultationId, itemName: record.itemName, organisationCode: record.organisationCode, applicantUserId: record.askerUserId ?? '', applicantDisplayName: record.askerName },
      record.dueAt,
      { label: '咨询答复', permission: 'hall_window', subject: '咨询', page: 'pages/staff/consultations/index' },
    ).map((timer) => timerPut(TableName, timer));

  async function update(before: ConsultationRecord, after: ConsultationRecord, extra: object[]): Promise<void> {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: [recordPut(after, before.version), ...extra] as never }));
    } catch (error) {
      if (cancellationCodes(error)?.includes('ConditionalCheckFailed')) throw new AppError('FEEDBACK_VERSION_CONFLICT', '该咨询已被他人处理，请刷新后再办理');
      throw error;
    }
  }

  return {
    /** A question about an item, routed to the item's implementing organisation with an answer deadline. */
    async ask(caller: Caller, request: ConsultationRequest): Promise<Consultation> {
      const user = await currentUser(deps.people as AuthStore, caller);
      const channel = channelFor(user, request.onBehalf);
      const item: ImplementationItem | undefined = await deps.catalog.getGuide(request.implementationCode);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      const askedAt = now().toISOString();
      const person = request.onBehalf ? { name: request.onBehalf.name, ...(request.onBehalf.mobile ? { mobile: request.onBehalf.mobile } : {}) } : { name: user.displayName };
      const base = {
        implementationCode: item.implementationCode,
        itemName: item.name,
        organisationCode: item.organisation.creditCode,
        organisationName: item.organisation.name,
        question: request.question,
        askerName: maskPersonName(person.name),
        sealedAsker: await seal(deps.keys, person),
        ...(request.onBehalf ? { recordedBy: caller.userId } : { askerUserId: caller.userId }),
        channel,
        status: 'open' as const,
        askedAt,
        dueAt: dueAfter(await deps.calendar(), askedAt, deps.workingDays),
        version: 1,
      };
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const record: ConsultationRecord = { ...base, consultationId: feedbackNumber('ZX', askedAt, item.regionCode) };
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [recordPut(record), outboxPut(TableName, notice(record, 'consultation_received', askedAt, { dueAt: record.dueAt })), ...answerReminders(record)] as never,
            }),
          );
        } catch (error) {
          if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') continue;
          throw error;
        }
        logger.info('consultation received', { consultationId: record.consultationId, channel });
        return consultationView(record, now());
      }
      throw new Error('Could not draw an unused consultation number');
    },

    async listMine(caller: Caller, query: { limit?: number; cursor?: string; status?: ConsultationStatus }) {
      const page = await queryIndexPage<ConsultationRecord>({
        index: 'GSI1',
        partition: `USER#${caller.userId}`,
        prefix: 'CONSULT#',
        descending: true,
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit ?? 20,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { items: page.items.map((record) => consultationView(record, now())), nextCursor: page.nextCursor };
    },

    /** The organisation's queue: open consultations soonest due first, then answered ones. */
    async listForStaff(caller: Caller, query: { limit?: number; cursor?: string; status?: ConsultationStatus }) {
      const user = await staffOf(caller);
      const page = await queryIndexPage<ConsultationRecord>({
        index: 'GSI2',
        partition: consultationsPartition(user.staff.organisationCode),
        ...(query.status ? { prefix: queuePrefix(query.status) } : {}),
        limit: query.limit ?? 20,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { items: page.items.map((record) => consultationView(record, now())), nextCursor: page.nextCursor };
    },

    /** The answer, once: whoever answers an older view hears that someone else answered first. */
    async answer(caller: Caller, consultationId: string, request: { version: number; answer: string }): Promise<Consultation> {
      const user = await staffOf(caller);
      requireFeedbackDesk(user, '答复咨询');
      const record = await ownConsultation(user, consultationId);
      if (record.status !== 'open' || record.version !== request.version) throw new AppError('FEEDBACK_VERSION_CONFLICT', '该咨询已被他人答复，请刷新后查看');
      const answeredAt = now().toISOString();
      const next: ConsultationRecord = { ...record, status: 'answered', answer: request.answer, answeredAt, answeredBy: user.displayName, answeredByUserId: user.userId, version: record.version + 1 };
      // The asker hears of the answer in 消息; a caller recorded by the hotline has no account to tell.
      const events = record.askerUserId ? [outboxPut(TableName, notice(next, 'consultation_answered', answeredAt))] : [];
      // Answered: the reminders of the answer deadline go.
      await update(record, next, [...events, timerDelete(TableName, consultationId, 'deadline')]);
      logger.info('consultation answered', { consultationId });
      return consultationView(next, now());
    },

    /** Publishes an answered consultation (edited if need be) as a frequently asked question of its item. */
    async promote(caller: Caller, consultationId: string, request: { question?: string; answer?: string }): Promise<Consultation> {
      const user = await staffOf(caller);
      requireFeedbackDesk(user, '发布常见问题');
      const record = await ownConsultation(user, consultationId);
      if (record.status !== 'answered' || record.answer === undefined) throw new AppError('FEEDBACK_VERSION_CONFLICT', '该咨询尚未答复，答复后才能发布为常见问题');
      const publishedAt = record.faqPublishedAt ?? now().toISOString();
      // Read by everyone: no markup, and any mobile or identity number in the text masked.
      const entry: FaqEntry = {
        faqId: record.consultationId,
        question: sanitiseComment(request.question ?? record.question, 200),
        answer: sanitiseComment(request.answer ?? record.answer, 1000),
        publishedAt,
      };
      const next: ConsultationRecord = { ...record, faqPublishedAt: publishedAt, version: record.version + 1 };
      await update(record, next, [
        { Put: { TableName, Item: { ...faqKey(record.implementationCode, publishedAt, record.consultationId), entity: 'Faq', entry, publishedBy: user.userId } } },
      ]);
      logger.info('consultation published to FAQ', { consultationId });
      return consultationView(next, now());
    },

    /** The item's FAQ, newest first (public). */
    async faq(implementationCode: string): Promise<{ items: FaqEntry[] }> {
      if (!(await deps.catalog.getGuide(implementationCode))) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      const { Items } = await db.send(
        new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': faqPartition(implementationCode) }, ScanIndexForward: false, Limit: 50 }),
      );
      return { items: (Items ?? []).map((row) => row.entry as FaqEntry) };
    },
  };
}

export type ConsultationService = ReturnType<typeof consultationService>;
