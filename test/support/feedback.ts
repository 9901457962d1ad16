import { randomUUID } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ComplaintActionRequest, ComplaintDetail as Complaint, ComplaintRequest, Consultation as ConsultationView, ErrorBody } from '@ah-tourism/shared';
import { api, type ApiResponse } from './api';
import { asUser } from './applications';
import { rowsOf } from './notifications';

const json = { 'Content-Type': 'application/json' };
/** JSON with an idempotency key: every create is sent with one (a fresh one unless the test retries). */
export const jsonOnce = (key: string = randomUUID()) => ({ ...json, 'Idempotency-Key': key });
/** An answer that is either the resource or an error body. */
type Answer<T> = T & Partial<ErrorBody>;
type ComplaintDetail = Answer<Complaint>;
type Consultation = Answer<ConsultationView>;

export const HEFEI_BUREAU = '113401000030141720';

export const askConsultation = (token: string, body: unknown, key?: string): Promise<ApiResponse<Consultation>> =>
  api('/consultations', { method: 'POST', headers: asUser(token, jsonOnce(key)), body: JSON.stringify(body) });

export const answerConsultation = (token: string, consultationId: string, body: unknown): Promise<ApiResponse<Consultation>> =>
  api(`/staff/consultations/${consultationId}/answer`, { method: 'POST', headers: asUser(token, json), body: JSON.stringify(body) });

/** A complete complaint about a 黄山 travel agency, with whatever the test changes. */
export function complaintBody(overrides: Partial<ComplaintRequest> = {}): ComplaintRequest {
  return {
    regionCode: '341000',
    business: { name: '黄山某某国际旅行社有限公司', kind: 'travel_agency' },
    tripStart: '2026-05-01',
    tripEnd: '2026-05-03',
    account: '报名参加三日游，合同约定入住四星级酒店，实际安排的是无星级宾馆，导游途中多次安排购物。',
    amount: 2400,
    request: '退还住宿差价并赔礼道歉',
    contactMobile: '13955912345',
    ...overrides,
  };
}

export const fileComplaint = (token: string, body: unknown, key?: string): Promise<ApiResponse<ComplaintDetail>> =>
  api('/complaints', { method: 'POST', headers: asUser(token, jsonOnce(key)), body: JSON.stringify(body) });

export const staffComplaint = (token: string, complaintNumber: string): Promise<ApiResponse<ComplaintDetail>> =>
  api(`/staff/complaints/${complaintNumber}`, { headers: asUser(token) });

export const myComplaint = (token: string, complaintNumber: string): Promise<ApiResponse<ComplaintDetail>> =>
  api(`/complaints/${complaintNumber}`, { headers: asUser(token) });

/** Acts on a complaint at the version the staff member sees now (unless given). */
export async function actOnComplaint(
  token: string,
  complaintNumber: string,
  action: Omit<ComplaintActionRequest, 'version'> & { version?: number },
): Promise<ApiResponse<ComplaintDetail>> {
  const version = action.version ?? (await staffComplaint(token, complaintNumber)).body.version;
  return api(`/staff/complaints/${complaintNumber}/actions`, { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ ...action, version }) });
}

/** The deadline reminders a case or complaint has pending, read straight from the table. */
/**
 * The reminders still to come, one entry per reminder: a stage's deadline row carries its near-due
 * reminder and, after it, the overdue alert.
 */
export function pendingReminders<E extends { type: string }>(rows: { kind: string; fireAt: string; event: E; then?: { fireAt: string; event: E } }[]): { kind: string; fireAt: string; event: E }[] {
  const named = (kind: string, type: string) => (kind !== 'deadline' ? kind : type === 'case_overdue' ? 'overdue' : 'near_due');
  return rows.flatMap(({ then, ...row }) => [
    { ...row, kind: named(row.kind, row.event.type) },
    ...(then ? [{ ...row, ...then, kind: named(row.kind, then.event.type) }] : []),
  ]);
}

export async function pendingTimers(subjectNumber: string): Promise<{ kind: string; fireAt: string; event: { type: string; organisationCode: string } }[]> {
  return pendingReminders((await rowsOf(`CASE#${subjectNumber}`, 'TIMER#')).map((item) => unmarshall(item).timer));
}
