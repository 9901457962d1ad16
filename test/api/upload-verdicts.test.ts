import { DeleteItemCommand, GetItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { MINIMAL_PDF, MINIMAL_PNG, TRAVEL_AGENCY_FIELDS, completeApplication, newUser, submitApplication, travelAgencyItem, upload } from '../support/applications';

/*
 * Upload-completed events: every file posted to S3 under materials/ gets a verdict row (size, real type)
 * from inspectUpload, and submission proves each declared file by its row inside the transaction that
 * writes the case (an application that does not declare its files has the rows read first); a file whose
 * row is missing, refused or other than declared is checked as before, directly when it has no row.
 */
let item: ImplementationItem;
let dynamo: ReturnType<typeof localDynamoClient>;
const verdictKey = (objectKey: string): Record<string, AttributeValue> => ({ pk: { S: `UPLOAD#${objectKey}` }, sk: { S: 'VERDICT' } });

async function verdictOf(objectKey: string) {
  return (await dynamo.send(new GetItemCommand({ TableName: process.env.TABLE_NAME!, Key: verdictKey(objectKey), ConsistentRead: true }))).Item;
}

/** Polls until inspectUpload has recorded the file (the event goes through serverless offline). */
async function verdictAppears(objectKey: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await verdictOf(objectKey);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no upload verdict was recorded in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const keysOf = (materials: Record<string, { key: string }[]>) => Object.values(materials).flatMap((files) => files.map((f) => f.key));

beforeAll(async () => {
  item = await travelAgencyItem();
  dynamo = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
});

afterAll(() => dynamo.destroy());

describe('upload verdicts', () => {
  it('records each upload once S3 reports it, and submission then succeeds', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
    const keys = keysOf(body.materials);
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) {
      const verdict = await verdictAppears(key);
      expect(verdict).toMatchObject({
        kind: { S: 'upload_verdict' },
        owner: { S: key.split('/')[1] },
        size: { N: String(MINIMAL_PDF.length) },
        contentType: { S: 'application/pdf' },
        sequencer: { S: expect.stringMatching(/^[0-9A-F]+$/) },
      });
      const days = (Number(verdict.expiresAt!.N) - Date.now() / 1000) / 86_400;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
    }
    expect((await submitApplication(user, body)).status).toBe(201);
  }, 60_000);

  it('checks from the verdict, not the object, when there is one', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
    const [materialId, [file]] = Object.entries(body.materials)[0]!;
    await verdictAppears(file!.key);
    // A verdict saying the file is empty is believed (the object itself is a valid PDF).
    await dynamo.send(
      new UpdateItemCommand({ TableName: process.env.TABLE_NAME!, Key: verdictKey(file!.key), UpdateExpression: 'SET size = :zero', ExpressionAttributeValues: { ':zero': { N: '0' } } }),
    );
    const name = item.guide.materials.find((m) => m.id === materialId)!.name;
    const res = await submitApplication(user, body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: `materials.${materialId}[0]`, message: `“${name}”的文件是空的，请重新上传` }]);
  }, 60_000);

  it('falls back to the object when a verdict is missing', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
    const entries = Object.entries(body.materials);
    const valid = entries[0]![1][0]!;
    const fakeId = entries[1]![0];
    const fake = await upload(user, item.implementationCode, fakeId, Buffer.from('这不是PDF，只是一段文字'));
    for (const key of [...keysOf(body.materials), fake.key]) await verdictAppears(key);
    // As if both events were lost: one file is good, one is not, and each is still checked correctly.
    for (const key of [valid.key, fake.key]) await dynamo.send(new DeleteItemCommand({ TableName: process.env.TABLE_NAME!, Key: verdictKey(key) }));
    const fakeName = item.guide.materials.find((m) => m.id === fakeId)!.name;
    const refused = await submitApplication(user, { ...body, materials: { ...body.materials, [fakeId]: [fake] } });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: `materials.${fakeId}[0]`, message: `“${fakeName}”不是有效的 PDF、JPG 或 PNG 文件，请重新上传` }]);
    expect(await verdictOf(valid.key)).toBeUndefined();
    expect((await submitApplication(user, body)).status).toBe(201);
  }, 60_000);

  it('gives exactly the messages of direct inspection for empty, wrong-type and oversized files', async () => {
    const user = await newUser();
    const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
    const required = item.guide.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required');
    const [empty, fake, big] = required;
    const materials = {
      ...body.materials,
      [empty!.id]: [await upload(user, item.implementationCode, empty!.id, Buffer.alloc(0))],
      [fake!.id]: [await upload(user, item.implementationCode, fake!.id, Buffer.from('这不是PDF，只是一段文字'))],
      [big!.id]: [await upload(user, item.implementationCode, big!.id, Buffer.concat([MINIMAL_PDF, Buffer.alloc(10 * 1024 * 1024)]), { declaredSize: 1024 })],
    };
    for (const key of keysOf(materials)) await verdictAppears(key);
    const res = await submitApplication(user, { ...body, materials });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('APPLY_MATERIAL_INVALID');
    expect(res.body.details).toEqual([
      { path: `materials.${empty!.id}[0]`, message: `“${empty!.name}”的文件是空的，请重新上传` },
      { path: `materials.${fake!.id}[0]`, message: `“${fake!.name}”不是有效的 PDF、JPG 或 PNG 文件，请重新上传` },
      { path: `materials.${big!.id}[0]`, message: `“${big!.name}”的文件超过10MB，请压缩后重新上传` },
    ]);
  }, 60_000);

  describe('proven inside the transaction that writes the case', () => {
    const filesOf = (detail: { materials: { materialId: string; files: { index: number; size: number; contentType: string }[] }[] }) =>
      detail.materials.flatMap((m) => m.files.map((f) => [m.materialId, f.index, f.size, f.contentType]));

    it('records what the verdict says when the phone declared another size, after checking that file again', async () => {
      const user = await newUser();
      const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
      const keys = keysOf(body.materials);
      for (const key of keys) await verdictAppears(key);
      const [materialId, [file]] = Object.entries(body.materials)[0]!;
      const res = await submitApplication(user, { ...body, materials: { ...body.materials, [materialId]: [{ ...file!, size: 4096 }] } });
      expect(res.status).toBe(201);
      expect(filesOf(res.body)).toContainEqual([materialId, 0, MINIMAL_PDF.length, 'application/pdf']);
    }, 60_000);

    it('checks an application that does not declare its files (an older app) as before, with the same result', async () => {
      const user = await newUser();
      const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
      for (const key of keysOf(body.materials)) await verdictAppears(key);
      const undeclared = Object.fromEntries(Object.entries(body.materials).map(([id, files]) => [id, files.map(({ key, fileName }) => ({ key, fileName }))]));
      const [older, newer] = [await submitApplication(user, { ...body, materials: undeclared }), await submitApplication(user, body)];
      expect([older.status, newer.status]).toEqual([201, 201]);
      expect(filesOf(older.body)).toEqual(filesOf(newer.body));
      expect(filesOf(newer.body)).toHaveLength(keysOf(body.materials).length);
    }, 60_000);
  });

  describe('what a file claims to be', () => {
    const HTML = Buffer.from('<html><body><script>fetch("/steal?c=" + document.cookie)</script></body></html>');

    /** An application whose first two required materials are replaced: a PNG with a page appended, and a PDF declared as a PNG. */
    async function withDisguisedFiles() {
      const user = await newUser();
      const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
      const [appended, renamed] = item.guide.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required');
      const png = { contentType: 'image/png', fileName: '营业场所.png' };
      const materials = {
        ...body.materials,
        [appended!.id]: [await upload(user, item.implementationCode, appended!.id, Buffer.concat([MINIMAL_PNG, HTML]), png)],
        [renamed!.id]: [await upload(user, item.implementationCode, renamed!.id, MINIMAL_PDF, png)],
      };
      const refusals = [
        { path: `materials.${appended!.id}[0]`, message: `“${appended!.name}”不是完整有效的 PNG 文件：文件末尾附带了其他内容，请重新保存或导出后上传` },
        { path: `materials.${renamed!.id}[0]`, message: `“${renamed!.name}”的内容是 PDF 文件，与文件扩展名 .png 不符，请改正扩展名后重新上传` },
      ];
      return { user, body: { ...body, materials }, keys: [materials[appended!.id]![0]!.key, materials[renamed!.id]![0]!.key], refusals };
    }

    it('refuses a PNG with an HTML page appended, and a PDF declared as a PNG, from their verdicts', async () => {
      const { user, body, keys, refusals } = await withDisguisedFiles();
      const [appended, renamed] = await Promise.all(keys.map((key) => verdictAppears(key)));
      expect(appended).toMatchObject({ contentType: { S: 'image/png' }, content: { S: 'trailing_data' } });
      expect(renamed).toMatchObject({ contentType: { S: 'application/pdf' }, content: { S: 'type_mismatch' } });
      const res = await submitApplication(user, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('APPLY_MATERIAL_INVALID');
      expect(res.body.details).toEqual(refusals);
    }, 60_000);

    it('refuses them just the same when their verdicts are missing, asking the upload inspector directly', async () => {
      const { user, body, keys, refusals } = await withDisguisedFiles();
      for (const key of keys) await verdictAppears(key);
      // As if the S3 events were lost or late: the result must not depend on them.
      for (const key of keys) await dynamo.send(new DeleteItemCommand({ TableName: process.env.TABLE_NAME!, Key: verdictKey(key) }));
      const res = await submitApplication(user, body);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(refusals);
      for (const key of keys) expect(await verdictOf(key)).toBeUndefined();
    }, 60_000);

    it('accepts a real PNG declared as a PNG', async () => {
      const user = await newUser();
      const body = await completeApplication(user, item, TRAVEL_AGENCY_FIELDS);
      const [photoId] = Object.keys(body.materials);
      const photo = await upload(user, item.implementationCode, photoId!, MINIMAL_PNG, { contentType: 'image/png', fileName: '营业场所.png' });
      expect(await verdictAppears(photo.key)).toMatchObject({ contentType: { S: 'image/png' }, content: { S: 'sound' } });
      expect((await submitApplication(user, { ...body, materials: { ...body.materials, [photoId!]: [photo] } })).status).toBe(201);
    }, 60_000);
  });
});
