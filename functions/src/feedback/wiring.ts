import { DEFAULT_CONSULTATION_WORKING_DAYS } from '@ah-tourism/shared';
import { authStore } from '../auth/store';
import { dynamoCatalogStore } from '../catalog/store';
import { caseStore } from '../cases/wiring';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { dataKeys } from '../platform/keys';
import { takeFromWindow, windowFullFor } from '../platform/rate-limit';
import { complaintSubject } from './complaint-subject';
import { dynamoComplaintStore } from './complaint-store';
import { complaintService, type ComplaintService } from './complaints';
import { consultationService, type ConsultationService } from './consultations';
import { evaluationService } from './evaluations';
import { publicProgressService, type CaseFailures } from './public-progress';
import { rectificationService } from './rectifications';
import { feedbackStatsService } from './stats-service';
import type { SubjectSources } from './subject';

/*
 * The feedback domain's services wired to DynamoDB, each created on first use and kept for the container's
 * life. Each handler calls the one its route needs, so a function bundles only that.
 */
let evaluating: ReturnType<typeof evaluationService> | undefined;
let rectifying: ReturnType<typeof rectificationService> | undefined;
let reporting: ReturnType<typeof feedbackStatsService> | undefined;
let progress: ReturnType<typeof publicProgressService> | undefined;
let consulting: ConsultationService | undefined;
let complaining: ComplaintService | undefined;

/** Cases from the case store, complaints from theirs. */
const subjects = (): SubjectSources => ({ cases: caseStore(), keys: dataKeys(), complaint: complaintSubject });

export const evaluations = () => (evaluating ??= evaluationService({ ...subjects(), people: authStore(), calendar: workingCalendarNow }));

export const rectifications = () => (rectifying ??= rectificationService({ ...subjects(), people: authStore(), calendar: workingCalendarNow }));

export const feedbackStats = () => (reporting ??= feedbackStatsService({ people: authStore() }));

/** A case number's failed public queries: a window opened by the first failure, counted in the table. */
function caseFailures(): CaseFailures {
  const { publicQueryFailuresPerCase: limit, publicQueryCaseWindowMinutes: minutes } = config().feedback;
  const scope = 'public-progress-case';
  const windowMs = minutes * 60_000;
  return {
    lockedFor: (caseNumber) => windowFullFor(scope, caseNumber, limit, Date.now(), windowMs),
    count: async (caseNumber) => {
      try {
        await takeFromWindow(scope, caseNumber, limit, Date.now(), windowMs);
      } catch (error) {
        // Full already (a concurrent failure filled it): nothing more to count.
        if (!(error instanceof AppError && error.code === 'COMMON_RATE_LIMITED')) throw error;
      }
    },
  };
}

export const publicProgress = () => (progress ??= publicProgressService({ cases: caseStore(), keys: dataKeys(), failures: caseFailures() }));

export const consultations = () =>
  (consulting ??= consultationService({
    people: authStore(),
    catalog: dynamoCatalogStore(),
    keys: dataKeys(),
    calendar: workingCalendarNow,
    workingDays: config().feedback.consultationWorkingDays || DEFAULT_CONSULTATION_WORKING_DAYS,
  }));

export const complaints = () => (complaining ??= complaintService({ store: dynamoComplaintStore(), people: authStore(), keys: dataKeys(), calendar: workingCalendarNow }));
