import { bookVisitRequestSchema, resubmitRequestSchema, withdrawRequestSchema, type CaseDetail, type FieldIssue, type VisitBooking, type WorkingCalendar } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/http';
import { createOnce, type IdempotentRequest } from '../platform/idempotency';
import type { ApplicantCaseViews } from './applicant-views';
import type { CaseLifecycle } from './lifecycle';
import { config } from '../platform/config';
import { checkUploads, type MaterialFiles } from './materials';
import { supplementDraftDelete } from './supplement-drafts';
import type { MaterialRecord } from './records';
import { visitService } from './visits';

export interface ApplicantActionDeps {
  views: ApplicantCaseViews;
  lifecycle: Pick<CaseLifecycle, 'transition'>;
  /** Verdicts recorded at upload, and the objects themselves for files without one. */
  files: MaterialFiles;
}

export interface ApplicantVisitDeps {
  views: ApplicantCaseViews;
  calendar: () => Promise<WorkingCalendar>;
  now?: () => Date;
}

const applicantActor = (caller: Caller) => ({ kind: 'applicant' as const, userId: caller.userId, name: '申请人', role: 'applicant' });

/** What the applicant can do to their own case through its lifecycle: supplement, withdraw. */
export function applicantCaseActions(deps: ApplicantActionDeps) {
  return {
    /**
     * Supplement after a one-time notice: new files for exactly the materials it named, all of them, and
     * nothing else. The case returns to pre-review with a fresh 5-working-day window.
     */
    async resubmit(caller: Caller, caseNumber: string, body: unknown): Promise<CaseDetail> {
      const request = parseInput(resubmitRequestSchema, body);
      const found = await deps.views.ownCase(caller.userId, caseNumber);
      const { record, guide, application } = found;
      if (record.status !== 'supplement_requested') throw new AppError('CASE_ACTION_NOT_ALLOWED', '办件当前不需要补正材料');
      const reopened = Object.entries(record.materialStates ?? {}).filter(([, m]) => m.state === 'needs_supplement').map(([id]) => id);
      const issues: FieldIssue[] = [];
      for (const id of Object.keys(request.materials)) if (!reopened.includes(id)) issues.push({ path: `materials.${id}`, message: '该材料无需补正，请只上传告知书列出的材料' });
      for (const id of reopened) {
        if (!request.materials[id]) issues.push({ path: `materials.${id}`, message: `请补正“${guide.guide.materials.find((m) => m.id === id)?.name ?? id}”` });
      }
      if (issues.length) throw new AppError('APPLY_MATERIAL_INVALID', undefined, issues);
      const wanted = reopened.map((id) => ({ material: guide.guide.materials.find((m) => m.id === id)!, uploads: request.materials[id]! }));
      const checked = await checkUploads(deps.files, caller, wanted);
      if (checked.issues.length) throw new AppError('APPLY_MATERIAL_INVALID', undefined, checked.issues);
      const replaced = new Map<string, MaterialRecord>(
        wanted.map(({ material }) => [material.id, { order: guide.guide.materials.indexOf(material), materialId: material.id, name: material.name, source: 'applicant', files: checked.stored.get(material.id)! }]),
      );
      const materials = [...application.materials.filter((m) => !replaced.has(m.materialId)), ...replaced.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      const states = Object.fromEntries(reopened.map((id) => [id, { state: 'resubmitted' as const, reason: record.materialStates![id]!.reason }]));
      const after = await deps.lifecycle.transition(found, 'resubmit', applicantActor(caller), { action: 'resubmit', version: request.version }, {
        application: { ...application, materials },
        materialStates: states,
        // The files kept as a draft while the notice was open are now the case's: the draft goes with the step.
        writes: [supplementDraftDelete(config().tableName, caller.userId, caseNumber)],
      });
      return deps.views.view(after, caller.userId);
    },

    async withdraw(caller: Caller, caseNumber: string, body: unknown): Promise<CaseDetail> {
      const request = parseInput(withdrawRequestSchema, body);
      const found = await deps.views.ownCase(caller.userId, caseNumber);
      const after = await deps.lifecycle.transition(found, 'withdraw', applicantActor(caller), { action: 'withdraw', version: request.version, reason: request.reason });
      return deps.views.view(after, caller.userId);
    },
  };
}

/**
 * The one on-site visit of a negative-list item: its slots and its booking. Apart from the lifecycle, so
 * the visit functions do not carry what decisions need (licence issuing and its signing).
 */
export function applicantVisitActions(deps: ApplicantVisitDeps) {
  const visits = visitService({ calendar: deps.calendar, now: deps.now ?? (() => new Date()) });

  return {
    /** Slots the hall offers for the one on-site visit of a negative-list item. */
    async visitSlots(caller: Caller, caseNumber: string) {
      const found = await deps.views.ownCase(caller.userId, caseNumber);
      return visits.slots(found, found.visit);
    },

    /** Once per idempotency key: a retry gets the booking its first request made. */
    bookVisit(caller: Caller, caseNumber: string, once: IdempotentRequest, body: unknown) {
      return createOnce<VisitBooking, { booking: VisitBooking }>(once, {
        create: async (claim) => {
          const { slotId } = parseInput(bookVisitRequestSchema, body);
          const found = await deps.views.ownCase(caller.userId, caseNumber);
          return visits.book(caller, found, found.visit, slotId, claim);
        },
        replay: async ({ booking }) => booking,
      });
    },
  };
}
