import type { CaseDetail, StaffActionRequest, StaffCaseDetail } from '@ah-tourism/shared';
import { api, type ApiResponse } from './api';
import { asUser } from './applications';

const json = { 'Content-Type': 'application/json' };

export async function staffCase(token: string, caseNumber: string): Promise<ApiResponse<StaffCaseDetail>> {
  return api<StaffCaseDetail>(`/staff/cases/${caseNumber}`, { headers: asUser(token) });
}

/** A staff action at the version the staff member sees now (or the one given). */
export async function act(token: string, caseNumber: string, request: Omit<StaffActionRequest, 'version'> & { version?: number }): Promise<ApiResponse<StaffCaseDetail & { code?: string; message?: string; details?: { path: string; message: string }[] }>> {
  const version = request.version ?? (await staffCase(token, caseNumber)).body.version;
  return api(`/staff/cases/${caseNumber}/actions`, { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ ...request, version }) });
}

export async function applicantCase(token: string, caseNumber: string): Promise<CaseDetail> {
  const res = await api<CaseDetail>(`/cases/${caseNumber}`, { headers: asUser(token) });
  if (res.status !== 200) throw new Error(`case ${caseNumber}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const REFUSAL_REMEDY = '如不服本决定，可以自收到本决定书之日起六十日内向安徽省文化和旅游厅申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';
