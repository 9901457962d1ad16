import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { cstDay } from '@ah-tourism/shared';
import { REPORT_STATE_LABELS, type FailedReport, type FailedReportsPage, type FailedReportsQuery, type ReplayResult } from '@ah-tourism/shared/src/reports/api';
import { REPORT_RECORD_LABELS, REPORT_STEP_KINDS, type PortalReport } from '@ah-tourism/shared/src/reports/layout';
import type { Caller } from '../auth/caller';
import { authStore, type UserRecord } from '../auth/store';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { REPORT_LATE_AFTER_MS } from '../reports/backoff';
import { REPORT_KIND, reportIdOf, reportKeyOf } from '../reports/keys';
import type { StoredReport } from '../reports/outbox';
import { reportStore } from '../reports/store';
import { defaultReportWorkerDeps, reportWorker, type ReportWorker } from '../reports/worker';
import { currentUser } from '../staff/service';

/** The counts shown beside the list: the last 30 days, today included. */
const COUNT_DAYS = 30;

/** Who may look after reports: a provincial administrator (any organisation), an organisation's admin (their own). */
async function administrator(caller: Caller): Promise<UserRecord> {
  const user = await currentUser(authStore(), caller);
  if (user.provincialAdmin || user.staff?.permissions.includes('org_admin')) return user;
  throw new AppError('AUTH_FORBIDDEN', '只有单位管理员和省级管理员可以查看上报监控');
}

function mayHandle(user: UserRecord, organisationCode: string): boolean {
  return !!user.provincialAdmin || user.staff?.organisationCode === organisationCode;
}

function summaryOf(report: PortalReport): { subject: string; summary: string } {
  if (report.recordType === 'case_step') return { subject: report.caseNumber, summary: `${report.stepName}（${REPORT_STEP_KINDS[report.stepKind]}）` };
  if (report.recordType === 'evaluation') return { subject: report.caseNumber, summary: `评价：${report.levelLabel}（${report.channel}）` };
  return { subject: report.implementationCode, summary: `${report.itemName} 第${report.version}版` };
}

export function failedView(row: StoredReport): FailedReport {
  const state = row.state === 'refused' ? 'refused' : 'failed';
  return {
    reportId: reportIdOf(row),
    messageId: row.report.messageId,
    recordType: row.report.recordType,
    recordLabel: REPORT_RECORD_LABELS[row.report.recordType],
    ...summaryOf(row.report),
    organisationCode: row.organisationCode,
    state,
    stateLabel: REPORT_STATE_LABELS[state],
    reason: row.lastError ?? '',
    ...(row.refusalCode ? { refusalCode: row.refusalCode } : {}),
    since: row.deadLetteredAt ?? row.changedAt,
    changedAt: row.changedAt,
    attempts: row.attempts,
  };
}

export function portalReportAdmin() {
  const db = dynamo();
  const { tableName } = config();
  const store = reportStore(db, tableName);
  let worker: ReportWorker | undefined;

  return {
    /** GET /staff/reports/failed */
    async failed(caller: Caller, query: FailedReportsQuery, now = new Date()): Promise<FailedReportsPage> {
      const user = await administrator(caller);
      const organisationCode = query.organisationCode ?? (user.provincialAdmin ? undefined : user.staff?.organisationCode);
      if (organisationCode && !mayHandle(user, organisationCode)) throw new AppError('AUTH_FORBIDDEN', '单位管理员只能查看本单位的上报情况');
      const page = await store.failed(organisationCode, query.limit, query.cursor);
      const counts = organisationCode
        ? {
            organisationCode,
            days: COUNT_DAYS,
            lateAfterMinutes: REPORT_LATE_AFTER_MS / 60_000,
            ...(await store.counts(organisationCode, cstDay(new Date(now.getTime() - (COUNT_DAYS - 1) * 86_400_000)), cstDay(now))),
          }
        : null;
      return { items: page.items.map(failedView), nextCursor: page.nextCursor, counts };
    },

    /**
     * POST /staff/reports/failed/{reportId}/replay: back to pending and delivered at once, with the case's
     * reports held back behind it. Again for a report no longer on the list: nothing happens (its state is answered).
     */
    async replay(caller: Caller, reportId: string): Promise<ReplayResult> {
      const user = await administrator(caller);
      const key = reportKeyOf(reportId);
      if (!key) throw new AppError('REPORT_NOT_FOUND');
      const read = async () => (await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item as StoredReport | undefined;
      const row = await read();
      if (!row || row.kind !== REPORT_KIND) throw new AppError('REPORT_NOT_FOUND');
      if (!mayHandle(user, row.organisationCode)) throw new AppError('AUTH_FORBIDDEN', '单位管理员只能重新上报本单位的记录');
      const replayed = await store.replay(key, user.userId, new Date());
      if (replayed) {
        logger.info('report replayed', { messageId: row.report.messageId, organisationCode: row.organisationCode, byUserId: user.userId });
        worker ??= reportWorker(defaultReportWorkerDeps());
        await worker.deliverPartition(key.pk, () => new Date()).catch((error: Error) => logger.warn('replayed report not delivered yet; the watch brings it back', { error: error.message }));
      }
      const after = (await read()) ?? row;
      return { reportId, replayed, state: after.state, stateLabel: REPORT_STATE_LABELS[after.state] };
    },
  };
}

let instance: ReturnType<typeof portalReportAdmin> | undefined;
export const portalReports = () => (instance ??= portalReportAdmin());
