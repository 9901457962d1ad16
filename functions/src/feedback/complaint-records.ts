import {
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  FEEDBACK_CHANNELS,
  PROVINCE_REGION_CODE,
  type ComplaintAction,
  type ComplaintActionRequest,
  type ComplaintOutcome,
  type ComplaintRequest,
  type ComplaintStatus,
  type ComplaintSummary,
  type FeedbackChannel,
  type FieldIssue,
} from '@ah-tourism/shared';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import type { Sealed } from '../platform/crypto';
import { newestFirst } from './common';
import { complaintsPartition } from './keys';

/*
 * A tourism complaint as stored, and the rules that need nothing but the record: its index keys, where it
 * is routed, what each action requires and says, and its list entry.
 */

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
  amount?: number;
  /**
   * What happened and what the complainant asks for (投诉事由, 投诉请求), envelope-encrypted: people type
   * identity and mobile numbers into them. Read through `narrativeOf` (complaint-view.ts).
   */
  sealedNarrative?: Sealed;
  /** The same, in plain text, on complaints filed before narratives were sealed. */
  account?: string;
  request?: string;
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
