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
import { seal, unseal, type KeyProvider, type Sealed } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { claimOutcome, createOnce, type IdempotentRequest } from '../platform/idempotency';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { currentStaff, currentUser } from '../staff/service';
import { cancellationCodes, channelFor, feedbackNumber, newestFirst, queryIndexPage, requireFeedbackDesk, type StaffUser } from './common';
import { consultationPartition, consultationsPartition, faqPartition } from './keys';

export interface ConsultationRecord {
  consultationId: string;
  implementationCode: string;
  itemName: string;
  organisationCode: string;
  organisationName: string;
  /**
   * The question and, once answered, the answer, envelope-encrypted: askers type their identity and mobile
   * numbers into questions, and answers may repeat them. Read through `textOf`.
   */
  sealedText?: Sealed;
  /** The same, in plain text, on consultations asked before they were sealed. */
  question?: string;
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

/** What was asked and answered. */
export interface ConsultationText {
  question: string;
  answer?: string;
}

/** The plain question and answer of a consultation asked before they were sealed. */
const plainText = (record: ConsultationRecord): ConsultationText => ({ question: record.question ?? '', ...(record.answer !== undefined ? { answer: record.answer } : {}) });

/** The question and answer: unsealed, or the plain fields of a consultation asked before they were sealed. */
export const textOf = (keys: KeyProvider, record: ConsultationRecord): Promise<ConsultationText> =>
  record.sealedText ? unseal<ConsultationText>(keys, record.sealedText) : Promise.resolve(plainText(record));

/** A consultation as the asker and the answering organisation see it (the only people who read one). */
export function consultationView(record: ConsultationRecord, now: Date, text: ConsultationText = plainText(record)): Consultation {
  return {
    consultationId: record.consultationId,
    implementationCode: record.implementationCode,
    itemName: record.itemName,
    organisationName: record.organisationName,
    question: text.question,
    askerName: record.askerName,
    channel: record.channel,
    channelLabel: FEEDBACK_CHANNELS[record.channel],
    status: record.status,
    statusLabel: CONSULTATION_STATUSES[record.status],
    askedAt: record.askedAt,
    dueAt: record.dueAt,
    overdue: record.status === 'open' && now.toISOString() > record.dueAt,
    ...(text.answer !== undefined ? { answer: text.answer } : {}),
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

  const staffOf = (caller: Caller): Promise<StaffUser> => currentStaff(deps.people as AuthStore, caller);

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

  /** Records the question in one transaction with the claim of its idempotency key. */
  async function recordQuestion(caller: Caller, request: ConsultationRequest, claim: (result: { consultationId: string }) => object): Promise<Consultation | 'key_taken' | 'conflict'> {
    const user = await currentUser(deps.people as AuthStore, caller);
    const channel = channelFor(user, request.onBehalf);
    const item: ImplementationItem | undefined = await deps.catalog.getGuide(request.implementationCode);
    if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
    const askedAt = now().toISOString();
    const person = request.onBehalf ? { name: request.onBehalf.name, ...(request.onBehalf.mobile ? { mobile: request.onBehalf.mobile } : {}) } : { name: user.displayName };
    const [sealedText, sealedAsker, calendar] = await Promise.all([seal(deps.keys, { question: request.question } satisfies ConsultationText), seal(deps.keys, person), deps.calendar()]);
    const base = {
      implementationCode: item.implementationCode,
      itemName: item.name,
      organisationCode: item.organisation.creditCode,
      organisationName: item.organisation.name,
      sealedText,
      askerName: maskPersonName(person.name),
      sealedAsker,
      ...(request.onBehalf ? { recordedBy: caller.userId } : { askerUserId: caller.userId }),
      channel,
      status: 'open' as const,
      askedAt,
      dueAt: dueAfter(calendar, askedAt, deps.workingDays),
      version: 1,
    };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const record: ConsultationRecord = { ...base, consultationId: feedbackNumber('ZX', askedAt, item.regionCode) };
      const items = [recordPut(record), outboxPut(TableName, notice(record, 'consultation_received', askedAt, { dueAt: record.dueAt })), ...answerReminders(record), claim({ consultationId: record.consultationId })];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items as never }));
      } catch (error) {
        const outcome = claimOutcome(error, items.length - 1);
        if (outcome) return outcome;
        if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') continue;
        throw error;
      }
      logger.info('consultation received', { consultationId: record.consultationId, channel });
      return consultationView(record, now(), { question: request.question });
    }
    throw new Error('Could not draw an unused consultation number');
  }

  /** A page of consultations as their readers see them (each one's text unsealed, all at once). */
  const views = (records: ConsultationRecord[]) => Promise.all(records.map(async (r) => consultationView(r, now(), await textOf(deps.keys, r))));

  return {
    /**
     * A question about an item, routed to the item's implementing organisation with an answer deadline;
     * once per idempotency key (a retry gets the consultation the first request recorded).
     */
    ask(caller: Caller, once: IdempotentRequest, request: ConsultationRequest): Promise<{ created: boolean; value: Consultation }> {
      return createOnce<Consultation, { consultationId: string }>(once, {
        create: async (claim) => {
          const made = await recordQuestion(caller, request, claim);
          return typeof made === 'string' ? made : { created: made };
        },
        replay: async ({ consultationId }) => {
          const found = await load(consultationId);
          if (!found) throw new AppError('CONSULTATION_NOT_FOUND');
          return consultationView(found, now(), await textOf(deps.keys, found));
        },
      });
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
      return { items: await views(page.items), nextCursor: page.nextCursor };
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
      return { items: await views(page.items), nextCursor: page.nextCursor };
    },

    /** The answer, once: whoever answers an older view hears that someone else answered first. */
    async answer(caller: Caller, consultationId: string, request: { version: number; answer: string }): Promise<Consultation> {
      const user = await staffOf(caller);
      requireFeedbackDesk(user, '答复咨询');
      const record = await ownConsultation(user, consultationId);
      if (record.status !== 'open' || record.version !== request.version) throw new AppError('FEEDBACK_VERSION_CONFLICT', '该咨询已被他人答复，请刷新后查看');
      const answeredAt = now().toISOString();
      // Sealed again with the answer; a consultation asked before questions were sealed is sealed now.
      const text: ConsultationText = { question: (await textOf(deps.keys, record)).question, answer: request.answer };
      const next: ConsultationRecord = {
        ...record,
        sealedText: await seal(deps.keys, text),
        question: undefined,
        status: 'answered',
        answeredAt,
        answeredBy: user.displayName,
        answeredByUserId: user.userId,
        version: record.version + 1,
      };
      // The asker hears of the answer in 消息; a caller recorded by the hotline has no account to tell.
      const events = record.askerUserId ? [outboxPut(TableName, notice(next, 'consultation_answered', answeredAt))] : [];
      // Answered: the reminders of the answer deadline go.
      await update(record, next, [...events, timerDelete(TableName, consultationId, 'deadline')]);
      logger.info('consultation answered', { consultationId });
      return consultationView(next, now(), text);
    },

    /** Publishes an answered consultation (edited if need be) as a frequently asked question of its item. */
    async promote(caller: Caller, consultationId: string, request: { question?: string; answer?: string }): Promise<Consultation> {
      const user = await staffOf(caller);
      requireFeedbackDesk(user, '发布常见问题');
      const record = await ownConsultation(user, consultationId);
      const text = await textOf(deps.keys, record);
      if (record.status !== 'answered' || text.answer === undefined) throw new AppError('FEEDBACK_VERSION_CONFLICT', '该咨询尚未答复，答复后才能发布为常见问题');
      const publishedAt = record.faqPublishedAt ?? now().toISOString();
      // Read by everyone: no markup, and any mobile or identity number in the text masked.
      const entry: FaqEntry = {
        faqId: record.consultationId,
        question: sanitiseComment(request.question ?? text.question, 200),
        answer: sanitiseComment(request.answer ?? text.answer, 1000),
        publishedAt,
      };
      const next: ConsultationRecord = { ...record, faqPublishedAt: publishedAt, version: record.version + 1 };
      await update(record, next, [
        { Put: { TableName, Item: { ...faqKey(record.implementationCode, publishedAt, record.consultationId), entity: 'Faq', entry, publishedBy: user.userId } } },
      ]);
      logger.info('consultation published to FAQ', { consultationId });
      return consultationView(next, now(), text);
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
