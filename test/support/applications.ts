import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar, residentIdCheckChar, type ImplementationItem, type Session, type UploadTicket } from '@ah-tourism/shared';
import { mintLoginCode } from '../../scripts/local/wechat-control';
import { api, wechatUrl } from './api';
import { MINIMAL_PDF, fileFor } from './material-files';

export { MINIMAL_PDF };

/** A 1×1 transparent PNG that decodes: every chunk's length and CRC agree with its data. */
export const MINIMAL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000a49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082',
  'hex',
);

export const validResidentId = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
export const validCreditCode = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;

/**
 * A new WeChat user signed in exactly as the phone does: the WeChat stand-in issues a login code for a
 * fresh openid and POST /auth/wechat exchanges it. Returns the access token.
 */
export async function newUser(): Promise<string> {
  return (await signInWithWechat(`test-${randomUUID().replace(/-/g, '')}`)).accessToken;
}

export async function signInWithWechat(openid: string): Promise<Session> {
  const code = await mintLoginCode(wechatUrl(), openid);
  const res = await api<Session>('/auth/wechat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A developer persona's session (local stage). */
export async function signInAs(personaId: string): Promise<Session> {
  const res = await api<Session>('/dev/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personaId }) });
  if (res.status !== 200) throw new Error(`dev sign-in as ${personaId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const asUser = (accessToken: string, headers: Record<string, string> = {}) => ({ Authorization: `Bearer ${accessToken}`, ...headers });

/** Asks for an upload ticket and posts the file to (local) S3 exactly as the phone does. */
export async function upload(
  user: string,
  implementationCode: string,
  materialId: string,
  content: Buffer,
  { contentType = 'application/pdf', fileName = 'material.pdf', declaredSize = Math.max(content.length, 1) } = {},
): Promise<{ key: string; fileName: string; contentType: string; size: number }> {
  const res = await api<UploadTicket>('/uploads', {
    method: 'POST',
    headers: asUser(user, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ implementationCode, materialId, fileName, contentType, size: declaredSize }),
  });
  if (res.status !== 201) throw new Error(`upload ticket: ${res.status} ${JSON.stringify(res.body)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(res.body.fields)) form.append(name, value);
  form.append('file', new Blob([content], { type: contentType }), fileName);
  const posted = await fetch(res.body.url, { method: 'POST', body: form });
  if (posted.status >= 300) throw new Error(`upload to S3: ${posted.status} ${await posted.text()}`);
  // As the phone does: the application tells each file's type and size as declared for its ticket.
  return { key: res.body.key, fileName, contentType, size: declaredSize };
}

/** A complete, valid enterprise application (through an agent) for an item, with every required file uploaded. */
export async function completeApplication(user: string, item: ImplementationItem, fields: Record<string, unknown>) {
  const materials: Record<string, { key: string; fileName: string; contentType?: string; size?: number }[]> = {};
  for (const material of item.guide.materials) {
    const needed = material.source === 'applicant' && (material.necessity === 'required' || material.requiredWhen === 'agent');
    if (!needed) continue;
    const { content, ...as } = fileFor(material);
    materials[material.id] = [await upload(user, item.implementationCode, material.id, content, as)];
  }
  return {
    implementationCode: item.implementationCode,
    applicant: {
      kind: 'enterprise',
      enterprise: { name: '黄山云海旅行社有限公司', creditCode: validCreditCode('91341000MA2T3K4L5'), legalRepresentative: '汪明' },
      agent: { name: '程晓雨', idNumber: validResidentId('34100219900307123'), mobile: '13955912345' },
    },
    fields,
    materials,
  };
}

/** Fields of the 黄山市 旅行社业务经营许可 item that the API tests apply for. */
export const TRAVEL_AGENCY_FIELDS = {
  agencyName: '黄山云海旅行社有限公司',
  premisesAddress: '黄山市屯溪区新安北路88号2楼',
  premisesTenure: '自有产权',
  registeredCapital: 30,
};

/** A 黄山市 item's guide by its exact name, as the phone reads it. */
export async function cityItem(name: string): Promise<ImplementationItem> {
  const list = await api(`/catalog/items?region=341000&keyword=${encodeURIComponent(name)}`);
  const code = list.body.items.find((i: { name: string }) => i.name === name).implementationCode;
  return (await api(`/catalog/items/${code}`)).body;
}

/** 黄山市's 旅行社业务经营许可 guide. */
export const travelAgencyItem = () => cityItem('旅行社业务经营许可');

export const submitApplication = (user: string, body: unknown, key: string = randomUUID()) =>
  api('/cases', {
    method: 'POST',
    headers: asUser(user, { 'Content-Type': 'application/json', 'Idempotency-Key': key }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
