/**
 * Key layout of cases in the single table (see README, "Access patterns"). The rows a case page shows
 * sort between `AUDIT#` and `META`, so one Query over that range reads exactly them; the case's outbox
 * events and timers sort after it.
 *   CASE#<no> / AUDIT#<seq>           one step after the submission (a booked visit included): its history
 *                                     event, its hash-chained audit entry and the document it issued
 *   CASE#<no> / BOOKING               the booked on-site visit
 *   CASE#<no> / CLAIM                 a hall-window case's one-time claim code (hall-intake.ts)
 *   CASE#<no> / EVALUATION            its one evaluation (一事一评)
 *   CASE#<no> / EVALUATION#TASK       a bad review's rectification task
 *   CASE#<no> / EVENT#<at>#<seq>      a visit booked before bookings were chained (read, no longer written)
 *   CASE#<no> / FORM                  the application: sealed applicant, fields, materials, first event and
 *                                     the hash of its audit entry (entry 1 of the chain)
 *   CASE#<no> / META                  the case record; GSI1 USER#<submitter> / CASE#<submittedAt>#<no>
 *                                     open cases also GSI2 INBOX#<org> / <dueAt>#<no> (staff inbox);
 *                                     delivered ones GSI2 CLOSING#<day> / <closeAt>#<no> (closing.ts);
                                     imported ones GSI2 IMPORTED#<org> / <submittedAt>#<no> (imports/)
 *   CASE#<no> / OUTBOX#…, TIMER#…     events to deliver, reminders (notifications/keys.ts)
 *   NATIONAL#<national no> / NATIONAL an imported national case's number here, once (imports/)  conditional Put
 *   IMPORTS#<org> / IMPORT#<id>       an import of national records: who, when, counts, row report  Query, GetItem
 *   USER#<id> / IDEMPOTENCY#<key>     submission keys, TTL = drafts (platform/idempotency.ts)       GetItem (on conflict)
 *   USER#<id> / DRAFT#<impl. code>    one draft per item, TTL                                       GetItem, Query
 *   USER#<id> / SUPPLEMENT#<case no>  files re-uploaded for an open supplement notice, sealed, TTL; GetItem, conditional Put
 *                                     deleted in the supplement's own transaction (supplement-drafts.ts)
 */
export const caseKey = (caseNumber: string) => ({ pk: `CASE#${caseNumber}`, sk: 'META' });
export const casePartition = (caseNumber: string) => `CASE#${caseNumber}`;
export const caseFormKey = (caseNumber: string) => ({ pk: casePartition(caseNumber), sk: 'FORM' });
export const caseAuditSk = (seq: number) => `AUDIT#${String(seq).padStart(6, '0')}`;
/** The sort-key range of the rows a case page shows. */
export const CASE_VIEW_RANGE = { from: 'AUDIT#', to: 'META' } as const;
export const AUDIT_PREFIX = 'AUDIT#';
export const VISIT_SK = 'BOOKING';
export const EVALUATION_SK = 'EVALUATION';
export const RECTIFICATION_SK = 'EVALUATION#TASK';
export const userCasesPartition = (userId: string) => `USER#${userId}#CASES`;
export const inboxPartition = (organisationCode: string) => `INBOX#${organisationCode}`;
/** Cases imported from the national tourism supervision system, by organisation (GSI2, newest first). */
export const importedPartition = (organisationCode: string) => `IMPORTED#${organisationCode}`;
export const closingPartition = (day: string) => `CLOSING#${day}`;

/**
 * 已办结: a delivered case is closed when its evaluation period ends, ten days after delivery (the
 * invitation to evaluate goes out on day three, a week remains to answer it). Evaluations are still
 * accepted after closing; closing only ends the case's handling.
 */
export const CLOSE_AFTER_DAYS = 10;
export const closingTime = (deliveredAt: string) => new Date(Date.parse(deliveredAt) + CLOSE_AFTER_DAYS * 86_400_000).toISOString();
export const draftKey = (userId: string, implementationCode: string) => ({ pk: `USER#${userId}`, sk: `DRAFT#${implementationCode}` });
export const DRAFT_PREFIX = 'DRAFT#';
export const supplementDraftKey = (userId: string, caseNumber: string) => ({ pk: `USER#${userId}`, sk: `SUPPLEMENT#${caseNumber}` });

/** Uploaded objects live under the uploader's prefix, so a key proves whose file it is. */
export const uploadPrefix = (userId: string) => `materials/${userId}/`;
