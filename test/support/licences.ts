import type { ImplementationItem, LicenceMaterials, LicenceVerification, MyLicence } from '@ah-tourism/shared';
import type { LicenceFailureRule, RecordedLicenceRequest } from '../../scripts/local/licence-service-standin';
import { api, wechatUrl } from './api';
import { asUser, signInAs, upload, validResidentId } from './applications';
import { act } from './lifecycle';
import { fileFor } from './material-files';

export const json = { 'Content-Type': 'application/json' };
export const verify = async (token: string) => (await api<LicenceVerification>('/licences/verify', { method: 'POST', headers: json, body: JSON.stringify({ token }) })).body;
export const myLicences = async (user: string) => (await api<{ licences: MyLicence[] }>('/me/licences', { headers: asUser(user) })).body.licences;

export async function provinceItem(name: string): Promise<ImplementationItem> {
  const list = await api(`/catalog/items?region=340000&keyword=${encodeURIComponent(name)}`);
  const code = list.body.items.find((i: { name: string }) => i.name === name).implementationCode;
  return (await api(`/catalog/items/${code}`)).body;
}

/** A person applying for themselves, every required file uploaded. */
export async function personApplication(user: string, item: ImplementationItem, fields: Record<string, unknown>) {
  const materials: Record<string, { key: string; fileName: string }[]> = {};
  for (const material of item.guide.materials) {
    if (material.source !== 'applicant' || material.necessity !== 'required') continue;
    const { content, ...as } = fileFor(material);
    materials[material.id] = [await upload(user, item.implementationCode, material.id, content, as)];
  }
  return { implementationCode: item.implementationCode, applicant: { kind: 'person', person: { name: '王小明', idNumber: validResidentId('34100219950812123'), mobile: '13955900001' } }, fields, materials };
}

export async function decide(personas: { pre: string; review: string; decide: string }, caseNumber: string) {
  expect((await act(personas.pre, caseNumber, { action: 'accept', opinion: '材料齐全' })).status).toBe(200);
  expect((await act(personas.review, caseNumber, { action: 'complete_review', opinion: '符合条件' })).status).toBe(200);
  const approved = await act(personas.decide, caseNumber, { action: 'approve', opinion: '同意' });
  expect(approved.status).toBe(200);
  return approved;
}

export const staffOf = async (group: 'city' | 'province') => {
  const [pre, review, decideToken] = await Promise.all(['pre_review', 'review', 'decide'].map(async (p) => (await signInAs(`${group}-${p}`)).accessToken));
  return { pre: pre!, review: review!, decide: decideToken! };
};


/** The provincial e-licence service stand-in's control API (scripts/local/licence-service-standin.ts), on the WeChat stand-in's server. */
async function licenceControl<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${wechatUrl()}/__control/licences/${path}`, body === undefined ? {} : { method: 'POST', headers: json, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`licence stand-in ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
export const licenceServiceRequests = async (holderCode: string) =>
  (await licenceControl<{ requests: RecordedLicenceRequest[] }>(`requests?holderCode=${encodeURIComponent(holderCode)}`)).requests;
export const failLicenceService = (rule: LicenceFailureRule) => licenceControl('failures', rule);

/** GET /me/licence-materials: what the apply page shows under each 免提交 material. */
export const licenceMaterials = (user: string, query: Record<string, string>) => api<LicenceMaterials>(`/me/licence-materials?${new URLSearchParams(query)}`, { headers: asUser(user) });
