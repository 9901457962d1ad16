/**
 * Key layout of applications in the single table (see README, "Access patterns"):
 *   CASE#<no> / META                  the case; GSI1 USER#<submitter> / CASE#<submittedAt>#<no>   GetItem, Query
 *                                     open cases also GSI2 INBOX#<org> / <dueAt>#<no> (staff inbox)  Query
 *   CASE#<no> / GUIDE                 the guide version the case was applied under                  (Query CASE#<no>)
 *   CASE#<no> / MATERIAL#<id>         files of one material
 *   CASE#<no> / EVENT#<at>#<seq>      immutable history
 *   USER#<id> / IDEMPOTENCY#<key>     submission keys, TTL = drafts                                 GetItem
 *   USER#<id> / DRAFT#<impl. code>    one draft per item, TTL                                       GetItem, Query
 */
export const caseKey = (caseNumber: string) => ({ pk: `CASE#${caseNumber}`, sk: 'META' });
export const casePartition = (caseNumber: string) => `CASE#${caseNumber}`;
export const userCasesPartition = (userId: string) => `USER#${userId}#CASES`;
export const inboxPartition = (organisationCode: string) => `INBOX#${organisationCode}`;
export const idempotencyKey = (userId: string, key: string) => ({ pk: `USER#${userId}`, sk: `IDEMPOTENCY#${key}` });
export const draftKey = (userId: string, implementationCode: string) => ({ pk: `USER#${userId}`, sk: `DRAFT#${implementationCode}` });
export const DRAFT_PREFIX = 'DRAFT#';

/** Uploaded objects live under the uploader's prefix, so a key proves whose file it is. */
export const uploadPrefix = (userId: string) => `materials/${userId}/`;
