import { closeDueCases } from './closing';
import { authStore } from '../auth/store';
import { catalog, catalogStore, guideCaches } from '../catalog/wiring';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { dataKeys } from '../platform/keys';
import { applicantCaseActions, applicantVisitActions } from './applicant-actions';
import { applicantCaseViews, type ApplicantCaseViews } from './applicant-views';
import { s3AuditAnchors } from './audit-anchors';
import { s3DownloadLinks } from './download-links';
import { draftService, dynamoDraftStore } from './drafts';
import { invokedMaterialInspector } from './invoked-inspector';
import { caseLifecycle, type CaseLifecycle } from './lifecycle';
import type { MaterialFiles } from './materials';
import { staffCaseActions } from './staff-actions';
import { staffCaseViews, type StaffCaseViews } from './staff-views';
import { dynamoCaseStore, type CaseStore } from './store';
import { dynamoUploadVerdicts } from './upload-verdicts';
import { applicationPrefill, dynamoPrefillStore } from './prefill';
import { dynamoSupplementDraftStore, supplementDrafts } from './supplement-drafts';

/*
 * The case domain's parts wired to DynamoDB, each created on first use and kept for the container's
 * life. Handlers compose what their route needs, so a function bundles only that.
 */
let store: CaseStore | undefined;
let lifecycle: CaseLifecycle | undefined;
/** The immutable guide version a case was applied under, from memory once this container has seen it. */
export const guideVersion = (implementationCode: string, version: number) => guideCaches().versions.get(implementationCode, version);

/** The current published guide of an implementation entry (from memory within the catalog's freshness window). */
export const currentGuide = (implementationCode: string) => guideCaches().current.get(implementationCode);

export function caseStore(): CaseStore {
  store ??= dynamoCaseStore(guideVersion);
  return store;
}

export function lifecycleService(): CaseLifecycle {
  lifecycle ??= caseLifecycle({ people: authStore(), keys: dataKeys(), calendar: workingCalendarNow, regions: () => catalog().listRegions() });
  return lifecycle;
}

let materials: MaterialFiles | undefined;

/** Uploaded files as submission checks them: verdicts recorded at upload, the upload inspector asked directly for the rest. */
export const materialFiles = (): MaterialFiles => (materials ??= { inspector: invokedMaterialInspector(), verdicts: dynamoUploadVerdicts() });

let applicant: ApplicantCaseViews | undefined;
let applicantDoes: ReturnType<typeof applicantCaseActions> | undefined;
let drafts: ReturnType<typeof draftService> | undefined;
let staff: StaffCaseViews | undefined;
let staffDoes: ReturnType<typeof staffCaseActions> | undefined;

/** The applicant's case views (file links load S3 only when a link is asked for). */
export const applicantViews = () => (applicant ??= applicantCaseViews({ cases: caseStore(), calendar: workingCalendarNow, files: s3DownloadLinks() }));

export const applicantActions = () => (applicantDoes ??= applicantCaseActions({ views: applicantViews(), lifecycle: lifecycleService(), files: materialFiles() }));

let applicantVisits: ReturnType<typeof applicantVisitActions> | undefined;
/** The visit's slots and booking: no lifecycle, so these functions bundle no licence issuing. */
export const visitActions = () => (applicantVisits ??= applicantVisitActions({ views: applicantViews(), calendar: workingCalendarNow }));

export const draftKeeper = () => (drafts ??= draftService({ drafts: dynamoDraftStore(), guide: currentGuide, keys: dataKeys(), draftTtlDays: config().draftTtlDays }));

let prefill: ReturnType<typeof applicationPrefill> | undefined;
/** A new form prefilled from the caller's own earlier applications (read and opened, never written). */
export const prefillService = () => (prefill ??= applicationPrefill({ store: dynamoPrefillStore(), guide: currentGuide, keys: dataKeys() }));

let supplementDraftsKept: ReturnType<typeof supplementDrafts> | undefined;
/** Files re-uploaded for an open supplement notice, kept until the supplement is submitted. */
export const supplementDraftKeeper = () =>
  (supplementDraftsKept ??= supplementDrafts({ views: applicantViews(), drafts: dynamoSupplementDraftStore(), keys: dataKeys(), ttlDays: config().draftTtlDays }));

/** The staff's views (file links and audit anchors load S3 only when asked for). */
export const staffViews = () =>
  (staff ??= staffCaseViews({ cases: caseStore(), people: authStore(), keys: dataKeys(), calendar: workingCalendarNow, files: s3DownloadLinks(), anchors: s3AuditAnchors() }));

export const staffActions = () => (staffDoes ??= staffCaseActions(staffViews(), lifecycleService()));

/** The closing sweep (closing.ts): delivered cases whose evaluation period has ended. */
export const closeDue = (now: Date) => closeDueCases({ cases: caseStore(), lifecycle: lifecycleService }, now);
