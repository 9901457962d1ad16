import type { ApprovalRule, CaseChannel, CommitmentConsequence, CaseDocument, CaseStatus, ImplementationItem, MaterialContentType, NotificationEvent, VisitBooking } from '@ah-tourism/shared';
import type { Sealed } from '../platform/crypto';
import type { IdempotentRequest } from '../platform/idempotency';
import type { AuditEntry } from './audit';
import type { RectificationTask, StoredEvaluation } from './feedback-records';
import type { Timer } from '../notifications/timers';

/**
 * The stored shapes of a case. The case is split by how often each part changes and who reads it:
 * `META` (this record) changes with every step and is what the lists and the staff inbox index, so it
 * stays small; `FORM` (the application) is written once at submission and only its materials change on
 * a supplement; the guide is not copied at all: the case names the immutable guide version it was
 * applied under. See keys.ts for the layout.
 */
export interface CaseRecord {
  caseNumber: string;
  status: CaseStatus;
  version: number;
  implementationCode: string;
  itemName: string;
  organisationName: string;
  /** Unified social credit code of the implementing organisation: whose staff handle the case. */
  organisationCode: string;
  regionCode: string;
  submitterUserId: string;
  applicantKind: 'person' | 'enterprise';
  applicantDisplayName: string;
  /** The published guide version the case was applied under (immutable; read through the guide cache). */
  guideVersion: number;
  submittedAt: string;
  /** Working-day clocks: the pre-review window and the promised completion time. */
  clock: CaseClock;
  /** Per-material pre-review state, once a staff member has reviewed. */
  materialStates?: Record<string, { state: 'needs_supplement' | 'resubmitted'; reason: string }>;
  /** The head of the case's hash-chained audit log. */
  auditHead?: { seq: number; hash: string };
  /** When its result was delivered: the case is closed (已办结) a fixed time later (closing.ts). */
  deliveredAt?: string;
  /** Where it was applied; absent: on the phone (`caseChannelOf`). */
  channel?: CaseChannel;
  /** A hall-window case (线上线下联合办理): the staff member who entered it, until and after the person claims it. */
  enteredBy?: { userId: string; name: string };
  /** A case handled in the national tourism supervision system and imported here (read-only; imports/). */
  imported?: { nationalCaseNumber: string; importId: string; importedAt: string };
}

/**
 * 告知承诺制: a material replaced by the applicant's commitment, as confirmed in the form. The text itself
 * is the guide version's (immutable, read with the case); its SM3 hash proves which text was confirmed.
 */
export interface CommitmentRecord {
  materialId: string;
  confirmedAt: string;
  /** Who confirmed: the signed-in user, and the applicant as the case names them. */
  confirmedBy: { userId: string; applicantName: string };
  guideVersion: number;
  textHash: string;
  algorithm: 'SM3';
  /** Entered at a hall window: the applicant signed in person, the staff member recorded it. */
  signedInPerson?: { staffUserId: string; staffName: string };
}

/** What the applicant submitted, kept apart from the record that every step rewrites. */
export interface CaseApplication {
  /** The full applicant (names, identity numbers, mobiles), envelope-encrypted. */
  sealedApplicant: Sealed;
  /** What the applicant's own page shows of them. */
  masked: { idNumber: string; mobile?: string; agentName?: string };
  fields: Record<string, unknown>;
  /** Every material in guide order: uploaded files or the licence that proves it. */
  materials: MaterialRecord[];
  /** What the item's smart-approval rules found at submission. */
  smartApproval?: SmartApproval;
  /** 告知承诺: the commitments confirmed instead of materials (never replaced by a supplement). */
  commitments?: CommitmentRecord[];
  /** The first history event, always read with the application. */
  submitted: EventRecord;
  /**
   * The hash of entry 1 of the case's audit chain, the submission, which the rest of this row determines
   * (audit.ts, `submissionEntry`); cases submitted before the chain began with it have none. It lives here
   * because the submission writes this row anyway, and a supplement, which replaces the row, carries it over.
   */
  auditHash?: string;
}

/** One of an item's smart-approval rules as checked at submission, with its evidence. */
export interface RuleResult {
  kind: ApprovalRule['kind'];
  label: string;
  passed: boolean;
  detail: string;
}

/** What the item's smart-approval rules found at submission (cases/smart-approval.ts). */
export interface SmartApproval {
  checkedAt: string;
  outcome: 'approved' | 'manual';
  rules: RuleResult[];
}

export interface CaseClock {
  preReview?: { startedAt: string; dueAt?: string; pausedAt?: string };
  completion?: { startedAt: string; dueAt?: string; pausedAt?: string; remainingWorkingDays?: number };
}

export interface StoredFile {
  index: number;
  key: string;
  fileName: string;
  size: number;
  contentType: MaterialContentType;
}

/**
 * What a file's upload verdict must still say when its case is written: accepted (the whole file sound),
 * uploaded by this owner, of this size and type. The case's transaction checks it, so a file is never
 * recorded on a verdict that changed after it was looked at, or on a declaration nobody looked at.
 */
export interface UploadProof {
  key: string;
  owner: string;
  size: number;
  contentType: MaterialContentType;
}

export interface MaterialRecord {
  /** Position in the guide, so the case lists materials as the guide does. */
  order?: number;
  materialId: string;
  name: string;
  source: 'applicant' | 'issued_licence';
  licenceName?: string;
  /**
   * For a material an issued licence proves (减证便民): a reference to that licence, resolved from the
   * applicant's licence wallet at submission ('awaiting_wallet' when the wallet does not hold it).
   */
  licence?: {
    name: string;
    issuer: string;
    status: 'awaiting_wallet' | 'verified';
    number?: string;
    /** Where the licence was found, and what it was at submission (only a valid licence is ever used). */
    source?: 'issued' | 'provincial';
    licenceId?: string;
    stateAtSubmission?: 'valid';
    validUntil?: string;
  };
  files: StoredFile[];
}

export interface EventRecord {
  at: string;
  seq: number;
  action: string;
  from: CaseStatus | null;
  to: CaseStatus;
  by: 'applicant' | 'staff' | 'system';
  actorId: string;
  actorName?: string;
  opinion?: string;
  /** A false commitment marked by staff: which material's, and the consequence recorded. */
  commitment?: { materialId: string; consequence: CommitmentConsequence };
}

/**
 * One step of the case after its submission (a staff action, the applicant's supplement or withdrawal,
 * a booked visit), as one row: the history event, its hash-chained audit entry and the document it
 * issued (so a step is one write, and a case page one Query).
 */
/**
 * A document as the step row keeps it: the facts it was composed from, not its text. The text follows
 * from these facts, the case's own fixed facts (applicant, item, submission time, case number) and the
 * wording of `template`, so a step row with a document stays within one 1 KB write unit (the text alone
 * is about 700 bytes of boilerplate per document). The audit chain hashes this form, which determines
 * the text. A change of wording is a new template version; the old one stays, so an issued document
 * reads the same forever.
 */
export interface IssuedDocument {
  kind: CaseDocument['kind'];
  template: 1;
  number: string;
  issuedAt: string;
  issuer: string;
  opinion?: string;
  reason?: string;
  legalRemedy?: string;
  completionDueAt?: string;
  completionDays?: number;
  defects?: { subject: string; reason: string }[];
  /** The legal basis quoted by documents that are not licensing decisions, from the case's guide version. */
  basis?: string;
  /** The electronic licence a licensing decision granted. */
  licence?: { licenceId: string; number: string; typeName: string };
}

export interface StepRecord {
  entry: AuditEntry;
  event: EventRecord;
  /** As issued (the facts it was composed from), or its text in rows written before that. */
  document?: IssuedDocument | CaseDocument;
}

/** What a case page shows: one Query of the case's view rows, plus the guide version from memory. */
export interface StoredCase {
  record: CaseRecord;
  application: CaseApplication;
  guide: ImplementationItem;
  /** The whole history, oldest first (the submission included). */
  events: EventRecord[];
  documents: CaseDocument[];
  /** The booked on-site visit of a negative-list item. */
  visit?: VisitBooking;
  /** 一事一评: the case's evaluation and, for a bad review, its rectification task. */
  evaluation?: StoredEvaluation;
  rectification?: RectificationTask;
}

export interface NewCase {
  record: CaseRecord;
  application: CaseApplication;
  /** Outbox events written with the case (see notifications/outbox.ts). */
  events: NotificationEvent[];
  /** Deadline reminders written with the case. */
  timers: Timer[];
  /** The submission's idempotency key, claimed in the same transaction (platform/idempotency.ts). */
  idempotency: Pick<IdempotentRequest, 'userId' | 'key' | 'operation' | 'requestHash'> & { ttlSeconds: number };
  /** The uploaded files recorded on their verdicts, each proven in the same transaction. */
  uploads: UploadProof[];
  /** Further rows written with the case (a hall-window case's claim row). */
  extra?: object[];
}

export type CreateResult = 'created' | 'idempotency_key_taken' | 'case_number_taken' | 'conflict';

export interface StoredDraft {
  implementationCode: string;
  itemName: string;
  sealedForm: Sealed;
  updatedAt: string;
  expiresAt: string;
}


/** History in the order it happened. */
export const byTime = (a: EventRecord, b: EventRecord) => (a.at === b.at ? a.seq - b.seq : a.at.localeCompare(b.at));
