import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  SPECIAL_PROCEDURES,
  nextStatus,
  staffActions,
  transitionLabel,
  type Applicant,
  type CaseDocument,
  type CaseStatus,
  type CaseTransition,
  type NotificationEvent,
  type NotificationEventType,
  type Requirement,
  type StaffActionRequest,
  type StaffCaseDetail,
  type StaffCaseSummary,
  type TransitionDefinition,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import { authStore, type AuthStore, type UserRecord } from '../auth/store';
import { currentUser } from '../staff/service';
import { caseIndexKeys, dynamoCaseStore, type CaseRecord, type CaseStore, type EventRecord, type StoredCase } from '../cases/store';
import { caseKey, casePartition, inboxPartition } from '../cases/keys';
import { s3MaterialStorage, type MaterialStorage } from '../cases/material-storage';
import { outboxPut, newEventId } from '../notifications/outbox';
import { reminderTimers, timerDelete, timerPut, type Timer } from '../notifications/timers';
import type { Caller } from '../platform/caller';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { unseal, type KeyProvider } from '../platform/crypto';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { dataKeys } from '../platform/keys';
import { logger } from '../platform/logger';
import { chainEntry, verifyChain } from './audit';
import { activeDeadline, applyClock, deadlineViews } from './clock';
import { composeDocument, deliveryText, documentNumber, type DocumentKind } from './documents';

/** Public-service items (item type 20) are to be completed within one working day. */
const PUBLIC_SERVICE_TYPE = '20';
/** The evaluation invitation goes out 3 days after delivery (the 好差评 loop), unless the case was evaluated by then. */
const EVALUATION_DELAY_MS = 3 * 24 * 3600_000;

const REQUIREMENT_MESSAGES: Partial<Record<Requirement, { field: keyof StaffActionRequest; message: string }>> = {
  opinion: { field: 'opinion', message: '请填写办理意见' },
  reason: { field: 'reason', message: '请填写理由' },
  legal_remedy: { field: 'legalRemedy', message: '请写明申请人依法享有的申请行政复议或者提起行政诉讼的权利' },
  defects: { field: 'defects', message: '请至少列出一项需要补正的材料或条件' },
  delivery: { field: 'delivery', message: '请选择送达方式' },
  target_organisation: { field: 'targetOrganisationCode', message: '请选择移交的单位' },
  procedure: { field: 'procedure', message: '请选择特别程序' },
};

const EVENT_OF: Partial<Record<CaseTransition, NotificationEventType>> = {
  request_supplement: 'supplement_requested',
  accept: 'accepted',
  not_accept: 'not_accepted',
  approve: 'decided',
  auto_approve: 'decided',
  refuse: 'decided',
  deliver: 'delivered',
  resubmit: 'case_resubmitted',
  transfer: 'case_transferred',
};

interface Actor {
  kind: 'applicant' | 'staff' | 'system';
  userId: string;
  name: string;
  role: string;
}

export interface WorkbenchDeps {
  cases: CaseStore;
  people: AuthStore;
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  files?: Pick<MaterialStorage, 'downloadUrl'>;
  now?: () => Date;
}

export function defaultWorkbenchDeps(): WorkbenchDeps {
  return { cases: dynamoCaseStore(), people: authStore(), keys: dataKeys(), calendar: workingCalendarNow, files: s3MaterialStorage() };
}

const completionDays = (stored: StoredCase) =>
  stored.guide.itemType === PUBLIC_SERVICE_TYPE ? 1 : Math.max(stored.guide.guide.promisedLimit.workingDays, 1);

export function workbenchService(deps: WorkbenchDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();

  /** The caller as staff, read from the table (a revoked binding stops working at once). */
  async function staffOf(caller: Caller): Promise<UserRecord & { staff: NonNullable<UserRecord['staff']> }> {
    const user = await currentUser(deps.people, caller);
    if (!user.staff) throw new AppError('AUTH_FORBIDDEN');
    return user as UserRecord & { staff: NonNullable<UserRecord['staff']> };
  }

  /**
   * Staff see their own organisation's cases; provincial staff also see every other organisation's,
   * read-only (supervision). Anyone else gets the same 404 as for a case that does not exist.
   */
  async function visibleCase(user: UserRecord & { staff: NonNullable<UserRecord['staff']> }, caseNumber: string) {
    const stored = await deps.cases.getCase(caseNumber);
    if (!stored) throw new AppError('CASE_NOT_FOUND');
    const own = stored.record.organisationCode === user.staff.organisationCode;
    if (!own && user.staff.level !== 'province') throw new AppError('CASE_NOT_FOUND');
    return { stored, readOnly: !own };
  }

  function summary(record: CaseRecord, calendar: WorkingCalendar): StaffCaseSummary {
    const active = activeDeadline(record.status, record.clock);
    const views = deadlineViews(record.clock, now(), calendar);
    // The running clock; or, while the applicant supplements or a special procedure runs, the paused one.
    const pausedKind = record.status === 'supplement_requested' ? 'pre_review' : record.status === 'special_procedure' ? 'completion' : undefined;
    const deadline = views.find((d) => d.dueAt === active?.dueAt && !d.paused) ?? views.find((d) => d.kind === pausedKind && d.paused);
    return {
      caseNumber: record.caseNumber,
      itemName: record.itemName,
      implementationCode: record.implementationCode,
      organisationName: record.organisationName,
      status: record.status,
      statusLabel: CASE_STATUSES[record.status].label,
      applicantName: record.applicantDisplayName,
      submittedAt: record.submittedAt,
      ...(deadline ? { deadline } : {}),
      version: record.version,
    };
  }

  function checkRequirements(definition: TransitionDefinition, request: StaffActionRequest): void {
    const missing = definition.requires.flatMap((requirement) => {
      const rule = REQUIREMENT_MESSAGES[requirement];
      if (!rule) return [];
      const value = request[rule.field];
      const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
      return empty ? [{ path: rule.field, message: rule.message }] : [];
    });
    if (missing.length) throw new AppError('COMMON_VALIDATION_FAILED', '办理信息不完整，请补充后再提交', missing);
  }

  /**
   * A one-time notice may only cite what the guide version of this case requires: its materials and its
   * acceptance conditions. Anything else goes through list maintenance, not onto a case.
   */
  function defectsOf(stored: StoredCase, request: StaffActionRequest) {
    const materials = new Map(stored.guide.guide.materials.map((m) => [m.id, m]));
    const issues: { path: string; message: string }[] = [];
    const defects = (request.defects ?? []).map((defect, index) => {
      if (defect.materialId !== undefined) {
        const material = materials.get(defect.materialId);
        if (!material) issues.push({ path: `defects[${index}].materialId`, message: '该材料不在本办件所依据的办事指南中，不能要求补正；如确需增加，请通过清单维护流程调整指南' });
        else if (material.source !== 'applicant') issues.push({ path: `defects[${index}].materialId`, message: `“${material.name}”由电子证照获取，无需申请人补正` });
        return { materialId: defect.materialId, subject: material?.name ?? defect.materialId, reason: defect.reason };
      }
      const condition = stored.guide.guide.conditions[defect.conditionIndex!];
      if (!condition) issues.push({ path: `defects[${index}].conditionIndex`, message: '该受理条件不在本办件所依据的办事指南中' });
      return { subject: `受理条件：${condition ?? ''}`, reason: defect.reason };
    });
    const ids = defects.flatMap((d) => ('materialId' in d && d.materialId ? [d.materialId] : []));
    if (new Set(ids).size !== ids.length) issues.push({ path: 'defects', message: '同一份材料请合并为一项告知' });
    if (issues.length) throw new AppError('COMMON_VALIDATION_FAILED', '一次性告知的内容超出了办事指南的范围', issues);
    return defects;
  }

  /** Reserves the next document number in the same transaction (a number is never used twice). */
  async function nextDocumentNumber(kind: DocumentKind, record: CaseRecord, year: number) {
    const key = { pk: `ORG#${record.organisationCode}`, sk: `COUNTER#${kind}#${year}` };
    const { Item } = await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
    const current = Number(Item?.n ?? 0);
    return {
      number: documentNumber(kind, record.organisationName, year, current + 1),
      write: {
        Update: {
          TableName,
          Key: key,
          UpdateExpression: 'SET n = :next, entity = :entity',
          ConditionExpression: current ? 'n = :current' : 'attribute_not_exists(n)',
          ExpressionAttributeValues: { ':next': current + 1, ':entity': 'Counter', ...(current ? { ':current': current } : {}) },
        },
      },
    };
  }

  /**
   * One transition, all or nothing: the case (only if still at the version the actor saw), its history
   * event, its audit entry, the document it issues, the events it announces and its reminders.
   */
  async function transition(stored: StoredCase, action: CaseTransition, actor: Actor, request: StaffActionRequest, extra: { materialWrites?: object[]; materialStates?: CaseRecord['materialStates'] } = {}) {
    const definition: TransitionDefinition = CASE_TRANSITIONS[action];
    const { record } = stored;
    const at = now();
    const iso = at.toISOString();
    // The version first: whoever acted on an older view hears that someone else got there first.
    if (request.version !== record.version) throw conflict(record);
    const to = nextStatus(action, record.status);
    if (!to) throw new AppError('CASE_ACTION_NOT_ALLOWED', `办件当前为“${CASE_STATUSES[record.status].label}”，不能“${definition.label}”`);
    checkRequirements(definition, request);

    const calendar = await deps.calendar();
    const days = completionDays(stored);
    let next: CaseRecord = { ...record, status: to, version: record.version + 1, clock: applyClock(definition.clock, record.clock, at, calendar, days) };
    const writes: object[] = [];
    const events: NotificationEvent[] = [];
    let defects: { subject: string; reason: string; materialId?: string }[] | undefined;
    let eventDetail: Record<string, string> = {};

    if (action === 'request_supplement') {
      defects = defectsOf(stored, request);
      next.materialStates = Object.fromEntries(defects.filter((d) => d.materialId).map((d) => [d.materialId!, { state: 'needs_supplement' as const, reason: d.reason }]));
      eventDetail = { summary: defects.map((d) => d.subject).join('、') };
    }
    if (extra.materialStates) next.materialStates = extra.materialStates;
    if (action === 'transfer') {
      const target = request.targetOrganisationCode!;
      const organisation = await deps.people.organisation(target);
      if (!organisation || target === record.organisationCode) {
        throw new AppError('COMMON_VALIDATION_FAILED', '请选择另一家有权办理的单位', [{ path: 'targetOrganisationCode', message: '移交单位不存在或就是本单位' }]);
      }
      next = { ...next, organisationCode: organisation.creditCode, organisationName: organisation.name };
      eventDetail = { organisationName: organisation.name, fromOrganisationName: record.organisationName, reason: request.reason ?? '' };
    }
    if (action === 'approve' || action === 'refuse' || action === 'auto_approve') eventDetail = { note: action === 'approve' ? '已准予许可，请查看决定书' : '不予许可，请查看决定书' };
    if (action === 'deliver') eventDetail = { note: `${deliveryText(request.delivery!)}，欢迎评价` };

    let document: CaseDocument | undefined;
    if (definition.document) {
      const reserved = await nextDocumentNumber(definition.document, record, Number(iso.slice(0, 4)));
      writes.push(reserved.write);
      document = composeDocument(definition.document, {
        record,
        request,
        number: reserved.number,
        issuedAt: iso,
        ...(defects ? { defects: defects.map(({ subject, reason }) => ({ subject, reason })) } : {}),
        ...(next.clock.completion?.dueAt ? { completionDueAt: next.clock.completion.dueAt, completionDays: days } : {}),
      });
      writes.push({ Put: { TableName, Item: { pk: casePartition(record.caseNumber), sk: `DOC#${iso}#${document.documentId}`, entity: 'CaseDocument', document } } });
    }

    const audit = chainEntry(record.auditHead, { at: iso, actorId: actor.userId, actorRole: actor.role, action, from: record.status, to }, { request, document: document?.number });
    next.auditHead = { seq: audit.seq, hash: audit.hash };

    const base = { caseNumber: record.caseNumber, itemName: record.itemName, organisationCode: next.organisationCode, applicantUserId: record.submitterUserId, applicantDisplayName: record.applicantDisplayName };
    const eventType = EVENT_OF[action];
    if (eventType) events.push({ ...base, eventId: newEventId(), type: eventType, occurredAt: iso, ...(Object.keys(eventDetail).length ? { detail: eventDetail } : {}) });

    // Reminders follow the running deadline: replaced when it moves, removed when none runs.
    const deadline = activeDeadline(next.status, next.clock);
    const timers: object[] = deadline
      ? reminderTimers(base, deadline.dueAt, { label: deadline.label, permission: deadline.permission }).map((timer) => timerPut(TableName, timer))
      : [timerDelete(TableName, record.caseNumber, 'near_due'), timerDelete(TableName, record.caseNumber, 'overdue')];
    if (action === 'deliver') {
      const evaluation: Timer = { caseNumber: record.caseNumber, kind: 'evaluation', fireAt: new Date(at.getTime() + EVALUATION_DELAY_MS).toISOString(), event: { ...base, type: 'evaluation_invited' } };
      timers.push(timerPut(TableName, evaluation));
    }

    const seq = stored.events.length;
    const history: EventRecord = {
      at: iso,
      seq,
      action,
      from: record.status,
      to,
      by: actor.kind,
      actorId: actor.userId,
      actorName: actor.name,
      ...(request.opinion || request.reason ? { opinion: [request.opinion, request.reason].filter(Boolean).join('；') } : {}),
    };
    const items = [
      {
        Put: {
          TableName,
          Item: { ...caseKey(record.caseNumber), entity: 'Case', ...caseIndexKeys(next), record: next },
          ConditionExpression: '#record.version = :version',
          ExpressionAttributeNames: { '#record': 'record' },
          ExpressionAttributeValues: { ':version': record.version },
        },
      },
      { Put: { TableName, Item: { pk: casePartition(record.caseNumber), sk: `EVENT#${iso}#${String(seq).padStart(4, '0')}`, entity: 'CaseEvent', event: history } } },
      { Put: { TableName, Item: { pk: casePartition(record.caseNumber), sk: `AUDIT#${String(audit.seq).padStart(6, '0')}`, entity: 'AuditEntry', entry: audit }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...writes,
      ...(extra.materialWrites ?? []),
      ...events.map((event) => outboxPut(TableName, event)),
      ...timers,
    ];
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed' || reasons[2]?.Code === 'ConditionalCheckFailed') {
          const latest = await deps.cases.getCase(record.caseNumber);
          throw conflict(latest?.record ?? record);
        }
        // A document number taken by a concurrent action of another case: the actor can simply retry.
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) throw new AppError('CASE_BUSY');
      }
      throw error;
    }
    logger.info('case transition', { caseNumber: record.caseNumber, action, from: record.status, to, actor: actor.kind });
    return next;
  }

  function conflict(latest: CaseRecord): AppError {
    return new AppError('CASE_VERSION_CONFLICT', `该办件已被他人处理，当前为“${CASE_STATUSES[latest.status].label}”，请刷新后再办理`);
  }

  async function staffDetail(user: UserRecord & { staff: NonNullable<UserRecord['staff']> }, stored: StoredCase, readOnly: boolean): Promise<StaffCaseDetail> {
    const calendar = await deps.calendar();
    const { record } = stored;
    const applicant = await unseal<Applicant>(deps.keys, record.sealedApplicant);
    const person = applicant.kind === 'person' ? applicant.person : undefined;
    const enterprise = applicant.kind === 'enterprise' ? applicant.enterprise : undefined;
    logger.info('case opened by staff', { caseNumber: record.caseNumber, staffId: user.staff.staffId });
    return {
      ...summary(record, calendar),
      applicant: {
        kind: applicant.kind,
        name: person?.name ?? enterprise?.name ?? '',
        idNumber: person?.idNumber ?? enterprise?.creditCode ?? '',
        ...(person?.mobile ? { mobile: person.mobile } : {}),
        ...(applicant.agent ? { agentName: applicant.agent.name } : {}),
      },
      fields: record.fields,
      conditions: stored.guide.guide.conditions,
      materials: stored.guide.guide.materials.map((material) => {
        const files = stored.materials.find((m) => m.materialId === material.id);
        const state = record.materialStates?.[material.id];
        return {
          materialId: material.id,
          name: material.name,
          source: material.source === 'issued_licence' ? ('issued_licence' as const) : ('applicant' as const),
          state: state?.state ?? ('submitted' as const),
          ...(state?.reason ? { reason: state.reason } : {}),
          files: (files?.files ?? []).map(({ index, fileName, size, contentType }) => ({ index, fileName, size, contentType })),
        };
      }),
      guideVersion: record.guideVersion,
      documents: [...stored.documents].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
      history: [...stored.events]
        .sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at.localeCompare(b.at)))
        .map((e) => ({ at: e.at, action: e.action, actionLabel: transitionLabel(e.action), from: e.from, to: e.to, by: e.by, ...(e.actorName ? { actorName: e.actorName } : {}), ...(e.opinion ? { opinion: e.opinion } : {}) })),
      deadlines: deadlineViews(record.clock, now(), calendar),
      actions: readOnly ? [] : staffActions(record.status, user.staff.permissions),
      readOnly,
      ...(record.smartApproval ? { smartApproval: record.smartApproval } : {}),
      ...(stored.visit ? { visit: { startsAt: stored.visit.startsAt, endsAt: stored.visit.endsAt, place: stored.visit.place } } : {}),
    };
  }

  return {
    /** The organisation's open cases, soonest deadline first (GSI2 INBOX#<org>), with filters. */
    async inbox(caller: Caller, query: { limit?: number; cursor?: string; status?: CaseStatus; item?: string; organisation?: string }) {
      const user = await staffOf(caller);
      const organisation = query.organisation ?? user.staff.organisationCode;
      if (organisation !== user.staff.organisationCode && user.staff.level !== 'province') throw new AppError('AUTH_FORBIDDEN');
      const limit = query.limit ?? 20;
      const partition = inboxPartition(organisation);
      const filters: string[] = [];
      const values: Record<string, unknown> = { ':pk': partition };
      if (query.status) {
        filters.push('#record.#status = :status');
        values[':status'] = query.status;
      }
      if (query.item) {
        filters.push('#record.implementationCode = :item');
        values[':item'] = query.item;
      }
      const items: CaseRecord[] = [];
      let startKey = query.cursor ? decodeCursor(query.cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk'], { name: 'gsi2pk', value: partition }) : undefined;
      let lastKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName,
            IndexName: 'GSI2',
            KeyConditionExpression: 'gsi2pk = :pk',
            ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: { '#record': 'record', ...(query.status ? { '#status': 'status' } : {}) } } : {}),
            ExpressionAttributeValues: values,
            Limit: limit,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          if (items.length < limit) {
            items.push(item.record as CaseRecord);
            lastKey = { pk: item.pk, sk: item.sk, gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk };
          }
        }
        startKey = page.LastEvaluatedKey;
        if (items.length >= limit) break;
      } while (startKey);
      const calendar = await deps.calendar();
      return {
        items: items.map((record) => summary(record, calendar)),
        nextCursor: items.length >= limit && (startKey || lastKey) ? encodeCursor(lastKey!) : null,
        readOnly: organisation !== user.staff.organisationCode,
      };
    },

    async detail(caller: Caller, caseNumber: string): Promise<StaffCaseDetail> {
      const user = await staffOf(caller);
      const { stored, readOnly } = await visibleCase(user, caseNumber);
      return staffDetail(user, stored, readOnly);
    },

    /** A staff action: only the legal ones, by the right permission of the case's own organisation. */
    async act(caller: Caller, caseNumber: string, request: StaffActionRequest): Promise<StaffCaseDetail> {
      const user = await staffOf(caller);
      const { stored, readOnly } = await visibleCase(user, caseNumber);
      const definition: TransitionDefinition = CASE_TRANSITIONS[request.action];
      if (definition.actor !== 'staff' || readOnly || !definition.permission || !user.staff.permissions.includes(definition.permission)) {
        throw new AppError('AUTH_FORBIDDEN', `您没有“${definition.label}”的权限`);
      }
      if (request.action === 'start_special_procedure' && request.procedure) request = { ...request, opinion: request.opinion ?? SPECIAL_PROCEDURES[request.procedure] };
      await transition(stored, request.action, { kind: 'staff', userId: user.userId, name: user.displayName, role: definition.permission }, request);
      const after = await deps.cases.getCase(caseNumber);
      return staffDetail(user, after!, false);
    },

    /** Recomputes the case's audit chain and reports the first broken link. */
    async verifyAudit(caller: Caller, caseNumber: string) {
      const user = await staffOf(caller);
      const { stored } = await visibleCase(user, caseNumber);
      const result = verifyChain(stored.audit, stored.record.auditHead);
      return { caseNumber, entries: stored.audit.length, ...result };
    },

    /** A short-lived link to one file of a case the staff member may see. */
    async downloadLink(caller: Caller, caseNumber: string, materialId: string, index: number) {
      const user = await staffOf(caller);
      const { stored } = await visibleCase(user, caseNumber);
      const file = stored.materials.find((m) => m.materialId === materialId)?.files.find((f) => f.index === index);
      if (!file || !deps.files) throw new AppError('CASE_NOT_FOUND', '未找到该材料文件');
      return { ...(await deps.files.downloadUrl(file.key, file.fileName)), fileName: file.fileName };
    },

    transition,
    visibleCase,
  };
}

export type WorkbenchService = ReturnType<typeof workbenchService>;
