import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  COMPLAINT_BUSINESS_KINDS,
  COMPLAINT_ACCEPTANCE_WORKING_DAYS,
  COMPLAINT_ACTIONS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  FEEDBACK_CHANNELS,
  PROVINCE_REGION_CODE,
  complaintActions,
  parseImplementationCode,
  type ComplaintAction,
  type ComplaintActionRequest,
  type ComplaintDetail,
  type ComplaintOutcome,
  type ComplaintRequest,
  type ComplaintStatus,
  type ComplaintSummary,
  type FeedbackChannel,
  type FieldIssue,
  type ItemSummary,
  type NotificationEvent,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import { authStore, type AuthStore } from '../auth/store';
import { maskPersonName } from '../platform/masking';
import { regionPartitionKey } from '../catalog/keys';
import { newEventId, outboxPut } from '../notifications/outbox';
import { dueAfter, reminderTimers, timerDelete, timerPut, type Timer } from '../notifications/timers';

/** The invitation to evaluate the handling goes out 3 days after the complaint is closed (好差评). */
const EVALUATION_INVITATION_DELAY_MS = 3 * 24 * 3600_000;
import type { Caller } from '../platform/caller';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { seal, unseal, type KeyProvider, type Sealed } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { dataKeys } from '../platform/keys';
import { logger } from '../platform/logger';
import { currentUser } from '../staff/service';
import { cancellationCodes, channelFor, feedbackNumber, newestFirst, queryIndexPage, type StaffUser } from './consultations';
import { EVALUATION_SK, RECTIFICATION_SK } from '../cases/keys';
import { complaintPartition, complaintsPartition } from './keys';
import { evaluationState, type RectificationTask, type StoredEvaluation } from '../cases/feedback-records';

/** The catalog item every region's tourism complaints are accepted under (旅游投诉受理, basic code 2000127000). */
export const COMPLAINT_ITEM_BASIC_CODE = '2000127000';
const COMPLAINT_ITEM_TYPE = '20';
/** Who in an organisation hears of new complaints and of their acceptance deadline. */
const COMPLAINT_PERMISSION = 'hotline_12301' as const;

export const BUSINESS_KINDS = COMPLAINT_BUSINESS_KINDS;

/** What the complainant is told, per action: a status phrase for the push (≤5 Chinese characters) and a line of history. */
const ACTION_TEXT: Record<ComplaintAction, { phrase: string; history: string }> = {
  accept: { phrase: '已受理', history: '投诉已受理' },
  refuse: { phrase: '不予受理', history: '投诉不予受理' },
  transfer: { phrase: '已转办', history: '投诉已转办' },
  mediate: { phrase: '调解中', history: '组织调解' },
  close: { phrase: '已办结', history: '投诉已办结' },
};

export interface ComplaintRecord {
  complaintNumber: string;
  status: ComplaintStatus;
  version: number;
  /** The organisation handling it now (a transfer moves it), and the region it was filed for. */
  organisationCode: string;
  organisationName: string;
  regionCode: string;
  /** The region's 旅游投诉受理 item, when the handling organisation implements one. */
  implementationCode?: string;
  itemName: string;
  business: ComplaintRequest['business'];
  tripStart: string;
  tripEnd: string;
  account: string;
  amount?: number;
  request: string;
  complainantName: string;
  /** Name and mobile of the complainant, envelope-encrypted. */
  sealedContact: Sealed;
  hasContactMobile: boolean;
  channel: FeedbackChannel;
  /** The account that filed it and follows it; none when the hotline or the hall filed it for a caller. */
  ownerUserId?: string;
  recordedBy?: string;
  submittedAt: string;
  /** The acceptance deadline while it waits to be accepted, refused or transferred. */
  dueAt?: string;
  outcome?: ComplaintOutcome;
  refundAmount?: number;
  finishedAt?: string;
}

export interface ComplaintEvent {
  at: string;
  seq: number;
  action: 'submit' | ComplaintAction;
  from: ComplaintStatus | null;
  to: ComplaintStatus;
  label: string;
  note?: string;
  /** The organisation that acted. */
  organisationName: string;
  actorId: string;
}

export interface StoredComplaint {
  record: ComplaintRecord;
  events: ComplaintEvent[];
  /** The complainant's evaluation of the handling and, for a bad review, its rectification task. */
  evaluation?: StoredEvaluation;
  rectification?: RectificationTask;
}

const STATUS_RANK: Record<ComplaintStatus, number> = { received: 1, accepted: 2, mediating: 3, refused: 4, closed: 5 };
export const complaintKey = (complaintNumber: string) => ({ pk: complaintPartition(complaintNumber), sk: 'META' });
const eventKey = (complaintNumber: string, event: ComplaintEvent) => ({ pk: complaintPartition(complaintNumber), sk: `EVENT#${event.at}#${String(event.seq).padStart(4, '0')}` });

/**
 * Index entries of a complaint: the complainant's list (GSI1 USER#<id> / COMPLAINT#<submittedAt>#<no>)
 * and the handling organisation's queue (GSI2 COMPLAINTS#<org>), grouped by status (received first, by
 * acceptance deadline; then accepted and mediating, oldest first; then finished ones, latest first).
 */
export function complaintIndexKeys(record: ComplaintRecord) {
  const final = COMPLAINT_STATUSES[record.status].final;
  const order = record.status === 'received' ? (record.dueAt ?? record.submittedAt) : final ? newestFirst(record.finishedAt ?? record.submittedAt) : record.submittedAt;
  return {
    ...(record.ownerUserId ? { gsi1pk: `USER#${record.ownerUserId}`, gsi1sk: `COMPLAINT#${record.submittedAt}#${record.complaintNumber}` } : {}),
    gsi2pk: complaintsPartition(record.organisationCode),
    gsi2sk: `${complaintStatusPrefix(record.status)}${order}#${record.complaintNumber}`,
  };
}

export const complaintStatusPrefix = (status: ComplaintStatus) => `${STATUS_RANK[status]}#`;

/** The city a region code belongs to (a county's complaints go to its city bureau); the province stays itself. */
export function routingRegion(regionCode: string): string {
  return regionCode === PROVINCE_REGION_CODE ? regionCode : `${regionCode.slice(0, 4)}00`;
}

/** Field problems of an action the schema alone cannot see (what each action requires), in Chinese. */
export function actionIssues(request: ComplaintActionRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const missing = (value: unknown) => value === undefined || value === '';
  if (request.action === 'refuse' && missing(request.reason)) issues.push({ path: 'reason', message: '请填写不予受理的理由，理由将告知投诉人' });
  if (request.action === 'transfer') {
    if (missing(request.targetOrganisationCode)) issues.push({ path: 'targetOrganisationCode', message: '请选择转办的单位' });
    if (missing(request.reason)) issues.push({ path: 'reason', message: '请填写转办理由' });
  }
  if (request.action === 'mediate' && missing(request.note)) issues.push({ path: 'note', message: '请填写调解记录' });
  if (request.action === 'close' && missing(request.outcome)) issues.push({ path: 'outcome', message: '请选择办结结果' });
  return issues;
}

/** The history note of an action, in the words the complainant reads. */
export function actionNote(request: ComplaintActionRequest, targetName?: string): string | undefined {
  switch (request.action) {
    case 'refuse':
      return request.reason;
    case 'transfer':
      return [`转至${targetName ?? '其他单位'}办理`, request.reason ? `理由：${request.reason}` : ''].filter(Boolean).join('；');
    case 'close':
      return [
        request.outcome ? `处理结果：${COMPLAINT_OUTCOMES[request.outcome]}` : '',
        request.refundAmount !== undefined ? `退赔金额：${request.refundAmount}元` : '',
        request.note ?? '',
      ]
        .filter(Boolean)
        .join('；');
    default:
      return request.note || undefined;
  }
}

export function complaintSummary(record: ComplaintRecord, now: Date): ComplaintSummary {
  const waiting = record.status === 'received' && record.dueAt !== undefined;
  return {
    complaintNumber: record.complaintNumber,
    organisationCode: record.organisationCode,
    organisationName: record.organisationName,
    businessName: record.business.name,
    complainantName: record.complainantName,
    channel: record.channel,
    channelLabel: FEEDBACK_CHANNELS[record.channel],
    status: record.status,
    statusLabel: COMPLAINT_STATUSES[record.status].label,
    submittedAt: record.submittedAt,
    ...(waiting ? { dueAt: record.dueAt } : {}),
    overdue: waiting && now.toISOString() > record.dueAt!,
    version: record.version,
  };
}

// ── Store ───────────────────────────────────────────────────────────────────────────────────────────

export interface ComplaintChange {
  record: ComplaintRecord;
  event: ComplaintEvent;
  notifications: NotificationEvent[];
  /** Writes of timers (put or delete) that go with the change. */
  timers: object[];
}

export interface ComplaintStore {
  get(complaintNumber: string): Promise<StoredComplaint | undefined>;
  /** Creates a complaint; false when the number is taken. */
  create(change: ComplaintChange): Promise<boolean>;
  /** Writes a change if the complaint is still at `expectedVersion`; false when someone else changed it first. */
  update(change: ComplaintChange, expectedVersion: number): Promise<boolean>;
  /** The 旅游投诉受理 item of a region (its implementing organisation accepts the region's complaints). */
  complaintItem(regionCode: string): Promise<ItemSummary | undefined>;
}

export function dynamoComplaintStore(): ComplaintStore {
  const db = dynamo();
  const { tableName: TableName } = config();

  const writes = (change: ComplaintChange, condition: object) => [
    { Put: { TableName, Item: { ...complaintKey(change.record.complaintNumber), entity: 'Complaint', ...complaintIndexKeys(change.record), record: change.record }, ...condition } },
    { Put: { TableName, Item: { ...eventKey(change.record.complaintNumber, change.event), entity: 'ComplaintEvent', event: change.event }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...change.notifications.map((event) => outboxPut(TableName, event)),
    ...change.timers,
  ];

  async function write(items: object[]): Promise<boolean> {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed' || codes?.[1] === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  return {
    async get(complaintNumber) {
      const rows: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': complaintPartition(complaintNumber) }, ConsistentRead: true, ExclusiveStartKey }),
        );
        rows.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      const meta = rows.find((row) => row.sk === 'META');
      if (!meta) return undefined;
      const evaluation = rows.find((row) => row.sk === EVALUATION_SK)?.stored as StoredEvaluation | undefined;
      const rectification = rows.find((row) => row.sk === RECTIFICATION_SK)?.task as RectificationTask | undefined;
      return {
        record: meta.record as ComplaintRecord,
        events: rows.filter((row) => row.entity === 'ComplaintEvent').map((row) => row.event as ComplaintEvent),
        ...(evaluation ? { evaluation } : {}),
        ...(rectification ? { rectification } : {}),
      };
    },

    create: (change) => write(writes(change, { ConditionExpression: 'attribute_not_exists(pk)' })),

    update: (change, expectedVersion) =>
      write(writes(change, { ConditionExpression: '#record.version = :version', ExpressionAttributeNames: { '#record': 'record' }, ExpressionAttributeValues: { ':version': expectedVersion } })),

    async complaintItem(regionCode) {
      const { Items } = await db.send(
        new QueryCommand({
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :item)',
          ExpressionAttributeValues: { ':pk': regionPartitionKey(regionCode), ':item': `${COMPLAINT_ITEM_TYPE}#${COMPLAINT_ITEM_BASIC_CODE}#` },
        }),
      );
      return (Items ?? []).map((row) => row.summary as ItemSummary).find((summary) => summary.regionCode === regionCode);
    },
  };
}

// ── Service ─────────────────────────────────────────────────────────────────────────────────────────

export interface ComplaintDeps {
  store: ComplaintStore;
  people: Pick<AuthStore, 'user' | 'organisation'>;
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  now?: () => Date;
}

export function defaultComplaintDeps(): ComplaintDeps {
  return { store: dynamoComplaintStore(), people: authStore(), keys: dataKeys(), calendar: workingCalendarNow };
}

interface Viewer {
  userId: string;
  staff: boolean;
}

export function complaintService(deps: ComplaintDeps) {
  const now = deps.now ?? (() => new Date());

  async function staffOf(caller: Caller): Promise<StaffUser> {
    const user = await currentUser(deps.people as AuthStore, caller);
    if (!user.staff) throw new AppError('AUTH_FORBIDDEN');
    return user as StaffUser;
  }

  /** The organisation that accepts complaints about businesses of a region, with its 旅游投诉受理 item. */
  async function handlerOf(regionCode: string) {
    const summary = await deps.store.complaintItem(routingRegion(regionCode));
    const organisationCode = summary ? parseImplementationCode(summary.implementationCode)?.creditCode : undefined;
    const organisation = organisationCode ? await deps.people.organisation(organisationCode) : undefined;
    if (!summary || !organisation) {
      throw new AppError('COMMON_VALIDATION_FAILED', '该地区暂不能受理旅游投诉，请核对被投诉单位所在地区', [{ path: 'regionCode', message: '请选择被投诉单位所在的市' }]);
    }
    return { organisation, item: summary };
  }

  const notice = (record: ComplaintRecord, type: NotificationEvent['type'], occurredAt: string, detail?: Record<string, string>): NotificationEvent => ({
    eventId: newEventId(),
    type,
    occurredAt,
    caseNumber: record.complaintNumber,
    itemName: record.business.name,
    organisationCode: record.organisationCode,
    applicantUserId: record.ownerUserId ?? '',
    applicantDisplayName: record.complainantName,
    ...(detail ? { detail } : {}),
  });

  const evaluationInvitation = (record: ComplaintRecord, closedAt: string): Timer => ({
    caseNumber: record.complaintNumber,
    kind: 'evaluation',
    fireAt: new Date(Date.parse(closedAt) + EVALUATION_INVITATION_DELAY_MS).toISOString(),
    event: {
      caseNumber: record.complaintNumber,
      itemName: record.business.name,
      organisationCode: record.organisationCode,
      applicantUserId: record.ownerUserId ?? '',
      applicantDisplayName: record.complainantName,
      type: 'evaluation_invited',
      detail: { page: `pages/feedback/complaint-detail/index?complaintNumber=${record.complaintNumber}`, subject: '投诉处理' },
    },
  });

  /** The acceptance deadline's reminders (near due, overdue) for the handling organisation's 12301 staff. */
  const acceptanceTimers = (record: ComplaintRecord) =>
    reminderTimers(
      { caseNumber: record.complaintNumber, itemName: record.business.name, organisationCode: record.organisationCode, applicantUserId: record.ownerUserId ?? '', applicantDisplayName: record.complainantName },
      record.dueAt!,
      { label: '投诉受理', permission: COMPLAINT_PERMISSION, subject: '投诉', page: `pages/staff/complaint/index?complaintNumber=${record.complaintNumber}` },
    ).map((timer) => timerPut(config().tableName, timer));

  async function view(stored: StoredComplaint, viewer: Viewer): Promise<ComplaintDetail> {
    const { record } = stored;
    const contact = viewer.staff && record.hasContactMobile ? await unseal<{ mobile?: string }>(deps.keys, record.sealedContact) : undefined;
    const owner = record.ownerUserId !== undefined && record.ownerUserId === viewer.userId;
    return {
      ...complaintSummary(record, now()),
      business: { name: record.business.name, ...(record.business.creditCode ? { creditCode: record.business.creditCode } : {}), kind: record.business.kind, kindLabel: BUSINESS_KINDS[record.business.kind] },
      tripStart: record.tripStart,
      tripEnd: record.tripEnd,
      account: record.account,
      ...(record.amount !== undefined ? { amount: record.amount } : {}),
      request: record.request,
      statusHint: COMPLAINT_STATUSES[record.status].hint,
      ...(contact?.mobile ? { contactMobile: contact.mobile } : {}),
      history: [...stored.events]
        .sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at.localeCompare(b.at)))
        .map((event) => ({ at: event.at, label: event.label, ...(event.note ? { note: event.note } : {}), organisationName: event.organisationName })),
      ...(record.outcome ? { outcome: record.outcome, outcomeLabel: COMPLAINT_OUTCOMES[record.outcome] } : {}),
      actions: viewer.staff ? complaintActions(record.status) : [],
      evaluation: evaluationState({ evaluable: record.status === 'closed', ...(owner ? { ownerUserId: viewer.userId } : {}) }, viewer.userId, stored.evaluation, stored.rectification),
    };
  }

  /** A complaint of the staff member's own organisation; any other gets the same 404 as a missing one. */
  async function ownOrganisations(user: StaffUser, complaintNumber: string): Promise<StoredComplaint> {
    const stored = await deps.store.get(complaintNumber);
    if (!stored || stored.record.organisationCode !== user.staff.organisationCode) throw new AppError('COMPLAINT_NOT_FOUND');
    return stored;
  }

  /** The complainant's own complaint; anyone else gets the same 404 as for one that does not exist. */
  async function complainants(caller: Caller, complaintNumber: string): Promise<StoredComplaint> {
    const stored = await deps.store.get(complaintNumber);
    if (!stored || !stored.record.ownerUserId || stored.record.ownerUserId !== caller.userId) throw new AppError('COMPLAINT_NOT_FOUND');
    return stored;
  }

  const conflict = (status: ComplaintStatus) => new AppError('FEEDBACK_VERSION_CONFLICT', `该投诉已被他人处理，当前为“${COMPLAINT_STATUSES[status].label}”，请刷新后再办理`);

  return {
    /** A structured complaint, routed to the bureau of the region where the business is. */
    async submit(caller: Caller, request: ComplaintRequest): Promise<ComplaintDetail> {
      const user = await currentUser(deps.people as AuthStore, caller);
      const channel = channelFor(user, request.onBehalf);
      const { organisation, item } = await handlerOf(request.regionCode);
      const submittedAt = now().toISOString();
      const person = request.onBehalf
        ? { name: request.onBehalf.name, mobile: request.onBehalf.mobile ?? request.contactMobile }
        : { name: request.complainantName ?? user.displayName, mobile: request.contactMobile };
      const base: Omit<ComplaintRecord, 'complaintNumber'> = {
        status: 'received',
        version: 1,
        organisationCode: organisation.creditCode,
        organisationName: organisation.name,
        regionCode: request.regionCode,
        implementationCode: item.implementationCode,
        itemName: item.name,
        business: request.business,
        tripStart: request.tripStart,
        tripEnd: request.tripEnd,
        account: request.account,
        ...(request.amount !== undefined ? { amount: request.amount } : {}),
        request: request.request,
        complainantName: maskPersonName(person.name),
        sealedContact: await seal(deps.keys, person.mobile ? person : { name: person.name }),
        hasContactMobile: !!person.mobile,
        channel,
        ...(request.onBehalf ? { recordedBy: caller.userId } : { ownerUserId: caller.userId }),
        submittedAt,
        dueAt: dueAfter(await deps.calendar(), submittedAt, COMPLAINT_ACCEPTANCE_WORKING_DAYS),
      };
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const record: ComplaintRecord = { ...base, complaintNumber: feedbackNumber('TS', submittedAt, routingRegion(request.regionCode)) };
        const event: ComplaintEvent = {
          at: submittedAt,
          seq: 0,
          action: 'submit',
          from: null,
          to: 'received',
          label: channel === 'miniapp' ? '提交投诉' : `${FEEDBACK_CHANNELS[channel]}登记投诉`,
          organisationName: organisation.name,
          actorId: caller.userId,
        };
        const created = await deps.store.create({
          record,
          event,
          notifications: [notice(record, 'complaint_received', submittedAt, { dueAt: record.dueAt! })],
          timers: acceptanceTimers(record),
        });
        if (!created) continue;
        logger.info('complaint received', { complaintNumber: record.complaintNumber, channel });
        return view({ record, events: [event] }, { userId: caller.userId, staff: false });
      }
      throw new Error('Could not draw an unused complaint number');
    },

    async listMine(caller: Caller, query: { limit?: number; cursor?: string; status?: ComplaintStatus }) {
      const page = await queryIndexPage<ComplaintRecord>({
        index: 'GSI1',
        partition: `USER#${caller.userId}`,
        prefix: 'COMPLAINT#',
        descending: true,
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit ?? 20,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { items: page.items.map((record) => complaintSummary(record, now())), nextCursor: page.nextCursor };
    },

    async getMine(caller: Caller, complaintNumber: string): Promise<ComplaintDetail> {
      return view(await complainants(caller, complaintNumber), { userId: caller.userId, staff: false });
    },

    /** The organisation's queue: complaints waiting for acceptance first, by their deadline. */
    async listForStaff(caller: Caller, query: { limit?: number; cursor?: string; status?: ComplaintStatus }) {
      const user = await staffOf(caller);
      const page = await queryIndexPage<ComplaintRecord>({
        index: 'GSI2',
        partition: complaintsPartition(user.staff.organisationCode),
        ...(query.status ? { prefix: complaintStatusPrefix(query.status) } : {}),
        limit: query.limit ?? 20,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return { items: page.items.map((record) => complaintSummary(record, now())), nextCursor: page.nextCursor };
    },

    async getForStaff(caller: Caller, complaintNumber: string): Promise<ComplaintDetail> {
      const user = await staffOf(caller);
      const stored = await deps.store.get(complaintNumber);
      // Provincial staff supervise every bureau's complaints read-only: no actions, no contact details.
      if (stored && stored.record.organisationCode !== user.staff.organisationCode && user.staff.level === 'province') {
        logger.info('complaint opened for supervision', { complaintNumber, staffId: user.staff.staffId });
        return view(stored, { userId: user.userId, staff: false });
      }
      const own = await ownOrganisations(user, complaintNumber);
      logger.info('complaint opened by staff', { complaintNumber, staffId: user.staff.staffId });
      return view(own, { userId: user.userId, staff: true });
    },

    /** One action on the version the staff member saw: only the legal ones, all or nothing. */
    async act(caller: Caller, complaintNumber: string, request: ComplaintActionRequest): Promise<ComplaintDetail> {
      const user = await staffOf(caller);
      const stored = await ownOrganisations(user, complaintNumber);
      const { record } = stored;
      if (request.version !== record.version) throw conflict(record.status);
      if (!complaintActions(record.status).includes(request.action)) {
        throw new AppError('COMPLAINT_ACTION_NOT_ALLOWED', `投诉当前为“${COMPLAINT_STATUSES[record.status].label}”，不能“${COMPLAINT_ACTIONS[request.action].label}”`);
      }
      const issues = actionIssues(request);
      if (issues.length) throw new AppError('COMMON_VALIDATION_FAILED', '办理信息不完整，请补充后再提交', issues);

      const at = now().toISOString();
      const to: ComplaintStatus = COMPLAINT_ACTIONS[request.action].to;
      let next: ComplaintRecord = { ...record, status: to, version: record.version + 1 };
      const notifications: NotificationEvent[] = [];
      let timers: object[] = [];
      let targetName: string | undefined;

      if (request.action === 'transfer') {
        const target = await deps.people.organisation(request.targetOrganisationCode!);
        if (!target || target.creditCode === record.organisationCode) {
          throw new AppError('COMMON_VALIDATION_FAILED', '请选择另一家有权处理的单位', [{ path: 'targetOrganisationCode', message: '转办单位不存在或就是本单位' }]);
        }
        targetName = target.name;
        // The complaint item is now the receiving organisation's own, if it implements one.
        const targetItem = await deps.store.complaintItem(target.regionCode);
        const sameBody = targetItem !== undefined && parseImplementationCode(targetItem.implementationCode)?.creditCode === target.creditCode;
        next = {
          ...next,
          organisationCode: target.creditCode,
          organisationName: target.name,
          implementationCode: sameBody ? targetItem.implementationCode : undefined,
          // The receiving organisation gets its own acceptance period.
          dueAt: dueAfter(await deps.calendar(), at, COMPLAINT_ACCEPTANCE_WORKING_DAYS),
        };
        notifications.push(notice(next, 'complaint_received', at, { dueAt: next.dueAt!, fromOrganisationName: record.organisationName }));
        timers = acceptanceTimers(next);
      } else if (record.status === 'received') {
        // Accepted or refused: the acceptance deadline is met, its reminders go.
        next = { ...next, dueAt: undefined };
        timers = [timerDelete(config().tableName, complaintNumber, 'deadline')];
      }
      if (request.action === 'close') {
        next = { ...next, outcome: request.outcome!, ...(request.refundAmount !== undefined ? { refundAmount: request.refundAmount } : {}) };
        // Like a case: one invitation to evaluate the handling 3 days after it is closed, unless evaluated by then.
        if (record.ownerUserId) timers = [...timers, timerPut(config().tableName, evaluationInvitation(next, at))];
      }
      if (COMPLAINT_STATUSES[to].final) next = { ...next, finishedAt: at };

      const note = actionNote(request, targetName);
      const text = ACTION_TEXT[request.action];
      const event: ComplaintEvent = {
        at,
        seq: stored.events.length,
        action: request.action,
        from: record.status,
        to,
        label: request.action === 'transfer' ? `转办至${targetName}` : text.history,
        ...(note ? { note } : {}),
        organisationName: record.organisationName,
        actorId: user.userId,
      };
      // The complainant hears of every step; a caller filed for by the hotline has no account to tell.
      if (record.ownerUserId) {
        const hint = request.action === 'refuse' ? `理由：${request.reason}` : request.action === 'transfer' ? `已转${targetName}处理` : COMPLAINT_STATUSES[to].hint;
        notifications.push(notice(next, 'complaint_updated', at, { phrase: text.phrase, note: hint }));
      }
      if (!(await deps.store.update({ record: next, event, notifications, timers }, record.version))) {
        const latest = await deps.store.get(complaintNumber);
        throw conflict(latest?.record.status ?? record.status);
      }
      logger.info('complaint action', { complaintNumber, action: request.action, from: record.status, to });
      if (request.action === 'transfer') {
        // No longer this organisation's: the acting staff member sees the result without the actions.
        return view({ ...stored, record: next, events: [...stored.events, event] }, { userId: user.userId, staff: false });
      }
      return view({ ...stored, record: next, events: [...stored.events, event] }, { userId: user.userId, staff: true });
    },
  };
}

export type ComplaintService = ReturnType<typeof complaintService>;
