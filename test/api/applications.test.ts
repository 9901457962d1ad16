import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { caseDetailSchema, isCaseNumber, type CaseDetail, type ImplementationItem } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { api } from '../support/api';
import {
  MINIMAL_PDF,
  MINIMAL_PNG,
  TRAVEL_AGENCY_FIELDS,
  asUser,
  completeApplication,
  newUser,
  submitApplication,
  travelAgencyItem,
  upload,
  validResidentId,
} from '../support/applications';

const FIELDS = TRAVEL_AGENCY_FIELDS;

let item: ImplementationItem;

const submit = submitApplication;

async function myCases(user: string): Promise<string[]> {
  const res = await api('/cases', { headers: asUser(user) });
  expect(res.status).toBe(200);
  return res.body.cases.map((c: { caseNumber: string }) => c.caseNumber);
}

beforeAll(async () => {
  item = await travelAgencyItem();
});

describe('submitting an application', () => {
  it('creates one case with a case number, the first status and masked identity data', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, FIELDS);
    const res = await submit(user, body);
    expect(res.status).toBe(201);
    const detail: CaseDetail = caseDetailSchema.parse(res.body);
    expect(isCaseNumber(detail.caseNumber)).toBe(true);
    expect(detail.caseNumber.slice(8, 14)).toBe('341000');
    expect(detail).toMatchObject({ status: 'pre_review', statusLabel: '待预审', itemName: '旅行社业务经营许可', guideVersion: item.version });
    expect(detail.applicant).toMatchObject({ kind: 'enterprise', name: '黄山云海旅行社有限公司', agentName: '程**' });
    expect(detail.applicant.idNumberMasked).toMatch(/^9134\*{10}\w{4}$/);
    expect(detail.history).toEqual([expect.objectContaining({ action: 'submit', actionLabel: '提交申请', to: 'pre_review', by: 'applicant' })]);
    const licence = detail.materials.find((m) => m.source === 'issued_licence');
    // Resolved from the enterprise's licence wallet (电子证照), not uploaded.
    expect(licence).toMatchObject({ files: [], licence: { name: expect.any(String), issuer: expect.any(String), status: 'verified', number: expect.any(String) } });
    expect(await myCases(user)).toEqual([detail.caseNumber]);

    // The agent's identity number is stored encrypted, never in plain text.
    const dynamo = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    const stored = await dynamo.send(
      new GetItemCommand({ TableName: process.env.TABLE_NAME!, Key: { pk: { S: `CASE#${detail.caseNumber}` }, sk: { S: 'META' } } }),
    );
    dynamo.destroy();
    expect(JSON.stringify(stored.Item)).not.toContain(body.applicant.agent.idNumber);
    expect(JSON.stringify(stored.Item)).not.toContain('13955912345');
  });

  it('lets the applicant download their material through a short-lived link', async () => {
    const user = await newUser();
    const res = await submit(user, await completeApplication(user, item, FIELDS));
    const material = (res.body as CaseDetail).materials.find((m) => m.files.length)!;
    const link = await api(`/cases/${res.body.caseNumber}/materials/${material.materialId}/files/0`, { headers: asUser(user) });
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(MINIMAL_PDF);
  });

  it('turns 50 concurrent submissions with one idempotency key into exactly one case', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, FIELDS);
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, () => submit(user, body, key)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200)).toBe(true);
    expect([...new Set(responses.map((r) => r.body.caseNumber ?? JSON.stringify(r.body)))]).toHaveLength(1);
    expect(await myCases(user)).toEqual([responses[0]!.body.caseNumber]);

    const retry = await submit(user, body, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.caseNumber).toBe(responses[0]!.body.caseNumber);
  }, 150_000);

  it('refuses an idempotency key reused for a different application', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, FIELDS);
    const key = randomUUID();
    expect((await submit(user, body, key)).status).toBe(201);
    const other = await submit(user, { ...body, fields: { ...FIELDS, registeredCapital: 50 } }, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('APPLY_IDEMPOTENCY_KEY_REUSED');
    expect(await myCases(user)).toHaveLength(1);
  });

  it('names each missing, empty, wrong-type or foreign material, and writes nothing', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const body = await completeApplication(user, item, FIELDS);
    const required = item.guide.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required');
    const [missing, empty, fake, foreign] = required;
    const materials = { ...body.materials };
    delete materials[missing!.id];
    materials[empty!.id] = [await upload(user, item.implementationCode, empty!.id, Buffer.alloc(0))];
    materials[fake!.id] = [await upload(user, item.implementationCode, fake!.id, Buffer.from('这不是PDF，只是一段文字'))];
    materials[foreign!.id] = [await upload(stranger, item.implementationCode, foreign!.id, MINIMAL_PNG, { contentType: 'image/png', fileName: 'x.png' })];

    const first = await submit(user, { ...body, materials });
    expect(first.status).toBe(400);
    expect(first.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(first.body.details).toEqual([{ path: `materials.${missing!.id}`, message: `请上传“${missing!.name}”` }]);

    materials[missing!.id] = body.materials[missing!.id]!;
    const second = await submit(user, { ...body, materials });
    expect(second.status).toBe(400);
    expect(second.body.code).toBe('APPLY_MATERIAL_INVALID');
    const byPath = Object.fromEntries(second.body.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath[`materials.${empty!.id}[0]`]).toBe(`“${empty!.name}”的文件是空的，请重新上传`);
    expect(byPath[`materials.${fake!.id}[0]`]).toBe(`“${fake!.name}”不是有效的 PDF、JPG 或 PNG 文件，请重新上传`);
    expect(byPath[`materials.${foreign!.id}[0]`]).toBe(`“${foreign!.name}”的文件无效，请重新上传`);
    expect(await myCases(user)).toEqual([]);
  });

  it('refuses an oversized material', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, FIELDS);
    const target = item.guide.materials.find((m) => m.source === 'applicant' && m.necessity === 'required')!;
    // Local S3 does not enforce the POST policy's size range; the function checks the stored object.
    // A client that declares a small size but sends more (real S3 would refuse it by the policy).
    const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const materials = { ...body.materials, [target.id]: [await upload(user, item.implementationCode, target.id, big, { declaredSize: 1024 })] };
    const res = await submit(user, { ...body, materials });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: `materials.${target.id}[0]`, message: `“${target.name}”的文件超过10MB，请压缩后重新上传` }]);
  });

  it('explains a wrong identity number next to its field', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, FIELDS);
    const good = body.applicant.agent.idNumber;
    const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await submit(user, { ...body, applicant: { ...body.applicant, agent: { ...body.applicant.agent, idNumber: wrongCheck } } });
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual({ path: 'applicant.agent.idNumber', message: '身份证号码校验位不正确，请逐位核对后重新输入' });
    expect(validResidentId('34100219900307123')).toBe(good);
  });

  it.each([
    ['malformed JSON', '{"implementationCode":', 400, 'COMMON_MALFORMED_JSON'],
    ['no body', '', 400, 'COMMON_BODY_REQUIRED'],
    ['a huge body', JSON.stringify({ padding: 'x'.repeat(70 * 1024) }), 413, 'COMMON_PAYLOAD_TOO_LARGE'],
    ['a body that is not an application', JSON.stringify([1, 2, 3]), 400, 'COMMON_VALIDATION_FAILED'],
  ])('answers %s with a clean 4xx and writes nothing', async (_why, raw, status, code) => {
    const user = await newUser();
    const res = await submit(user, raw);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await myCases(user)).toEqual([]);
  });

  it('requires an idempotency key and a caller', async () => {
    const user = await newUser();
    const noKey = await api('/cases', { method: 'POST', headers: asUser(user, { 'Content-Type': 'application/json' }), body: '{}' });
    expect(noKey.body.code).toBe('APPLY_IDEMPOTENCY_KEY_REQUIRED');
    const anonymous = await api('/cases', { method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: '{}' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH_REQUIRED');
  });
});

describe('privacy of cases', () => {
  it("hides one applicant's case and files from another", async () => {
    const owner = await newUser();
    const other = await newUser();
    const res = await submit(owner, await completeApplication(owner, item, FIELDS));
    const { caseNumber } = res.body as CaseDetail;
    const materialId = (res.body as CaseDetail).materials.find((m) => m.files.length)!.materialId;
    const peek = await api(`/cases/${caseNumber}`, { headers: asUser(other) });
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('CASE_NOT_FOUND');
    const download = await api(`/cases/${caseNumber}/materials/${materialId}/files/0`, { headers: asUser(other) });
    expect(download.status).toBe(404);
    expect(await myCases(other)).toEqual([]);
  });
});

describe('drafts', () => {
  it('keeps an unfinished application on the server, and removes it when submitted', async () => {
    const user = await newUser();
    const code = item.implementationCode;
    const form = { applicant: { kind: 'enterprise', agent: { name: '程晓雨', idNumber: '3410021990' } }, fields: { agencyName: '黄山云海' } };
    const saved = await api(`/drafts/${code}`, { method: 'PUT', headers: asUser(user, { 'Content-Type': 'application/json' }), body: JSON.stringify({ form }) });
    expect(saved.status).toBe(200);
    const days = (new Date(saved.body.expiresAt).getTime() - new Date(saved.body.updatedAt).getTime()) / 86_400_000;
    expect(days).toBe(30);

    const list = await api('/drafts', { headers: asUser(user) });
    expect(list.body.drafts).toEqual([expect.objectContaining({ implementationCode: code, itemName: '旅行社业务经营许可' })]);
    const again = await api(`/drafts/${code}`, { headers: asUser(user) });
    expect(again.body.form).toEqual(form);
    expect((await api(`/drafts/${code}`, { headers: asUser(await newUser()) })).status).toBe(404);

    expect((await submit(user, await completeApplication(user, item, FIELDS))).status).toBe(201);
    expect((await api('/drafts', { headers: asUser(user) })).body.drafts).toEqual([]);
  });
});
