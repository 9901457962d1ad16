import { randomBytes } from 'node:crypto';
import {
  CASE_TRANSITIONS,
  COMPLAINT_ITEM_BASIC_CODE,
  cstDay,
  appliesThroughAgent,
  applicationRequestSchema,
  commitmentProblems,
  COMMITMENT_HASH_ALGORITHM,
  applicationSchema,
  newCaseNumber,
  maskIdentityNumber,
  maskMobile,
  materialRequirement,
  type Applicant,
  type CaseDetail,
  type ImplementationItem,
  type Region,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { seal, type KeyProvider } from '../platform/crypto';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/http';
import { earlierResult, idempotentRequest, type IdempotencyCodes, type IdempotentRequest } from '../platform/idempotency';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { countSubmission } from '../platform/metrics';
import type { LicenceWallet, WalletHolder } from '../licences/wallet';
import { newEventId } from '../notifications/outbox';
import { PRE_REVIEW_WORKING_DAYS, dueAfter, reminderTimers } from '../notifications/timers';
import { caseDetail } from './applicant-views';
import { submissionEntry } from './audit';
import type { CaseLifecycle } from './lifecycle';
import { verdictsAfterProofs, verifyMaterials, type MaterialFiles, type UploadVerdict } from './materials';
import type { CaseApplication, CaseRecord, CommitmentRecord, EventRecord, SmartApproval, StoredCase } from './records';
import { checksLicences, evaluateRules } from './smart-approval';
import type { CaseStore } from './store';

/**
 * A walk-in application entered at a hall window on the person's behalf (线上线下联合办理): recorded with
 * the channel and the staff member, owned by nobody until the person claims it with the receipt's code.
 */
export interface HallIntake {
  staff: { userId: string; name: string };
  /** The staff member confirmed that the applicant signed the commitments in person (申请人已当面签署). */
  signedInPerson: boolean;
  /** The rows that let the person claim the case (hall-intake.ts), written in the case's transaction. */
  claimRows: (caseNumber: string, submittedAt: string) => Promise<object[]>;
}

/** Who a hall-window case belongs to until the person claims it: nobody's account (its own list partition). */
export const unclaimedOwner = (caseNumber: string) => `unclaimed#${caseNumber}`;

/** Submissions keep their own messages, which speak of an application. */
const SUBMISSION_CODES: IdempotencyCodes = { required: 'APPLY_IDEMPOTENCY_KEY_REQUIRED', reused: 'APPLY_IDEMPOTENCY_KEY_REUSED', inProgress: 'APPLY_SUBMISSION_IN_PROGRESS' };

export interface SubmissionDeps {
  cases: Pick<CaseStore, 'createCase' | 'getCase'>;
  /** The current published guide of an implementation entry. */
  guide: (implementationCode: string) => Promise<ImplementationItem | undefined>;
  /** The province's regions (from the catalog's per-container cache). */
  regions: () => Promise<Region[]>;
  /** The licence wallet (电子证照) of an enterprise or a person (licences/wallet.ts). */
  wallets: (holder: WalletHolder) => Promise<LicenceWallet | undefined>;
  /** Verdicts recorded at upload (read only for files the application does not declare), and the objects themselves for files without one. */
  files: MaterialFiles;
  keys: KeyProvider;
  draftTtlDays: number;
  /** The working-day calendar (official data plus administrator overrides). */
  calendar: () => Promise<WorkingCalendar>;
  /** Lifecycle transitions, for smart approval's decision and delivery. */
  lifecycle: () => Pick<CaseLifecycle, 'transition'>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Whose licence wallet (电子证照) an application needs, if any: the enterprise by its credit code, or
 * the person by ID number (and, applying for themselves, the licences this system issued to their
 * account). Only a material proven by a licence, or an approval rule that checks one, reads it.
 */
function walletHolder(item: ImplementationItem, applicant: Applicant, caller: Caller): WalletHolder | undefined {
  const throughAgent = appliesThroughAgent(applicant);
  const needed = item.guide.materials.some((material) => materialRequirement(material, throughAgent) === 'from_licence') || checksLicences(item);
  if (!needed) return undefined;
  if (applicant.kind === 'enterprise') return { kind: 'enterprise', creditCode: applicant.enterprise.creditCode };
  return { kind: 'person', idNumber: applicant.person.idNumber, ...(throughAgent ? {} : { userId: caller.userId }) };
}

/**
 * What the idempotency key's hash covers: the body without the files' declared type and size, which
 * only spare reading their verdicts, so a retry of the same draft sent by an older or newer app still
 * matches (and a body without them hashes as it always did).
 */
export function hashedContent(body: unknown): unknown {
  const materials = (body as { materials?: unknown } | null)?.materials;
  if (!materials || typeof materials !== 'object' || Array.isArray(materials)) return body;
  const undeclared = (file: unknown) => {
    if (!file || typeof file !== 'object' || Array.isArray(file)) return file;
    const { contentType: _type, size: _size, ...rest } = file as Record<string, unknown>;
    return rest;
  };
  return { ...(body as object), materials: Object.fromEntries(Object.entries(materials).map(([id, files]) => [id, Array.isArray(files) ? files.map(undeclared) : files])) };
}

/**
 * Applying online, exactly once per idempotency key. Nothing is read that the transaction's own
 * conditions can answer: a replayed key is found by the transaction failing on the key record, and
 * uploaded files the application declares are proven by their verdicts in the same transaction; only
 * when a condition fails is anything read. The wallet, when needed, is read while the rest is prepared.
 * The answer is built from what was written.
 */
export function caseSubmission(deps: SubmissionDeps) {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  /** Only items with approval rules need the region's name (the catalog keeps the regions in memory). */
  const regionNameOf = async (code: string) => (await deps.regions()).find((r) => r.code === code)?.name ?? '';

  /** The case an earlier request with this key created, if the key was used with this very body. */
  async function replay(request: IdempotentRequest): Promise<StoredCase | undefined> {
    const existing = await earlierResult<{ caseNumber: string }>(request);
    if (!existing) return undefined;
    const found = await deps.cases.getCase(existing.caseNumber);
    // The one who sent it: the applicant, or for a hall-window case the staff member who entered it.
    const sender = found?.record.enteredBy?.userId ?? found?.record.submitterUserId;
    if (!found || sender !== request.userId) throw new AppError('CASE_NOT_FOUND');
    return found;
  }

  /** Refused now; but a late retry of a request that already made its case gets that case. */
  async function unlessReplayed(error: unknown, request: IdempotentRequest): Promise<{ created: false; stored: StoredCase }> {
    if (error instanceof AppError && error.status < 500) {
      const previous = await replay(request);
      if (previous) return { created: false, stored: previous };
    }
    throw error;
  }

  /**
   * Smart approval: every rule passed, so the system accepts and approves at once (recorded with the
   * rules it checked) and delivers the decision electronically. Should it fail here, the case simply
   * stays in pre-review for a person.
   */
  async function approveAtOnce(created: StoredCase, smartApproval: SmartApproval): Promise<StoredCase> {
    const system = { kind: 'system' as const, userId: 'system', name: '智慧审批', role: 'system' };
    const opinion = `智慧审批：${smartApproval.rules.map((r) => `${r.label}（${r.detail}）`).join('；')}`;
    try {
      const approved = await deps.lifecycle().transition(created, 'auto_approve', system, { action: 'auto_approve', version: created.record.version, opinion });
      return await deps.lifecycle().transition(approved, 'deliver', system, { action: 'deliver', version: approved.record.version, delivery: { method: 'electronic' } });
    } catch (error) {
      logger.warn('smart approval could not finish; left to staff', { caseNumber: created.record.caseNumber, error: (error as Error).message });
      return (await deps.cases.getCase(created.record.caseNumber)) ?? created;
    }
  }

  return {
    async submit(caller: Caller, idempotencyKey: string | undefined, body: unknown): Promise<{ created: boolean; case: CaseDetail }> {
      const { created, stored } = await submitCase(caller, idempotencyKey, body);
      return { created, case: caseDetail(stored, caller.userId, await deps.calendar(), now()) };
    },
    /** A hall window's entry of a walk-in application (the caller is the staff member, checked by the caller of this). */
    async enter(caller: Caller, idempotencyKey: string | undefined, body: unknown, intake: HallIntake): Promise<{ created: boolean; stored: StoredCase }> {
      return submitCase(caller, idempotencyKey, body, intake);
    },
  };

  async function submitCase(caller: Caller, idempotencyKey: string | undefined, body: unknown, intake?: HallIntake): Promise<{ created: boolean; stored: StoredCase }> {
    {
      // The body alone is hashed (less the files' declarations), as before the key records were shared, so
      // keys already kept in drafts still match.
      const once = idempotentRequest(caller.userId, idempotencyKey, intake ? 'hall_intake' : 'case_submission', hashedContent(body), SUBMISSION_CODES);
      const envelope = parseInput(applicationRequestSchema, body);
      const [item, calendar] = await Promise.all([deps.guide(envelope.implementationCode), deps.calendar()]);
      // Started as soon as the guide tells whether it is needed; awaited only where licences are resolved.
      const holder = item && walletHolder(item, envelope.applicant, caller);
      const wallet = holder ? deps.wallets(holder) : Promise.resolve(undefined);
      wallet.catch(() => undefined);
      let prepared: Awaited<ReturnType<typeof prepare>>;
      try {
        if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
        // One complaint path: a tourism complaint goes through the complaint flow, not the application form.
        if (item.basicCode === COMPLAINT_ITEM_BASIC_CODE) {
          throw new AppError('COMMON_VALIDATION_FAILED', '旅游投诉请通过“我要投诉”提交', [{ path: 'implementationCode', message: '旅游投诉请通过“我要投诉”提交' }]);
        }
        // Commitments are checked first, with their own code: one the guide does not allow, or a text other than this version's.
        const problems = commitmentProblems(item, envelope.commitments);
        if (problems.length) throw new AppError('APPLY_COMMITMENT_INVALID', undefined, problems);
        if (intake && Object.keys(envelope.commitments ?? {}).length && !intake.signedInPerson) {
          throw new AppError('APPLY_COMMITMENT_NOT_SIGNED', undefined, [{ path: 'signedInPerson', message: '须由申请人当面签署后勾选“申请人已当面签署”' }]);
        }
        prepared = await prepare(item, wallet);
      } catch (error) {
        return unlessReplayed(error, once);
      }
      const { record: baseRecord } = prepared;

      const submittedAt = baseRecord.submittedAt;
      const preReviewDueAt = dueAfter(calendar, submittedAt, PRE_REVIEW_WORKING_DAYS);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const caseNumber = newCaseNumber(submittedAt, baseRecord.regionCode, randomBytes(5));
        // The submission is entry 1 of the audit chain, written with the application in the same row.
        const entry = submissionEntry(caseNumber, prepared.application);
        const application: CaseApplication = { ...prepared.application, auditHash: entry.hash };
        const owner = intake ? unclaimedOwner(caseNumber) : caller.userId;
        const record: CaseRecord = {
          ...baseRecord,
          caseNumber,
          submitterUserId: owner,
          clock: { preReview: { startedAt: submittedAt, dueAt: preReviewDueAt } },
          auditHead: { seq: entry.seq, hash: entry.hash },
          ...(intake ? { channel: 'hall_window' as const, enteredBy: intake.staff } : {}),
        };
        const notice = {
          caseNumber,
          itemName: record.itemName,
          organisationCode: record.organisationCode,
          applicantUserId: owner,
          applicantDisplayName: record.applicantDisplayName,
        };
        const result = await deps.cases.createCase({
          record,
          application,
          // Staff of the organisation hear of the new case, the applicant gets it in 消息.
          events: [{ ...notice, eventId: newEventId(), type: 'case_submitted', occurredAt: submittedAt }],
          timers: reminderTimers(notice, preReviewDueAt, { label: '预审', permission: 'pre_review' }),
          // As long as a draft (which carries the key) can live, so a late retry still finds its case.
          idempotency: { ...once, ttlSeconds: deps.draftTtlDays * 86_400 },
          uploads: prepared.proofs,
          ...(intake ? { extra: await intake.claimRows(caseNumber, submittedAt) } : {}),
        });
        if (result === 'created') {
          countSubmission();
          let created: StoredCase = { record, application, guide: item!, events: [application.submitted], documents: [] };
          if (prepared.smartApproval?.outcome === 'approved') created = await approveAtOnce(created, prepared.smartApproval);
          return { created: true, stored: created };
        }
        if (result === 'case_number_taken') continue;
        if (typeof result === 'object') {
          // Files whose verdicts do not say what was declared (none yet, refused, another size or type) are
          // checked as before: on the verdict the check returned, or by inspecting the file. Then again.
          try {
            prepared = await prepared.recheck(verdictsAfterProofs(prepared.proofs, result.refuted));
          } catch (error) {
            return unlessReplayed(error, once);
          }
          continue;
        }
        // The key is taken: by an earlier request (a retry) or one still running. Answer with its case.
        for (let wait = 0; wait < 20; wait += 1) {
          const done = await replay(once);
          if (done) return { created: false, stored: done };
          await sleep(50 + wait * 25);
        }
        throw new AppError('APPLY_SUBMISSION_IN_PROGRESS');
      }
      throw new Error('Could not write the case in five attempts');

      /**
       * Validates the whole application against the guide and checks every material; nothing is written.
       * `recheck` gives the same application with the files a transaction refuted checked again.
       */
      async function prepare(guide: ImplementationItem, held: Promise<LicenceWallet | undefined>) {
        const parsed = parseInput(applicationSchema(guide), body);
        const { applicant } = parsed;
        const person = applicant.kind === 'person' ? applicant.person : undefined;
        const enterprise = applicant.kind === 'enterprise' ? applicant.enterprise : undefined;
        const at = now();
        // The licence validity is a China calendar day.
        const today = cstDay(at);
        const [checked, regionName, sealedApplicant] = await Promise.all([
          verifyMaterials(deps.files, caller, guide, parsed, held, today),
          guide.guide.approvalRules ? regionNameOf(guide.regionCode) : Promise.resolve(''),
          seal(deps.keys, applicant),
        ]);
        const wallet = await held;
        const submittedAt = at.toISOString();
        const record: Omit<CaseRecord, 'caseNumber' | 'clock'> = {
          status: CASE_TRANSITIONS.submit.to,
          version: 1,
          implementationCode: guide.implementationCode,
          itemName: guide.name,
          organisationName: guide.organisation.name,
          organisationCode: guide.organisation.creditCode,
          regionCode: guide.regionCode,
          submitterUserId: caller.userId,
          applicantKind: applicant.kind,
          applicantDisplayName: person ? maskPersonName(person.name) : (enterprise?.name ?? ''),
          guideVersion: guide.version,
          submittedAt,
        };
        const submitted: EventRecord = {
          at: submittedAt,
          seq: 0,
          action: 'submit',
          from: null,
          to: record.status,
          by: intake ? 'staff' : 'applicant',
          actorId: caller.userId,
          ...(intake ? { actorName: intake.staff.name } : {}),
        };
        // 告知承诺: each confirmed commitment with its time, who confirmed it and the hash of the text (checked above).
        const commitments: CommitmentRecord[] = Object.entries(parsed.commitments ?? {}).map(([materialId, { textHash }]) => ({
          materialId,
          confirmedAt: submittedAt,
          confirmedBy: { userId: caller.userId, applicantName: record.applicantDisplayName },
          guideVersion: guide.version,
          textHash,
          algorithm: COMMITMENT_HASH_ALGORITHM,
          ...(intake ? { signedInPerson: { staffUserId: intake.staff.userId, staffName: intake.staff.name } } : {}),
        }));
        const masked = {
          idNumber: maskIdentityNumber(person ? person.idNumber : (enterprise?.creditCode ?? '')),
          ...(person ? { mobile: maskMobile(person.mobile) } : {}),
          ...(applicant.agent ? { agentName: maskPersonName(applicant.agent.name) } : {}),
        };
        const withMaterials = ({ materials, proofs }: Awaited<ReturnType<typeof verifyMaterials>>) => {
          const smartApproval = evaluateRules({ item: guide, fields: parsed.fields, wallet, materials, regionName, now: at });
          const application: CaseApplication = {
            sealedApplicant,
            masked,
            fields: parsed.fields,
            materials,
            ...(smartApproval ? { smartApproval } : {}),
            ...(commitments.length ? { commitments } : {}),
            submitted,
          };
          return { record, application, smartApproval, proofs, recheck };
        };
        const recheck = async (seen: Map<string, UploadVerdict>) => withMaterials(await verifyMaterials(deps.files, caller, guide, parsed, held, today, seen));
        return withMaterials(checked);
      }
    }
  }
}

export type CaseSubmission = ReturnType<typeof caseSubmission>;
