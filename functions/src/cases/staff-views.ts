import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  caseChannelOf,
  commitmentTextHash,
  maskIdentityNumber,
  maskMobile,
  maskPersonalNumbers,
  staffActions,
  transitionLabel,
  type Applicant,
  type AuditVerification,
  type CaseStatus,
  type StaffCaseDetail,
  type StaffCaseSummary,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { currentStaff } from '../staff/service';
import { config } from '../platform/config';
import { unseal, type KeyProvider } from '../platform/crypto';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { submissionLink, verifyAuditTrail } from './audit';
import type { AnchorReader } from './audit-anchors';
import { activeDeadline, deadlineViews } from './clock';
import { commitmentViews, type StoredCommitmentView } from './commitments';
import { importedPartition, inboxPartition } from './keys';
import type { DownloadLinks } from './download-links';
import type { CaseRecord, StoredCase } from './records';
import type { CaseStore } from './store';

import type { StaffUser } from '../staff/service';
export type { StaffUser };

export interface StaffViewDeps {
  cases: CaseStore;
  people: AuthStore;
  keys: KeyProvider;
  calendar: () => Promise<WorkingCalendar>;
  files: DownloadLinks;
  /** The audit anchors (read only). */
  anchors: AnchorReader;
  now?: () => Date;
}

/** A case as staff lists show it: the running deadline, or while the applicant supplements or a special procedure runs the paused one. */
export function staffCaseSummary(record: CaseRecord, calendar: WorkingCalendar, now: Date): StaffCaseSummary {
  const active = activeDeadline(record.status, record.clock);
  const views = deadlineViews(record.clock, now, calendar);
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
    // Lists mark the cases that did not come from the phone (窗口, 全国旅游监管服务平台).
    ...(record.channel && record.channel !== 'miniapp' ? { channel: record.channel, channelLabel: CASE_CHANNELS[record.channel].label } : {}),
    ...(record.imported ? { nationalCaseNumber: record.imported.nationalCaseNumber } : {}),
  };
}

/** What staff see of cases: their organisation's inbox, a case with its legal actions, its audit chain. */
export function staffCaseViews(deps: StaffViewDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();

  /** The caller as staff, read from the table (a revoked binding stops working at once). */
  const staffOf = (caller: Caller): Promise<StaffUser> => currentStaff(deps.people, caller);

  /**
   * Staff see their own organisation's cases; provincial staff also see every other organisation's,
   * read-only (supervision). Anyone else gets the same 404 as for a case that does not exist.
   */
  async function visibleCase(user: StaffUser, caseNumber: string) {
    const stored = await deps.cases.getCase(caseNumber);
    if (!stored) throw new AppError('CASE_NOT_FOUND');
    const own = stored.record.organisationCode === user.staff.organisationCode;
    if (!own && user.staff.level !== 'province') throw new AppError('CASE_NOT_FOUND');
    return { stored, readOnly: !own };
  }

  async function staffDetail(user: StaffUser, stored: StoredCase, readOnly: boolean): Promise<StaffCaseDetail> {
    const calendar = await deps.calendar();
    const { record, application } = stored;
    const applicant = await unseal<Applicant>(deps.keys, application.sealedApplicant);
    const commitments = commitmentViews(stored);
    logger.info('case opened by staff', { caseNumber: record.caseNumber, staffId: user.staff.staffId });
    return {
      ...staffCaseSummary(record, calendar, now()),
      applicant: readOnly ? supervisedApplicant(applicant) : handledApplicant(applicant),
      fields: readOnly ? maskedFields(application.fields) : application.fields,
      conditions: stored.guide.guide.conditions,
      materials: stored.guide.guide.materials.map((material) => {
        const files = application.materials.find((m) => m.materialId === material.id);
        const state = record.materialStates?.[material.id];
        const promised = commitments.get(material.id);
        return {
          ...(promised ? { commitment: staffCommitment(promised) } : {}),
          materialId: material.id,
          name: material.name,
          source: material.source === 'issued_licence' ? ('issued_licence' as const) : ('applicant' as const),
          state: state?.state ?? ('submitted' as const),
          ...(state?.reason ? { reason: state.reason } : {}),
          files: (files?.files ?? []).map(({ index, fileName, size, contentType }) => ({ index, fileName, size, contentType })),
        };
      }),
      guideVersion: record.guideVersion,
      documents: stored.documents,
      history: stored.events.map((e) => ({ at: e.at, action: e.action, actionLabel: transitionLabel(e.action), from: e.from, to: e.to, by: e.by, ...(e.actorName ? { actorName: e.actorName } : {}), ...(e.opinion ? { opinion: e.opinion } : {}) })),
      deadlines: deadlineViews(record.clock, now(), calendar),
      // A false commitment can be marked only where the applicant committed instead of submitting.
      // An imported case is handled in the national system: here it is only shown.
      actions: readOnly || record.imported ? [] : staffActions(record.status, user.staff.permissions).filter((action) => action !== 'mark_commitment_false' || commitments.size > 0),
      readOnly,
      channel: caseChannelOf(record),
      channelLabel: CASE_CHANNELS[caseChannelOf(record)].label,
      ...(record.enteredBy ? { enteredBy: record.enteredBy.name, claimed: !record.submitterUserId.startsWith('unclaimed#') } : {}),
      ...(application.smartApproval ? { smartApproval: application.smartApproval } : {}),
      ...(stored.visit ? { visit: { startsAt: stored.visit.startsAt, endsAt: stored.visit.endsAt, place: stored.visit.place } } : {}),
    };
  }

  return {
    staffOf,
    visibleCase,
    staffDetail,

    /**
     * The organisation's open cases, soonest deadline first (GSI2 INBOX#<org>), with filters; or with
     * `source` its cases imported from the national tourism supervision system, newest first, finished ones
     * included (GSI2 IMPORTED#<org>).
     */
    async inbox(caller: Caller, query: { limit?: number; cursor?: string; status?: CaseStatus; item?: string; organisation?: string; source?: 'national_tourism_system' }) {
      const user = await staffOf(caller);
      const organisation = query.organisation ?? user.staff.organisationCode;
      if (organisation !== user.staff.organisationCode && user.staff.level !== 'province') throw new AppError('AUTH_FORBIDDEN');
      const limit = query.limit ?? 20;
      const partition = query.source ? importedPartition(organisation) : inboxPartition(organisation);
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
            ...(query.source ? { ScanIndexForward: false } : {}),
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
        items: items.map((record) => staffCaseSummary(record, calendar, now())),
        nextCursor: items.length >= limit && (startKey || lastKey) ? encodeCursor(lastKey!) : null,
        readOnly: organisation !== user.staff.organisationCode,
      };
    },

    async detail(caller: Caller, caseNumber: string): Promise<StaffCaseDetail> {
      const user = await staffOf(caller);
      const { stored, readOnly } = await visibleCase(user, caseNumber);
      return staffDetail(user, stored, readOnly);
    },

    /**
     * Recomputes the case's audit chain from the stored rows (the submission's entry in the application,
     * the steps' in their rows), compares every entry with its anchor, and reports the first problem.
     */
    async verifyAudit(caller: Caller, caseNumber: string): Promise<AuditVerification> {
      const user = await staffOf(caller);
      const { stored } = await visibleCase(user, caseNumber);
      const { application } = stored;
      const [steps, anchors] = await Promise.all([deps.cases.getAudit(caseNumber), deps.anchors.list(caseNumber)]);
      const { auditHash } = application;
      const submission = auditHash ? [submissionLink(caseNumber, { ...application, auditHash })] : [];
      return { caseNumber, ...verifyAuditTrail([...submission, ...steps], stored.record.auditHead, anchors, now()) };
    },

    /** A short-lived link to one file of a case the staff member may see. */
    async downloadLink(caller: Caller, caseNumber: string, materialId: string, index: number) {
      const user = await staffOf(caller);
      const { stored, readOnly } = await visibleCase(user, caseNumber);
      // The files are the applicant's own papers (identity cards among them): only the handlers open them.
      if (readOnly) throw new AppError('AUTH_FORBIDDEN', '省级监督可查看办件进度和脱敏信息，申请材料原件仅限承办单位查看');
      const file = stored.application.materials.find((m) => m.materialId === materialId)?.files.find((f) => f.index === index);
      if (!file) throw new AppError('CASE_NOT_FOUND', '未找到该材料文件');
      return { ...(await deps.files.downloadUrl(file.key, file.fileName)), fileName: file.fileName };
    },
  };
}

/** A commitment as staff see it: the signed text, its hash and whether the hash still matches, who confirmed it. */
function staffCommitment(view: StoredCommitmentView) {
  const { record, ...shown } = view;
  return { ...shown, confirmedByUserId: record.confirmedBy.userId, textMatches: !!shown.text && commitmentTextHash(shown.text) === record.textHash };
}

/** The applicant as the handling organisation sees them: in full, to process the case. */
function handledApplicant(applicant: Applicant): StaffCaseDetail['applicant'] {
  const person = applicant.kind === 'person' ? applicant.person : undefined;
  const enterprise = applicant.kind === 'enterprise' ? applicant.enterprise : undefined;
  return {
    kind: applicant.kind,
    name: person?.name ?? enterprise?.name ?? '',
    idNumber: person?.idNumber ?? enterprise?.creditCode ?? '',
    ...(person?.mobile ? { mobile: person.mobile } : {}),
    ...(applicant.agent ? { agentName: applicant.agent.name } : {}),
  };
}

/**
 * The applicant as provincial supervision sees them: enough to follow the case, not to identify a
 * person. An enterprise's name and credit code are public registrations and stay; a person's name,
 * identity number and mobile, and the agent's name, are masked.
 */
function supervisedApplicant(applicant: Applicant): StaffCaseDetail['applicant'] {
  const handled = handledApplicant(applicant);
  if (applicant.kind === 'person') {
    return { ...handled, name: maskPersonName(handled.name), idNumber: maskIdentityNumber(handled.idNumber), ...(handled.mobile ? { mobile: maskMobile(handled.mobile) } : {}) };
  }
  return { ...handled, ...(handled.agentName ? { agentName: maskPersonName(handled.agentName) } : {}) };
}

/** The application's fields for supervision: every identity or mobile number inside them masked. */
function maskedFields(fields: Record<string, unknown>): Record<string, unknown> {
  const mask = (value: unknown): unknown =>
    typeof value === 'string'
      ? maskPersonalNumbers(value)
      : Array.isArray(value)
        ? value.map(mask)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner)]))
          : value;
  return mask(fields) as Record<string, unknown>;
}

export type StaffCaseViews = ReturnType<typeof staffCaseViews>;
