/**
 * Key layout of the user-experience loop in the single table (see README, "Access patterns"):
 *   CASE#<no> / EVALUATION            the one evaluation of a case          GSI1 FEEDBACK#<org> / EVAL#<at>#<no>
 *   COMPLAINT#<no> / EVALUATION       the one evaluation of a complaint     GSI1 FEEDBACK#<org> / EVAL#<at>#<no>
 *   <subject> / EVALUATION#TASK       the task a bad review creates         GSI2 RECTIFY#<org> / <createdAt>#<subject>
 *                                                                           GSI1 APPEALS / <at>#<subject> while appealed
 *   <subject> / TIMER#rectification   its overdue reminder                  GSI2 TIMER#<day> (the sweep)
 *   COMPLAINT#<no> / META             a tourism complaint                   GSI2 COMPLAINTS#<org>, GSI1 USER#<id> / COMPLAINT#<at>
 *   COMPLAINT#<no> / EVENT#<at>#<seq> its history
 *   CONSULT#<id> / META               a consultation                        GSI2 CONSULTS#<org>, GSI1 USER#<id> / CONSULT#<at>
 *   FAQ#<implementation code> / <id>  a consultation promoted into the guide's FAQ                   Query
 *   RATE#<scope>#<client> / WINDOW    a per-client request window, TTL                              UpdateItem
 */
export const casePartitionOf = (caseNumber: string) => `CASE#${caseNumber}`;
export const complaintPartition = (complaintNumber: string) => `COMPLAINT#${complaintNumber}`;
export const consultationPartition = (consultationId: string) => `CONSULT#${consultationId}`;
export const feedbackPartition = (organisationCode: string) => `FEEDBACK#${organisationCode}`;
export const rectifyPartition = (organisationCode: string) => `RECTIFY#${organisationCode}`;
export const APPEALS_PARTITION = 'APPEALS';
export const complaintsPartition = (organisationCode: string) => `COMPLAINTS#${organisationCode}`;
export const consultationsPartition = (organisationCode: string) => `CONSULTS#${organisationCode}`;
export const faqPartition = (implementationCode: string) => `FAQ#${implementationCode}`;
