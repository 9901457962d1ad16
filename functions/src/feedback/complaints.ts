import {
  COMPLAINT_ACCEPTANCE_WORKING_DAYS,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  FEEDBACK_CHANNELS,
  complaintActions,
  parseImplementationCode,
  type ComplaintAction,
  type ComplaintActionRequest,
  type ComplaintDetail,
  type ComplaintRequest,
  type ComplaintStatus,
  type NotificationEvent,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { newEventId } from '../notifications/outbox';
import { dueAfter, reminderTimers, timerDelete, timerPut, type Timer } from '../notifications/timers';
import { config } from '../platform/config';
import { seal, type KeyProvider } from '../platform/crypto';
import { AppError } from '../platform/errors';
import { createOnce, type CreateOutcome, type IdempotentRequest } from '../platform/idempotency';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { currentStaff, currentUser } from '../staff/service';
import { channelFor, feedbackNumber, queryIndexPage, requireFeedbackDesk, type StaffUser } from './common';
import { actionIssues, actionNote, complaintStatusPrefix, complaintSummary, routingRegion, type ComplaintEvent, type ComplaintRecord, type StoredComplaint } from './complaint-records';
import type { ComplaintStore } from './complaint-store';
import { complaintDetail, type ComplaintReader, type Narrative } from './complaint-view';
import { complaintsPartition } from './keys';

/** The invitation to evaluate the handling goes out 3 days after the complaint is closed (好差评). */
const EVALUATION_INVITATION_DELAY_MS = 3 * 24 * 3600_000;

/** Who in an organisation hears of new complaints and of their acceptance deadline. */
const COMPLAINT_PERMISSION = 'hotline_12301' as const;

/** What the complainant is told, per action: a status phrase for the push (≤5 Chinese characters) and a line of history. */
const ACTION_TEXT: Record<ComplaintAction, { phrase: string; history: string }> = {
  accept: { phrase: '已受理', history: '投诉已受理' },
  refuse: { phrase: '不予受理', history: '投诉不予受理' },
  transfer: { phrase: '已转办', history: '投诉已转办' },
  mediate: { phrase: '调解中', history: '组织调解' },
  close: { phrase: '已办结', history: '投诉已办结' },
};

export interface ComplaintDeps {
  store: ComplaintStore;
  people: Pick<AuthStore, 'user' | 'organisation'>;
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  now?: () => Date;
}

export function complaintService(deps: ComplaintDeps) {
  const now = deps.now ?? (() => new Date());

  const staffOf = (caller: Caller): Promise<StaffUser> => currentStaff(deps.people as AuthStore, caller);

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

  const view = (stored: StoredComplaint, reader: ComplaintReader, known?: Narrative): Promise<ComplaintDetail> => complaintDetail(deps.keys, stored, reader, now(), known);

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

  /** Files the complaint in one transaction with the claim of its idempotency key. */
  async function file(caller: Caller, request: ComplaintRequest, claim: (result: { complaintNumber: string }) => object): Promise<CreateOutcome<ComplaintDetail>> {
    const user = await currentUser(deps.people as AuthStore, caller);
    const channel = channelFor(user, request.onBehalf);
    const { organisation, item } = await handlerOf(request.regionCode);
    const submittedAt = now().toISOString();
    const person = request.onBehalf
      ? { name: request.onBehalf.name, mobile: request.onBehalf.mobile ?? request.contactMobile }
      : { name: request.complainantName ?? user.displayName, mobile: request.contactMobile };
    const narrative: Narrative = { account: request.account, request: request.request };
    const [sealedNarrative, sealedContact, calendar] = await Promise.all([seal(deps.keys, narrative), seal(deps.keys, person.mobile ? person : { name: person.name }), deps.calendar()]);
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
      ...(request.amount !== undefined ? { amount: request.amount } : {}),
      sealedNarrative,
      complainantName: maskPersonName(person.name),
      sealedContact,
      hasContactMobile: !!person.mobile,
      channel,
      ...(request.onBehalf ? { recordedBy: caller.userId } : { ownerUserId: caller.userId }),
      submittedAt,
      dueAt: dueAfter(calendar, submittedAt, COMPLAINT_ACCEPTANCE_WORKING_DAYS),
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
      const outcome = await deps.store.create(
        { record, event, notifications: [notice(record, 'complaint_received', submittedAt, { dueAt: record.dueAt! })], timers: acceptanceTimers(record) },
        claim({ complaintNumber: record.complaintNumber }),
      );
      if (outcome === 'number_taken') continue;
      if (outcome !== 'created') return outcome;
      logger.info('complaint received', { complaintNumber: record.complaintNumber, channel });
      return { created: await view({ record, events: [event] }, { userId: caller.userId, handler: false }, narrative) };
    }
    throw new Error('Could not draw an unused complaint number');
  }

  return {
    /**
     * A structured complaint, routed to the bureau of the region where the business is; once per
     * idempotency key (a retry gets the complaint the first request filed).
     */
    submit(caller: Caller, once: IdempotentRequest, request: ComplaintRequest): Promise<{ created: boolean; value: ComplaintDetail }> {
      const reader = { userId: caller.userId, handler: false };
      return createOnce<ComplaintDetail, { complaintNumber: string }>(once, {
        create: (claim) => file(caller, request, claim),
        replay: async ({ complaintNumber }) => {
          const stored = await deps.store.get(complaintNumber);
          if (!stored) throw new AppError('COMPLAINT_NOT_FOUND');
          return view(stored, reader);
        },
      });
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
      return view(await complainants(caller, complaintNumber), { userId: caller.userId, handler: false });
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
        return view(stored, { userId: user.userId, handler: false });
      }
      const own = await ownOrganisations(user, complaintNumber);
      logger.info('complaint opened by staff', { complaintNumber, staffId: user.staff.staffId });
      return view(own, { userId: user.userId, handler: true });
    },

    /** One action on the version the staff member saw: only the legal ones, all or nothing. */
    async act(caller: Caller, complaintNumber: string, request: ComplaintActionRequest): Promise<ComplaintDetail> {
      const user = await staffOf(caller);
      requireFeedbackDesk(user, '办理投诉');
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
        return view({ ...stored, record: next, events: [...stored.events, event] }, { userId: user.userId, handler: false });
      }
      return view({ ...stored, record: next, events: [...stored.events, event] }, { userId: user.userId, handler: true });
    },
  };
}

export type ComplaintService = ReturnType<typeof complaintService>;
