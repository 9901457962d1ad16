import type { FailedReportsPage, ReplayResult } from '@ah-tourism/shared/src/reports/api';
import type { PortalFailureRule, ReceivedRecord, RecordedPortalRequest } from '../../scripts/local/portal-report-standin';
import { api, wechatUrl, type ApiResponse } from './api';
import { asUser } from './applications';
import { eventually, invokeFunction } from './notifications';

const json = { 'Content-Type': 'application/json' };

/** The provincial platform stand-in's control API (scripts/local/portal-report-standin.ts), on the WeChat stand-in's server. */
async function portalControl<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${wechatUrl()}/__control/portal/${path}`, init);
  if (!res.ok) throw new Error(`portal stand-in ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The records the stand-in took for a case, in the order it took them. */
export const receivedRecords = async (caseNumber: string) => (await portalControl<{ records: ReceivedRecord[] }>(`records?caseNumber=${encodeURIComponent(caseNumber)}`)).records;
/** The record the stand-in took under a message id, if it did (guides: `GUIDE-<code>-V<version>`). */
export const receivedMessage = async (messageId: string) => (await portalControl<{ records: ReceivedRecord[] }>(`records?messageId=${encodeURIComponent(messageId)}`)).records;
/** The requests it answered about a case (taken, already received, failed, refused). */
export const portalRequests = async (caseNumber: string) => (await portalControl<{ requests: RecordedPortalRequest[] }>(`requests?caseNumber=${encodeURIComponent(caseNumber)}`)).requests;
export const failPortal = (rule: PortalFailureRule) => portalControl('failures', { method: 'POST', headers: json, body: JSON.stringify(rule) });
/** Clears the failure rules of a case. */
export const healPortal = (caseNumber: string) => portalControl(`failures?caseNumber=${encodeURIComponent(caseNumber)}`, { method: 'DELETE' });

/** The scheduled report retries, run as if it were `at`. */
export const retryReportsAt = async (at: Date) => (await invokeFunction<{ partitions: number; delivered: number }>('retryReportsAt', { now: at.toISOString() })).result;

/** Waits until the stand-in has taken `count` records of the case. */
export const recordsOf = (caseNumber: string, count: number, timeoutMs = 20_000) =>
  eventually(`${count} records of ${caseNumber} at the platform`, () => receivedRecords(caseNumber), (records) => records.length >= count, timeoutMs);

export const failedReports = (token: string, query: Record<string, string> = {}): Promise<ApiResponse<FailedReportsPage>> =>
  api(`/staff/reports/failed?${new URLSearchParams(query)}`, { headers: asUser(token) });
export const replayReport = (token: string, reportId: string): Promise<ApiResponse<ReplayResult>> =>
  api(`/staff/reports/failed/${encodeURIComponent(reportId)}/replay`, { method: 'POST', headers: asUser(token) });
