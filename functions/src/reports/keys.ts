/**
 * Key layout of upward reports in the single table (see README, "Reporting upward"):
 *   CASE#<no> / REPORT#<at>#<messageId>      a case's report (step, evaluation), in the case's partition (stream)
 *   GUIDEREPORTS#<code> / REPORT#<at>#<messageId>   a published guide version's report, per item      (stream)
 *     while pending: GSI2 REPORTWATCH#<day> / <at>#<pk>   looked at again then (retryReports)     Query
 *     on the dead-letter list: GSI1 REPORTFAILED#<org> / <since>#<messageId>, GSI2 REPORTFAILED / same Query
 *   REPORTSTATS#<org> / DAY#<yyyy-mm-dd>     late and failed reports of an organisation on a day       Query
 * The sort key's time first keeps a partition's reports in the order of their changes: one is delivered
 * only after the one before it was taken.
 */
export const REPORT_KIND = 'report';
export const REPORT_PREFIX = 'REPORT#';
export const reportSk = (at: string, messageId: string) => `${REPORT_PREFIX}${at}#${messageId}`;
export const guideReportPartition = (implementationCode: string) => `GUIDEREPORTS#${implementationCode}`;
export const reportWatchPartition = (day: string) => `REPORTWATCH#${day}`;
export const failedByOrgPartition = (organisationCode: string) => `REPORTFAILED#${organisationCode}`;
export const FAILED_PARTITION = 'REPORTFAILED';
export const reportStatsKey = (organisationCode: string, day: string) => ({ pk: `REPORTSTATS#${organisationCode}`, sk: `DAY#${day}` });
export const reportStatsPartition = (organisationCode: string) => `REPORTSTATS#${organisationCode}`;

/** A report's id in the app (the dead-letter list, replay): its table key, URL-safe. */
export const reportIdOf = (key: { pk: string; sk: string }) => Buffer.from(`${key.pk}\n${key.sk}`, 'utf8').toString('base64url');
export function reportKeyOf(reportId: string): { pk: string; sk: string } | undefined {
  const [pk, sk, ...rest] = Buffer.from(reportId, 'base64url').toString('utf8').split('\n');
  if (!pk || !sk || rest.length || !sk.startsWith(REPORT_PREFIX) || !/^(CASE#|GUIDEREPORTS#)/.test(pk)) return undefined;
  return { pk, sk };
}
