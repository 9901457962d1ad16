import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  transitionLabel,
  MATERIAL_TYPES,
  MAX_MATERIAL_BYTES,
  applicationRequestSchema,
  applicationSchema,
  formatCaseNumber,
  materialRequirement,
  appliesThroughAgent,
  maskIdentityNumber,
  maskMobile,
  type Application,
  type CaseDetail,
  type CaseSummary,
  type DraftSummary,
  type Draft,
  type FieldIssue,
  type ImplementationItem,
  type UploadRequest,
  type UploadTicket,
} from '@ah-tourism/shared';
import type { Caller } from '../platform/caller';
import { applicantActions, bookVisitRequestSchema, resubmitRequestSchema, withdrawRequestSchema, type WorkingCalendar } from '@ah-tourism/shared';
import type { WorkbenchService } from '../workbench/service';
import { evaluateRules, type SmartApproval } from '../workbench/smart-approval';
import { validLicence, type LicenceWallet } from '../licences/wallet';
import { logger } from '../platform/logger';
import { deadlineViews } from '../workbench/clock';
import { newEventId } from '../notifications/outbox';
import { PRE_REVIEW_WORKING_DAYS, dueAfter, reminderTimers } from '../notifications/timers';
import { seal, unseal, type KeyProvider } from '../platform/crypto';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/http';
import type { CatalogStore } from '../catalog/store';
import type { Region } from '@ah-tourism/shared';
import { sniffMaterialType } from './file-type';
import { casePartition, uploadPrefix } from './keys';
import { canBook, visitRequired, visitService } from './visits';
import type { MaterialStorage } from './material-storage';
import type { CaseRecord, CaseStore, EventRecord, MaterialRecord, StoredFile } from './store';
import { caseEvaluable, evaluationState } from '../feedback/records';
import { config } from '../platform/config';
import { maskPersonName } from '../platform/masking';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export interface CaseServiceDeps {
  cases: CaseStore;
  catalog: Pick<CatalogStore, 'getGuide' | 'listRegions'>;
  /** The licence wallet (电子证照) of an enterprise, by credit code. */
  wallets: (creditCode: string) => Promise<LicenceWallet | undefined>;
  files: MaterialStorage;
  keys: KeyProvider;
  draftTtlDays: number;
  /** The working-day calendar (official data plus administrator overrides). */
  calendar: () => Promise<WorkingCalendar>;
  /** Lifecycle transitions (the applicant's: resubmit, withdraw). */
  lifecycle: () => Pick<WorkbenchService, 'transition'>;
  tableName: string;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** Stable hash of a request body, so a reused idempotency key with another body is recognised. */
export function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('base64url');
}


/** A material an issued licence proves: verified when the applicant's wallet holds it and it is valid. */
function resolvedLicence(name: string, issuer: string, wallet: LicenceWallet | undefined, today: string): NonNullable<MaterialRecord['licence']> {
  const held = validLicence(wallet, name, today);
  return held ? { name, issuer: held.issuer, status: 'verified', number: held.number } : { name, issuer, status: 'awaiting_wallet' };
}

export function caseService(deps: CaseServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const visits = visitService({ calendar: deps.calendar, now });
  /** The province's regions hardly ever change: read once per container, and only for items with rules. */
  let regions: Promise<Region[]> | undefined;
  const regionNameOf = async (code: string) => {
    regions ??= deps.catalog.listRegions().catch((error: unknown) => {
      regions = undefined;
      throw error;
    });
    return (await regions).find((r) => r.code === code)?.name ?? '';
  };

  async function guideFor(implementationCode: string): Promise<ImplementationItem> {
    const item = await deps.catalog.getGuide(implementationCode);
    if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
    return item;
  }

  /** Checks one material's uploaded files: the caller's own, present, non-empty, within the cap, really PDF/JPG/PNG. */
  async function checkUploads(
    caller: Caller,
    material: { id: string; name: string },
    files: { key: string; fileName: string }[],
    seen: Set<string>,
    issues: FieldIssue[],
  ): Promise<StoredFile[]> {
    const stored: StoredFile[] = [];
    await Promise.all(
      files.map(async (file, index) => {
        const path = `materials.${material.id}[${index}]`;
        const problem = (message: string) => issues.push({ path, message: `“${material.name}”${message}` });
        if (!file.key.startsWith(uploadPrefix(caller.userId)) || seen.has(file.key)) return problem('的文件无效，请重新上传');
        seen.add(file.key);
        const found = await deps.files.inspect(file.key);
        if (!found) return problem('的文件未上传成功，请重新上传');
        if (found.size === 0) return problem('的文件是空的，请重新上传');
        if (found.size > MAX_MATERIAL_BYTES) return problem(`的文件超过${MAX_MATERIAL_BYTES / 1024 / 1024}MB，请压缩后重新上传`);
        const type = sniffMaterialType(found.head);
        if (!type || !MATERIAL_TYPES.includes(type)) return problem('不是有效的 PDF、JPG 或 PNG 文件，请重新上传');
        stored.push({ index, key: file.key, fileName: file.fileName, size: found.size, contentType: type });
      }),
    );
    return stored.sort((a, b) => a.index - b.index);
  }

  /** Checks every uploaded file really exists, is the owner's, non-empty, within the cap and of an allowed type. */
  async function verifyMaterials(caller: Caller, item: ImplementationItem, application: Application, wallet: LicenceWallet | undefined): Promise<MaterialRecord[]> {
    const today = now().toISOString().slice(0, 10);
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    const throughAgent = appliesThroughAgent(application.applicant);
    const records: MaterialRecord[] = [];
    for (const [order, material] of item.guide.materials.entries()) {
      const requirement = materialRequirement(material, throughAgent);
      if (requirement === 'from_licence') {
        records.push({
          order,
          materialId: material.id,
          name: material.name,
          source: 'issued_licence',
          licenceName: material.licenceName,
          licence: resolvedLicence(material.licenceName ?? material.name, material.issuer ?? '', wallet, today),
          files: [],
        });
        continue;
      }
      const stored = await checkUploads(caller, material, application.materials[material.id] ?? [], seen, issues);
      if (stored.length) {
        records.push({ order, materialId: material.id, name: material.name, source: 'applicant', files: stored });
      }
    }
    if (issues.length) throw new AppError('APPLY_MATERIAL_INVALID', undefined, issues);
    return records;
  }

  async function replay(userId: string, key: string, hash: string): Promise<CaseDetail | undefined> {
    const existing = await deps.cases.getIdempotency(userId, key);
    if (!existing) return undefined;
    if (existing.requestHash !== hash) throw new AppError('APPLY_IDEMPOTENCY_KEY_REUSED');
    return detail(userId, existing.caseNumber);
  }

  async function detail(userId: string, caseNumber: string): Promise<CaseDetail> {
    const found = await deps.cases.getCase(caseNumber);
    // Someone else's case is indistinguishable from no case at all.
    if (!found || found.record.submitterUserId !== userId) throw new AppError('CASE_NOT_FOUND');
    const { record, materials, events } = found;
    const calendar = await deps.calendar();
    const reopened = Object.entries(record.materialStates ?? {}).filter(([, m]) => m.state === 'needs_supplement').map(([id]) => id);
    const notice = [...found.documents].reverse().find((d) => d.kind === 'supplement_notice');
    return {
      ...summary(record),
      applicant: {
        kind: record.applicantKind,
        name: record.applicantDisplayName,
        idNumberMasked: record.idNumberMasked,
        ...(record.mobileMasked ? { mobileMasked: record.mobileMasked } : {}),
        ...(record.agentName ? { agentName: record.agentName } : {}),
      },
      fields: record.fields,
      materials: materials.sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((m) => ({
        materialId: m.materialId,
        name: m.name,
        source: m.source,
        ...(m.licenceName ? { licenceName: m.licenceName } : {}),
        ...(m.licence ? { licence: m.licence } : {}),
        files: m.files.map(({ index, fileName, size, contentType }) => ({ index, fileName, size, contentType })),
      })),
      guideVersion: record.guideVersion,
      history: events
        .sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at.localeCompare(b.at)))
        .map((e) => ({ at: e.at, action: e.action, actionLabel: transitionLabel(e.action), to: e.to, by: e.by })),
      version: record.version,
      statusHint: record.status === 'delivered' && found.evaluation ? '决定文书已送达，感谢您的评价' : CASE_STATUSES[record.status].applicantHint,
      documents: [...found.documents].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
      deadlines: deadlineViews(record.clock, now(), calendar),
      ...(record.status === 'supplement_requested' ? { supplement: { materialIds: reopened, ...(notice ? { noticeNumber: notice.number } : {}) } } : {}),
      actions: applicantActions(record.status),
      ...(visitRequired(found)
        ? { visit: { required: true, ...(found.guide.guide.negativeList.reason ? { reason: found.guide.guide.negativeList.reason } : {}), canBook: canBook(found), ...(found.visit ? { booking: found.visit } : {}) } }
        : {}),
      evaluation: evaluationState(
        { evaluable: caseEvaluable(record.status, config().feedback.evaluateFromAcceptance), ownerUserId: record.submitterUserId },
        userId,
        found.evaluation,
        found.rectification,
      ),
    };
  }

  /**
   * Smart approval: every rule passed, so the system accepts and approves at once (recorded with the
   * rules it checked) and delivers the decision electronically. Should it fail here, the case simply
   * stays in pre-review for a person.
   */
  async function approveAtOnce(caseNumber: string, smartApproval: SmartApproval): Promise<void> {
    const system = { kind: 'system' as const, userId: 'system', name: '智慧审批', role: 'system' };
    const opinion = `智慧审批：${smartApproval.rules.map((r) => `${r.label}（${r.detail}）`).join('；')}`;
    try {
      const created = (await deps.cases.getCase(caseNumber))!;
      await deps.lifecycle().transition(created, 'auto_approve', system, { action: 'auto_approve', version: created.record.version, opinion });
      const approved = (await deps.cases.getCase(caseNumber))!;
      await deps.lifecycle().transition(approved, 'deliver', system, { action: 'deliver', version: approved.record.version, delivery: { method: 'electronic' } });
    } catch (error) {
      logger.warn('smart approval could not finish; left to staff', { caseNumber, error: (error as Error).message });
    }
  }

  /** The applicant's own case, for an action on it (someone else's is not found). */
  async function ownCase(caller: Caller, caseNumber: string) {
    const found = await deps.cases.getCase(caseNumber);
    if (!found || found.record.submitterUserId !== caller.userId) throw new AppError('CASE_NOT_FOUND');
    return found;
  }

  const applicantActor = (caller: Caller) => ({ kind: 'applicant' as const, userId: caller.userId, name: '申请人', role: 'applicant' });

  function summary(record: CaseRecord): CaseSummary {
    return {
      caseNumber: record.caseNumber,
      implementationCode: record.implementationCode,
      itemName: record.itemName,
      organisationName: record.organisationName,
      status: record.status,
      statusLabel: CASE_STATUSES[record.status].label,
      applicantName: record.applicantDisplayName,
      submittedAt: record.submittedAt,
    };
  }

  return {
    detail,

    /**
     * Supplement after a one-time notice: new files for exactly the materials it named, all of them, and
     * nothing else. The case returns to pre-review with a fresh 5-working-day window.
     */
    async resubmit(caller: Caller, caseNumber: string, body: unknown): Promise<CaseDetail> {
      const request = parseInput(resubmitRequestSchema, body);
      const found = await ownCase(caller, caseNumber);
      const { record } = found;
      if (record.status !== 'supplement_requested') throw new AppError('CASE_ACTION_NOT_ALLOWED', '办件当前不需要补正材料');
      const reopened = Object.entries(record.materialStates ?? {}).filter(([, m]) => m.state === 'needs_supplement').map(([id]) => id);
      const issues: FieldIssue[] = [];
      for (const id of Object.keys(request.materials)) if (!reopened.includes(id)) issues.push({ path: `materials.${id}`, message: '该材料无需补正，请只上传告知书列出的材料' });
      for (const id of reopened) {
        if (!request.materials[id]) issues.push({ path: `materials.${id}`, message: `请补正“${found.guide.guide.materials.find((m) => m.id === id)?.name ?? id}”` });
      }
      if (issues.length) throw new AppError('APPLY_MATERIAL_INVALID', undefined, issues);
      const seen = new Set<string>();
      const writes: object[] = [];
      for (const id of reopened) {
        const material = found.guide.guide.materials.find((m) => m.id === id)!;
        const files = await checkUploads(caller, material, request.materials[id]!, seen, issues);
        const order = found.guide.guide.materials.indexOf(material);
        const replaced: MaterialRecord = { order, materialId: id, name: material.name, source: 'applicant', files };
        writes.push({ Put: { TableName: deps.tableName, Item: { pk: casePartition(caseNumber), sk: `MATERIAL#${id}`, entity: 'CaseMaterial', material: replaced } } });
      }
      if (issues.length) throw new AppError('APPLY_MATERIAL_INVALID', undefined, issues);
      const states = Object.fromEntries(reopened.map((id) => [id, { state: 'resubmitted' as const, reason: record.materialStates![id]!.reason }]));
      await deps.lifecycle().transition(found, 'resubmit', applicantActor(caller), { action: 'resubmit', version: request.version }, { materialWrites: writes, materialStates: states });
      return detail(caller.userId, caseNumber);
    },

    /** Slots the hall offers for the one on-site visit of a negative-list item. */
    async visitSlots(caller: Caller, caseNumber: string) {
      const found = await ownCase(caller, caseNumber);
      return visits.slots(found, found.visit);
    },

    async bookVisit(caller: Caller, caseNumber: string, body: unknown) {
      const { slotId } = parseInput(bookVisitRequestSchema, body);
      const found = await ownCase(caller, caseNumber);
      return visits.book(caller, found, found.visit, slotId);
    },

    async withdraw(caller: Caller, caseNumber: string, body: unknown): Promise<CaseDetail> {
      const request = parseInput(withdrawRequestSchema, body);
      const found = await ownCase(caller, caseNumber);
      await deps.lifecycle().transition(found, 'withdraw', applicantActor(caller), { action: 'withdraw', version: request.version, reason: request.reason });
      return detail(caller.userId, caseNumber);
    },

    async submit(caller: Caller, idempotencyKey: string | undefined, body: unknown): Promise<{ created: boolean; case: CaseDetail }> {
      if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) throw new AppError('APPLY_IDEMPOTENCY_KEY_REQUIRED');
      const hash = requestHash(body);
      const previous = await replay(caller.userId, idempotencyKey, hash);
      if (previous) return { created: false, case: previous };

      const envelope = parseInput(applicationRequestSchema, body);
      const item = await guideFor(envelope.implementationCode);
      const application = parseInput(applicationSchema(item), body);
      const wallet = application.applicant.kind === 'enterprise' ? await deps.wallets(application.applicant.enterprise.creditCode) : undefined;
      const materials = await verifyMaterials(caller, item, application, wallet);
      const regionName = item.guide.approvalRules ? await regionNameOf(item.regionCode) : '';
      const smartApproval = evaluateRules({ item, fields: application.fields, wallet, materials, regionName, now: now() });

      const submittedAt = now().toISOString();
      const { applicant } = application;
      const person = applicant.kind === 'person' ? applicant.person : undefined;
      const enterprise = applicant.kind === 'enterprise' ? applicant.enterprise : undefined;
      const baseRecord = {
        status: CASE_TRANSITIONS.submit.to,
        version: 1,
        implementationCode: item.implementationCode,
        itemName: item.name,
        organisationName: item.organisation.name,
        organisationCode: item.organisation.creditCode,
        regionCode: item.regionCode,
        submitterUserId: caller.userId,
        applicantKind: applicant.kind,
        applicantDisplayName: person ? maskPersonName(person.name) : (enterprise?.name ?? ''),
        idNumberMasked: maskIdentityNumber(person ? person.idNumber : (enterprise?.creditCode ?? '')),
        ...(person ? { mobileMasked: maskMobile(person.mobile) } : {}),
        ...(applicant.agent ? { agentName: maskPersonName(applicant.agent.name) } : {}),
        sealedApplicant: await seal(deps.keys, applicant),
        fields: application.fields,
        guideVersion: item.version,
        submittedAt,
        ...(smartApproval ? { smartApproval } : {}),
      } satisfies Omit<CaseRecord, 'caseNumber' | 'clock'>;
      const event: EventRecord = { at: submittedAt, seq: 0, action: 'submit', from: null, to: baseRecord.status, by: 'applicant', actorId: caller.userId };

      const preReviewDueAt = dueAfter(await deps.calendar(), submittedAt, PRE_REVIEW_WORKING_DAYS);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const caseNumber = formatCaseNumber(submittedAt.slice(0, 10), item.regionCode, randomBytes(5));
        const notice = {
          caseNumber,
          itemName: item.name,
          organisationCode: item.organisation.creditCode,
          applicantUserId: caller.userId,
          applicantDisplayName: baseRecord.applicantDisplayName,
        };
        const result = await deps.cases.createCase({
          record: { ...baseRecord, caseNumber, clock: { preReview: { startedAt: submittedAt, dueAt: preReviewDueAt } } },
          // Staff of the organisation hear of the new case, the applicant gets it in 消息.
          events: [{ ...notice, eventId: newEventId(), type: 'case_submitted', occurredAt: submittedAt }],
          timers: reminderTimers(notice, preReviewDueAt, { label: '预审', permission: 'pre_review' }),
          guide: item,
          materials,
          event,
          // As long as a draft (which carries the key) can live, so a late retry still finds its case.
          idempotency: { userId: caller.userId, key: idempotencyKey, requestHash: hash, ttlSeconds: deps.draftTtlDays * 86_400 },
        });
        if (result === 'created') {
          if (smartApproval?.outcome === 'approved') await approveAtOnce(caseNumber, smartApproval);
          return { created: true, case: await detail(caller.userId, caseNumber) };
        }
        if (result === 'case_number_taken') continue;
        // The same key is being (or has been) used by a concurrent request: wait for its outcome.
        for (let wait = 0; wait < 20; wait += 1) {
          const done = await replay(caller.userId, idempotencyKey, hash);
          if (done) return { created: false, case: done };
          await sleep(50 + wait * 25);
        }
        throw new AppError('APPLY_SUBMISSION_IN_PROGRESS');
      }
      throw new Error('Could not draw an unused case number');
    },

    async list(caller: Caller, limit: number, cursor: string | undefined) {
      const page = await deps.cases.listCases(caller.userId, limit, cursor);
      return { cases: page.items.map(summary), nextCursor: page.nextCursor };
    },

    async downloadLink(caller: Caller, caseNumber: string, materialId: string, index: number) {
      const found = await deps.cases.getCase(caseNumber);
      if (!found || found.record.submitterUserId !== caller.userId) throw new AppError('CASE_NOT_FOUND');
      const file = found.materials.find((m) => m.materialId === materialId)?.files.find((f) => f.index === index);
      if (!file) throw new AppError('CASE_NOT_FOUND', '未找到该材料文件');
      return { ...(await deps.files.downloadUrl(file.key, file.fileName)), fileName: file.fileName };
    },

    async uploadTicket(caller: Caller, request: UploadRequest): Promise<UploadTicket> {
      const item = await guideFor(request.implementationCode);
      const material = item.guide.materials.find((m) => m.id === request.materialId);
      if (!material) throw new AppError('COMMON_VALIDATION_FAILED', undefined, [{ path: 'materialId', message: '办事指南中没有这项材料' }]);
      if (material.source === 'issued_licence') {
        throw new AppError('APPLY_UPLOAD_NOT_ALLOWED', `“${material.name}”由电子证照自动获取，无需上传`);
      }
      const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[request.contentType];
      const key = `${uploadPrefix(caller.userId)}${randomUUID()}.${extension}`;
      return deps.files.uploadTicket(key, request.contentType, MAX_MATERIAL_BYTES);
    },

    async saveDraft(caller: Caller, implementationCode: string, form: Record<string, unknown>): Promise<DraftSummary> {
      const item = await guideFor(implementationCode);
      const updatedAt = now();
      const expiresAt = new Date(updatedAt.getTime() + deps.draftTtlDays * 24 * 60 * 60 * 1000);
      const draft = {
        implementationCode,
        itemName: item.name,
        sealedForm: await seal(deps.keys, form),
        updatedAt: updatedAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      };
      await deps.cases.saveDraft(caller.userId, draft);
      return { implementationCode, itemName: item.name, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt };
    },

    async getDraft(caller: Caller, implementationCode: string): Promise<Draft> {
      const draft = await deps.cases.getDraft(caller.userId, implementationCode);
      if (!draft) throw new AppError('DRAFT_NOT_FOUND');
      const form = await unseal<Record<string, unknown>>(deps.keys, draft.sealedForm);
      return { implementationCode, itemName: draft.itemName, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt, form };
    },

    async listDrafts(caller: Caller): Promise<DraftSummary[]> {
      const drafts = await deps.cases.listDrafts(caller.userId);
      return drafts
        .map(({ implementationCode, itemName, updatedAt, expiresAt }) => ({ implementationCode, itemName, updatedAt, expiresAt }))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    async deleteDraft(caller: Caller, implementationCode: string): Promise<void> {
      await deps.cases.deleteDraft(caller.userId, implementationCode);
    },
  };
}

export type CaseService = ReturnType<typeof caseService>;
