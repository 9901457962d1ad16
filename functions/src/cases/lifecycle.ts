import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  nextStatus,
  type CaseTransition,
  type NotificationEvent,
  type NotificationEventType,
  type Region,
  type Requirement,
  type StaffActionRequest,
  type TransitionDefinition,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { AuthStore } from '../auth/store';
import { newEventId, outboxPut } from '../notifications/outbox';
import { reminderTimers, timerDelete, timerPut, type Timer } from '../notifications/timers';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { countTransition } from '../platform/metrics';
import { chainEntry, stepPayload } from './audit';
import { activeDeadline, applyClock } from './clock';
import { deliveryText, documentNumber, issueDocument, renderDocument, type DocumentKind, type IssuedDocument } from './documents';
import { counterKey, inTurn, sendStep, type Turn } from './document-counter';
import { caseAuditSk, casePartition } from './keys';
import type { KeyProvider } from '../platform/crypto';
import type { CaseApplication, CaseRecord, EventRecord, StepRecord, StoredCase } from './records';
import { decisionDocumentKind, filedOutlet, grantedLicence, legalBasisText } from './outcomes';
import { caseFormItem, caseRecordItem } from './store';
import { reportPut } from '../reports/outbox';
import { caseStepReport } from './portal-records';

/** How often a step goes on after a booked visit took its audit entry's number, before it gives up. */
const MAX_CHAIN_ATTEMPTS = 20;
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
  commitment: { field: 'commitment', message: '请选择材料和处理结果' },
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

export interface Actor {
  kind: 'applicant' | 'staff' | 'system';
  userId: string;
  name: string;
  role: string;
}

export interface LifecycleDeps {
  /** Organisations, for a transfer's target. */
  people: Pick<AuthStore, 'organisation'>;
  /** Opens the sealed applicant, for the holder of a licence a decision grants. */
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  /** The province's regions (the catalog's cache): where a licence the province issues is listed. */
  regions: () => Promise<Region[]>;
  now?: () => Date;
}

/** What else a step writes: the applicant's supplement replaces materials in the application. */
export interface TransitionExtra {
  application?: CaseApplication;
  materialStates?: CaseRecord['materialStates'];
  /** Further writes of the same transaction (the supplement clears its draft). */
  writes?: object[];
}

const completionDays = (stored: StoredCase) =>
  stored.guide.itemType === PUBLIC_SERVICE_TYPE ? 1 : Math.max(stored.guide.guide.promisedLimit.workingDays, 1);

export function conflict(latest: Pick<CaseRecord, 'status'>): AppError {
  return new AppError('CASE_VERSION_CONFLICT', `该办件已被他人处理，当前为“${CASE_STATUSES[latest.status].label}”，请刷新后再办理`);
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
      if (!material) issues.push({ path: `defects[${index}].materialId`, message: '该材料不在本办件所依据的办事指南中，不能要求补正；如确需增加，请由本单位清单编制人员在“工作台 › 清单维护”中修改办事指南，经审核发布后对新的申请生效' });
      else if (material.source !== 'applicant') issues.push({ path: `defects[${index}].materialId`, message: `“${material.name}”由电子证照获取，无需申请人补正` });
      else if (stored.application.commitments?.some((c) => c.materialId === material.id)) {
        // 告知承诺制: the applicant committed instead of submitting; doubts are checked afterwards, not asked for as a supplement.
        issues.push({ path: `defects[${index}].materialId`, message: `“${material.name}”已告知承诺，不能要求补正` });
      }
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

/** A false commitment can only be marked on a commitment this case's applicant confirmed. */
function falseCommitmentOf(stored: StoredCase, request: StaffActionRequest): NonNullable<EventRecord['commitment']> {
  const { materialId, consequence } = request.commitment!;
  if (!stored.application.commitments?.some((c) => c.materialId === materialId)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '该材料没有告知承诺', [{ path: 'commitment.materialId', message: '请选择已告知承诺的材料' }]);
  }
  return { materialId, consequence };
}

/** The statutory steps of a case, each one DynamoDB transaction. */
export function caseLifecycle(deps: LifecycleDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();

  /**
   * One transition, all or nothing: the case (only if still at the version the actor saw), its history
   * event, its audit entry, the document it issues, the events it announces and its reminders. Answers
   * the case as written, so callers need not read it again.
   */
  async function transition(stored: StoredCase, action: CaseTransition, actor: Actor, request: StaffActionRequest, extra: TransitionExtra = {}): Promise<StoredCase> {
    const definition: TransitionDefinition = CASE_TRANSITIONS[action];
    const { record } = stored;
    const at = now();
    const iso = at.toISOString();
    // The version first: whoever acted on an older view hears that someone else got there first.
    if (request.version !== record.version) throw conflict(record);
    // Handled in the national tourism supervision system: the record here follows it, nobody acts on it here.
    if (record.imported) throw new AppError('CASE_IMPORTED_READ_ONLY');
    const to = nextStatus(action, record.status);
    if (!to) throw new AppError('CASE_ACTION_NOT_ALLOWED', `办件当前为“${CASE_STATUSES[record.status].label}”，不能“${definition.label}”`);
    checkRequirements(definition, request);

    const calendar = await deps.calendar();
    const days = completionDays(stored);
    let next: CaseRecord = { ...record, status: to, version: record.version + 1, clock: applyClock(definition.clock, record.clock, at, calendar, days) };
    const events: NotificationEvent[] = [];
    let defects: { subject: string; reason: string; materialId?: string }[] | undefined;
    let eventDetail: Record<string, string> = {};

    if (action === 'request_supplement') {
      defects = defectsOf(stored, request);
      next.materialStates = Object.fromEntries(defects.filter((d) => d.materialId).map((d) => [d.materialId!, { state: 'needs_supplement' as const, reason: d.reason }]));
      eventDetail = { summary: defects.map((d) => d.subject).join('、') };
    }
    if (extra.materialStates) next.materialStates = extra.materialStates;
    const falseCommitment = action === 'mark_commitment_false' ? falseCommitmentOf(stored, request) : undefined;
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
    if (action === 'deliver') {
      eventDetail = { note: `${deliveryText(request.delivery!)}，欢迎评价` };
      next.deliveredAt = iso;
    }

    const base = { caseNumber: record.caseNumber, itemName: record.itemName, organisationCode: next.organisationCode, applicantUserId: record.submitterUserId, applicantDisplayName: record.applicantDisplayName };
    const eventType = EVENT_OF[action];
    if (eventType) events.push({ ...base, eventId: newEventId(), type: eventType, occurredAt: iso, ...(Object.keys(eventDetail).length ? { detail: eventDetail } : {}) });

    // Reminders follow the running deadline: replaced when it moves, removed when none runs any more,
    // left alone when the step does not change it.
    const before = activeDeadline(record.status, record.clock);
    const deadline = activeDeadline(next.status, next.clock);
    const unchanged = before && deadline && before.dueAt === deadline.dueAt && before.label === deadline.label && before.permission === deadline.permission && next.organisationCode === record.organisationCode;
    const timers: object[] = unchanged
      ? []
      : deadline
        ? reminderTimers(base, deadline.dueAt, { label: deadline.label, permission: deadline.permission }).map((timer) => timerPut(TableName, timer))
        : before
          ? [timerDelete(TableName, record.caseNumber, 'deadline')]
          : [];
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
      ...(falseCommitment ? { commitment: falseCommitment } : {}),
    };
    // A document number is issued in the step's own transaction, in its turn at the organisation's
    // counter (document-counter.ts): steps of other cases wait for their turns instead of competing, so
    // numbers stay unique and gap-free and staff working in parallel do not see each other. Only this
    // case's own version answers 409.
    let document: IssuedDocument | undefined;
    // The chain's head as last read: a booked visit appends to the chain without changing the version.
    let head = record.auditHead;
    const year = Number(iso.slice(0, 4));
    // The item decides which document a decision is (a filing receipt, a confirmation …), numbered in its own series.
    const documentKind = definition.document ? decisionDocumentKind(definition.document, stored.guide) : undefined;
    /** The document of this number, and for a licensing decision the licence it grants (numbered after it). */
    const compose = async (number: number) => {
      const granting = action === 'approve' || action === 'auto_approve';
      const granted = granting ? await grantedLicence({ stored, keys: deps.keys, serial: number, year, at: iso, actorId: actor.userId, regions: deps.regions }) : undefined;
      const documentNo = documentNumber(documentKind!, record.organisationName, year, number);
      // An accepted branch or outlet filing is recorded under its agency for the public registry.
      const filed = granting ? await filedOutlet({ stored, keys: deps.keys, at: iso, receiptNumber: documentNo }) : [];
      const issued = issueDocument(documentKind!, {
        record,
        request,
        number: documentNo,
        issuedAt: iso,
        ...(documentKind === definition.document ? {} : { basis: legalBasisText(stored.guide) }),
        ...(granted ? { licence: granted.summary } : {}),
        ...(defects ? { defects: defects.map(({ subject, reason }) => ({ subject, reason })) } : {}),
        ...(next.clock.completion?.dueAt ? { completionDueAt: next.clock.completion.dueAt, completionDays: days } : {}),
      });
      return { issued, writes: [...(granted?.writes ?? []), ...filed] };
    };
    /** Writes the step, with the document of `turn`'s number if it issues one; again after a visit took the audit entry's number. */
    const write = async (turn?: Turn) => {
      for (let attempt = 0; ; attempt += 1) {
        const composed = turn ? await compose(turn.number) : undefined;
        document = composed?.issued;
        const audit = chainEntry(head, { at: iso, actorId: actor.userId, actorRole: actor.role, action, from: record.status, to }, stepPayload({ event: history, document }));
        next.auditHead = { seq: audit.seq, hash: audit.hash };
        const items = [
          {
            Put: {
              TableName,
              Item: caseRecordItem(next),
              ConditionExpression: '#record.version = :version',
              ExpressionAttributeNames: { '#record': 'record' },
              ExpressionAttributeValues: { ':version': record.version },
            },
          },
          { Put: { TableName, Item: { pk: casePartition(record.caseNumber), sk: caseAuditSk(audit.seq), entity: 'CaseStep', step: { entry: audit, event: history, ...(document ? { document } : {}) } satisfies StepRecord }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...(turn ? [turn.update] : []),
          ...(composed?.writes ?? []),
          ...(extra.application ? [{ Put: { TableName, Item: caseFormItem(record.caseNumber, extra.application) } }] : []),
          ...events.map((event) => outboxPut(TableName, event)),
          ...timers,
          // The step reported upward (national 办件 layout), with it or not at all.
          reportPut(TableName, caseStepReport({ next, history, auditSeq: audit.seq, ...(document ? { document } : {}), ...(request.procedure ? { procedure: request.procedure } : {}), ...(request.delivery ? { delivery: request.delivery } : {}) })),
          ...(extra.writes ?? []),
        ];
        try {
          return await sendStep(db, items, turn);
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          // Another decision issued or re-issued this holder's licence of the kind meanwhile: compose
          // again, which now re-issues that licence, in the same turn.
          const licenceRows = composed?.writes.length ? items.indexOf(composed.writes[0]!) : -1;
          const licenceMoved = licenceRows >= 0 && reasons.some((r, i) => i >= licenceRows && i < licenceRows + composed!.writes.length && r.Code === 'ConditionalCheckFailed');
          if (licenceMoved && reasons[0]?.Code !== 'ConditionalCheckFailed' && attempt < MAX_CHAIN_ATTEMPTS) {
            logger.info('the holder\'s licence changed meanwhile; composing the decision again', { caseNumber: record.caseNumber });
            continue;
          }
          if (reasons[0]?.Code !== 'ConditionalCheckFailed' && reasons[1]?.Code !== 'ConditionalCheckFailed') throw error;
          const { Item } = await db.send(new GetCommand({ TableName, Key: { pk: casePartition(record.caseNumber), sk: 'META' }, ConsistentRead: true }));
          const latest = (Item?.record as CaseRecord | undefined) ?? record;
          // Only the audit entry's number was taken, by a step that leaves the version alone (a booked
          // visit): the case is as the actor saw it, so the step goes on after that entry.
          const chainMoved = reasons[0]?.Code !== 'ConditionalCheckFailed' && latest.version === record.version && latest.auditHead?.seq !== head?.seq;
          if (!chainMoved || attempt >= MAX_CHAIN_ATTEMPTS) throw conflict(latest);
          logger.info('audit entry number taken by a step that keeps the version; going on after it', { caseNumber: record.caseNumber, seq: latest.auditHead?.seq });
          head = latest.auditHead;
        }
      }
    };
    if (documentKind) await inTurn(db, TableName, counterKey(record.organisationCode, documentKind, year), write);
    else await write();
    logger.info('case transition', { caseNumber: record.caseNumber, action, from: record.status, to, actor: actor.kind });
    countTransition();
    return {
      ...stored,
      record: next,
      application: extra.application ?? stored.application,
      events: [...stored.events, history],
      documents: document ? [...stored.documents, renderDocument(document, record)] : stored.documents,
    };
  }

  return { transition };
}

export type CaseLifecycle = ReturnType<typeof caseLifecycle>;
