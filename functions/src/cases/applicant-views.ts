import { CASE_OVERVIEW_SIZE } from '@ah-tourism/shared/src/cases/overview';
import { CASE_CHANNELS, CASE_STATUSES, applicantActions, caseChannelOf, transitionLabel, type CaseDetail, type CaseGlance, type CaseSummary, type WorkingCalendar } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { deadlineViews } from './clock';
import { applicantCommitment, commitmentViews } from './commitments';
import type { DownloadLinks } from './download-links';
import { caseEvaluable, evaluationState } from './feedback-records';
import type { CaseRecord, StoredCase } from './records';
import type { CaseStore } from './store';
import { canBook, visitRequired, visitWhen } from './visits';

export function caseSummary(record: CaseRecord): CaseSummary {
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

/** The applicant's page of a case, from the stored case (as read, or as just written). */
export function caseDetail(found: StoredCase, viewerUserId: string, calendar: WorkingCalendar, now: Date): CaseDetail {
  const { record, application } = found;
  const reopened = Object.entries(record.materialStates ?? {}).filter(([, m]) => m.state === 'needs_supplement').map(([id]) => id);
  const notice = [...found.documents].reverse().find((d) => d.kind === 'supplement_notice');
  return {
    ...caseSummary(record),
    applicant: {
      kind: record.applicantKind,
      name: record.applicantDisplayName,
      idNumberMasked: application.masked.idNumber,
      ...(application.masked.mobile ? { mobileMasked: application.masked.mobile } : {}),
      ...(application.masked.agentName ? { agentName: application.masked.agentName } : {}),
    },
    fields: application.fields,
    materials: [
      ...[...application.materials].map((m) => ({
        order: m.order ?? 0,
        materialId: m.materialId,
        name: m.name,
        source: m.source,
        ...(m.licenceName ? { licenceName: m.licenceName } : {}),
        ...(m.licence ? { licence: m.licence } : {}),
        files: m.files.map(({ index, fileName, size, contentType }) => ({ index, fileName, size, contentType })),
      })),
      // 告知承诺: the materials replaced by a commitment, in guide order with the others.
      ...[...commitmentViews(found)].map(([materialId, view]) => {
        const order = found.guide.guide.materials.findIndex((m) => m.id === materialId);
        return { order, materialId, name: found.guide.guide.materials[order]?.name ?? materialId, source: 'applicant' as const, files: [], commitment: applicantCommitment(view) };
      }),
    ]
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...m }) => m),
    channel: caseChannelOf(record),
    channelLabel: CASE_CHANNELS[caseChannelOf(record)].label,
    guideVersion: record.guideVersion,
    history: found.events.map((e) => ({ at: e.at, action: e.action, actionLabel: transitionLabel(e.action), to: e.to, by: e.by })),
    version: record.version,
    statusHint: record.status === 'delivered' && found.evaluation ? '决定文书已送达，感谢您的评价' : CASE_STATUSES[record.status].applicantHint,
    documents: found.documents,
    deadlines: deadlineViews(record.clock, now, calendar),
    ...(record.status === 'supplement_requested' ? { supplement: { materialIds: reopened, ...(notice ? { noticeNumber: notice.number } : {}) } } : {}),
    actions: applicantActions(record.status),
    ...(visitRequired(found)
      ? {
          visit: {
            required: true,
            ...(found.guide.guide.negativeList.reason ? { reason: found.guide.guide.negativeList.reason } : {}),
            ...(found.guide.guide.negativeList.visitPurpose ? { purpose: found.guide.guide.negativeList.visitPurpose } : {}),
            when: visitWhen(found),
            canBook: canBook(found),
            ...(found.visit ? { booking: found.visit } : {}),
          },
        }
      : {}),
    evaluation: evaluationState(
      { evaluable: caseEvaluable(record.status, config().feedback.evaluateFromAcceptance), ownerUserId: record.submitterUserId },
      viewerUserId,
      found.evaluation,
      found.rectification,
    ),
  };
}

export interface ApplicantViewDeps {
  cases: CaseStore;
  calendar: () => Promise<WorkingCalendar>;
  files: DownloadLinks;
  now?: () => Date;
}

/** The applicant's own cases: list, page, file links. Someone else's case is indistinguishable from none. */
export function applicantCaseViews(deps: ApplicantViewDeps) {
  const now = deps.now ?? (() => new Date());

  async function ownCase(userId: string, caseNumber: string): Promise<StoredCase> {
    const found = await deps.cases.getCase(caseNumber);
    if (!found || found.record.submitterUserId !== userId) throw new AppError('CASE_NOT_FOUND');
    return found;
  }

  async function view(found: StoredCase, userId: string): Promise<CaseDetail> {
    return caseDetail(found, userId, await deps.calendar(), now());
  }

  return {
    ownCase,
    view,

    async detail(userId: string, caseNumber: string): Promise<CaseDetail> {
      return view(await ownCase(userId, caseNumber), userId);
    },

    async list(caller: Caller, limit: number, cursor: string | undefined) {
      const page = await deps.cases.listCases(caller.userId, limit, cursor);
      return { cases: page.items.map(caseSummary), nextCursor: page.nextCursor };
    },

    /**
     * The home page's 我的办件: the person's latest cases, each with what says whether they have something to
     * do. One index query and one read per case (at most CASE_OVERVIEW_SIZE), in parallel.
     */
    async overview(caller: Caller): Promise<{ cases: CaseGlance[] }> {
      const page = await deps.cases.listCases(caller.userId, CASE_OVERVIEW_SIZE, undefined);
      const [calendar, at] = [await deps.calendar(), now()];
      const found = await Promise.all(page.items.map((record) => deps.cases.getCase(record.caseNumber)));
      const cases = found
        .filter((stored): stored is StoredCase => !!stored && stored.record.submitterUserId === caller.userId)
        .map((stored): CaseGlance => {
          const { deadlines, actions, visit, evaluation } = caseDetail(stored, caller.userId, calendar, at);
          return { ...caseSummary(stored.record), deadlines, actions, ...(visit ? { visit } : {}), ...(evaluation ? { evaluation } : {}) };
        });
      return { cases };
    },

    async downloadLink(caller: Caller, caseNumber: string, materialId: string, index: number) {
      const found = await ownCase(caller.userId, caseNumber);
      const file = found.application.materials.find((m) => m.materialId === materialId)?.files.find((f) => f.index === index);
      if (!file) throw new AppError('CASE_NOT_FOUND', '未找到该材料文件');
      return { ...(await deps.files.downloadUrl(file.key, file.fileName)), fileName: file.fileName };
    },
  };
}

export type ApplicantCaseViews = ReturnType<typeof applicantCaseViews>;
