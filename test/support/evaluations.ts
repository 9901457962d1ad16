import { randomUUID } from 'node:crypto';
import type { EvaluationRequest, RectificationAction, RectificationDetail } from '@ah-tourism/shared';
import { api, type ApiResponse } from './api';
import { asUser, cityItem, completeApplication, newUser, submitApplication } from './applications';

const json = { 'Content-Type': 'application/json' };

/**
 * A finished case in little time: a 旅行社服务网点设立备案 that passes every smart-approval rule is approved
 * and delivered electronically the moment it is submitted. Returns the applicant's token and the case.
 */
export async function finishedCase(applicant?: string): Promise<{ applicant: string; caseNumber: string }> {
  const user = applicant ?? (await newUser());
  const item = await cityItem('旅行社服务网点设立备案');
  const body = await completeApplication(user, item, { agencyName: '黄山云海旅行社有限公司', outletName: '黄山云海旅行社屯溪老街服务网点', outletAddress: '黄山市屯溪区老街128号' });
  const res = await submitApplication(user, body);
  if (res.status !== 201 || res.body.status !== 'delivered') throw new Error(`finished case: ${res.status} ${JSON.stringify(res.body)}`);
  return { applicant: user, caseNumber: res.body.caseNumber as string };
}

export const evaluate = (token: string, caseNumber: string, request: EvaluationRequest, key: string = randomUUID()): Promise<ApiResponse> =>
  api(`/cases/${caseNumber}/evaluation`, { method: 'POST', headers: asUser(token, { ...json, 'Idempotency-Key': key }), body: JSON.stringify(request) });

export const rectification = (token: string, subjectId: string): Promise<ApiResponse<RectificationDetail>> => api(`/staff/rectifications/${subjectId}`, { headers: asUser(token) });

type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> & { version?: number } : never;

/** Acts on a task at the version the staff member sees now (unless given). The body is the detail, or an error. */
export async function actOnTask(token: string, subjectId: string, action: WithoutVersion<RectificationAction>): Promise<ApiResponse> {
  const version = action.version ?? (await rectification(token, subjectId)).body.version;
  return api(`/staff/rectifications/${subjectId}/actions`, { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ ...action, version }) });
}
