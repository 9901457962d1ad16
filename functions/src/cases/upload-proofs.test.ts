import { randomBytes } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import { MAX_FILES_PER_MATERIAL, MAX_GUIDE_MATERIALS, creditCodeCheckChar, materialRequirement, residentIdCheckChar, type ImplementationItem } from '@ah-tourism/shared';
import { calendarWithOverrides } from '@ah-tourism/shared/src/calendar/official';
import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import type { Caller } from '../auth/caller';
import type { LicenceWallet } from '../licences/wallet';
import { configuredKeyProvider } from '../platform/crypto';
import { requestHash } from '../platform/idempotency';
import type { InspectedFile } from './material-storage';
import { declaredVerdicts, verdictsAfterProofs, type UploadVerdict } from './materials';
import type { CreateResult, NewCase, UploadProof } from './records';
import { MAX_TRANSACTION_ITEMS, newCaseTransaction, type RefutedUploads } from './store';
import { caseSubmission, hashedContent } from './submission';
import { refutedProofs, uploadProofCheck, type UploadVerdictItem } from './upload-verdicts';

/*
 * Uploaded files proven inside the transaction that creates the case: an application that declares each
 * file's type and size is written without reading any verdict first; only a refuted proof sends its file
 * back to the checks of before (the verdict the failed check returned, or the object itself).
 */
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
const seed = loadCatalogSeed();
const itemNamed = (name: string) => seed.items.find((i) => i.name === name && i.regionCode === '341000')!;
const caller: Caller = { userId: 'u-1', sessionId: 's-1', provincialAdmin: false };
const creditCode = `91341000MA2T3K4L5${creditCodeCheckChar('91341000MA2T3K4L5')}`;
const person = (first17: string) => ({ name: '方晓燕', idNumber: `${first17}${residentIdCheckChar(first17)}`, mobile: '13955967890' });
const WALLET: LicenceWallet = {
  complete: true,
  licences: [{ name: '营业执照', number: creditCode, issuer: '黄山市市场监督管理局', validUntil: '2099-12-31', status: 'valid', source: 'provincial' }],
};

/** Every upload the item requires, each declared as the phone declares it (a PDF of 480 bytes). */
function uploadsOf(item: ImplementationItem, throughAgent: boolean) {
  const needed = item.guide.materials.filter((m) => materialRequirement(m, throughAgent) === 'upload_required');
  return Object.fromEntries(needed.map((m) => [m.id, [{ key: `materials/u-1/${m.id}.pdf`, fileName: `${m.id}.pdf`, contentType: 'application/pdf', size: 480 }]]));
}

const agencyApplication = (item: ImplementationItem) => ({
  implementationCode: item.implementationCode,
  applicant: { kind: 'enterprise', enterprise: { name: '黄山云海旅行社有限公司', creditCode, legalRepresentative: '汪明' }, agent: person('34100219900307123') },
  fields: { agencyName: '黄山云海旅行社有限公司', premisesAddress: '黄山市屯溪区新安北路88号2楼', premisesTenure: '自有产权', registeredCapital: 30 },
  materials: uploadsOf(item, true),
});

const tourGuideApplication = (item: ImplementationItem) => ({
  implementationCode: item.implementationCode,
  applicant: { kind: 'person', person: person('34100219920515002') },
  fields: { qualificationNumber: 'DYZG-2026-341000', language: '中文', employer: '黄山云海旅行社有限公司' },
  materials: uploadsOf(item, false),
});

// The answer's view reads the stage's settings; nothing here reaches a table.
const saved = process.env;
beforeAll(() => {
  process.env = { ...saved, STAGE: 'test', TABLE_NAME: 'main' };
});
afterAll(() => {
  process.env = saved;
});

/** A submission whose store answers each transaction in turn, and whose reads are all counted. */
function submission(item: ImplementationItem, answers: (CreateResult | RefutedUploads)[], objects: Record<string, InspectedFile> = {}, verdicts = new Map<string, UploadVerdict>()) {
  const sent: NewCase[] = [];
  const reads = { verdicts: 0, wallets: [] as string[], inspected: [] as string[] };
  const service = caseSubmission({
    cases: {
      createCase: async (input) => (sent.push(input), answers.shift() ?? 'created'),
      getCase: async () => undefined,
    },
    guide: async (code) => (code === item.implementationCode ? item : undefined),
    regions: async () => [],
    wallets: async (holder) => (reads.wallets.push(holder.kind === 'enterprise' ? holder.creditCode : holder.idNumber), WALLET),
    files: {
      inspector: { inspect: async (key) => (reads.inspected.push(key), objects[key]) },
      verdicts: { read: async () => ((reads.verdicts += 1), verdicts) },
    },
    keys: configuredKeyProvider(randomBytes(32).toString('base64')),
    draftTtlDays: 30,
    calendar: async () => calendarWithOverrides({ holidays: [], workdays: [] }),
    lifecycle: () => ({ transition: async () => Promise.reject(new Error('no smart approval here')) }),
  });
  return { sent, reads, submit: (body: unknown) => service.submit(caller, 'key-0123456789abcdef', body) };
}

/** A file as the case's application row records it. */
const storedFile = (input: NewCase, key: string) => input.application.materials.flatMap((m) => m.files).find((f) => f.key === key);

describe('declared files', () => {
  const item = itemNamed('旅行社业务经营许可');

  it('are proven in the case transaction: no verdict read, no inspection, one proof per file', async () => {
    const body = agencyApplication(item);
    const { sent, reads, submit } = submission(item, ['created']);
    const { created, case: detail } = await submit(body);
    expect(created).toBe(true);
    expect(reads).toEqual({ verdicts: 0, wallets: [creditCode], inspected: [] });
    const keys = Object.values(body.materials).flat().map((file) => file.key);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.uploads).toEqual(keys.map((key) => ({ key, owner: 'u-1', size: 480, contentType: 'application/pdf' })));
    expect(keys.map((key) => storedFile(sent[0]!, key))).toEqual(keys.map((key) => ({ index: 0, key, fileName: key.slice('materials/u-1/'.length), size: 480, contentType: 'application/pdf' })));
    expect(detail.materials.find((m) => m.source === 'issued_licence' && m.licence?.name === '营业执照')?.licence).toMatchObject({ status: 'verified', number: creditCode });
  });

  it('are read as before when the application does not declare them, and proven as read', async () => {
    const body = agencyApplication(item);
    const undeclared = Object.fromEntries(Object.entries(body.materials).map(([id, files]) => [id, files.map(({ key, fileName }) => ({ key, fileName }))]));
    const keys = Object.values(body.materials).flat().map((file) => file.key);
    const recorded = new Map(keys.map((key): [string, UploadVerdict] => [key, { owner: 'u-1', size: 512, contentType: 'application/pdf', content: 'sound' }]));
    const { sent, reads, submit } = submission(item, ['created'], {}, recorded);
    await submit({ ...body, materials: undeclared });
    expect(reads.verdicts).toBe(1);
    expect(sent[0]!.uploads).toEqual(keys.map((key) => ({ key, owner: 'u-1', size: 512, contentType: 'application/pdf' })));
  });

  it('stand for accepted verdicts only when all are the caller’s own, named once and declared', () => {
    const material = { id: 'm', name: '申请书' };
    const file = (key: string, declared = true) => ({ key, fileName: 'x.pdf', ...(declared ? { contentType: 'application/pdf' as const, size: 9 } : {}) });
    expect(declaredVerdicts(caller, [{ material, uploads: [file('materials/u-1/a.pdf'), file('materials/u-1/b.pdf')] }])).toEqual(
      new Map([
        ['materials/u-1/a.pdf', { owner: 'u-1', size: 9, contentType: 'application/pdf', content: 'sound' }],
        ['materials/u-1/b.pdf', { owner: 'u-1', size: 9, contentType: 'application/pdf', content: 'sound' }],
      ]),
    );
    expect(declaredVerdicts(caller, [{ material, uploads: [file('materials/u-2/a.pdf')] }])).toBeUndefined();
    expect(declaredVerdicts(caller, [{ material, uploads: [file('materials/u-1/a.pdf'), file('materials/u-1/a.pdf')] }])).toBeUndefined();
    expect(declaredVerdicts(caller, [{ material, uploads: [file('materials/u-1/a.pdf'), file('materials/u-1/b.pdf', false)] }])).toBeUndefined();
  });

  it('do not change what the idempotency key covers', () => {
    const body = agencyApplication(item);
    const undeclared = { ...body, materials: Object.fromEntries(Object.entries(body.materials).map(([id, files]) => [id, files.map(({ key, fileName }) => ({ key, fileName }))])) };
    expect(requestHash(hashedContent(body))).toBe(requestHash(undeclared));
    expect(requestHash(hashedContent(undeclared))).toBe(requestHash(undeclared));
    for (const odd of [null, [1, 2], 'text', { materials: [1] }, { materials: { m: 'x' } }]) expect(hashedContent(odd)).toEqual(odd);
  });
});

describe('the licence wallet', () => {
  it('is read only for an application that needs it', async () => {
    const item = itemNamed('导游证核发');
    const { reads, submit } = submission(item, ['created']);
    const { case: detail } = await submit(tourGuideApplication(item));
    // A person's wallet is read by ID number; this one holds neither licence, so both wait for staff.
    expect(reads).toEqual({ verdicts: 0, wallets: [expect.stringMatching(/^\d{17}[\dX]$/)], inspected: [] });
    expect(detail.materials.filter((m) => m.source === 'issued_licence').map((m) => m.licence?.status)).toEqual(['awaiting_wallet', 'awaiting_wallet']);
  });
});

describe('a refuted proof', () => {
  const item = itemNamed('旅行社业务经营许可');

  it('of a file without a verdict yet: the file is inspected, then the case written without its proof', async () => {
    const body = agencyApplication(item);
    const [late, ...others] = Object.values(body.materials).flat().map((file) => file.key);
    const { sent, reads, submit } = submission(item, [{ refuted: new Map([[late!, undefined]]) }, 'created'], { [late!]: { size: 321, head: PDF, content: 'sound' } });
    const { created } = await submit(body);
    expect(created).toBe(true);
    expect(reads.inspected).toEqual([late]);
    expect(sent.map((input) => input.uploads.map((proof) => proof.key))).toEqual([[late, ...others], others]);
    expect(storedFile(sent[1]!, late!)).toMatchObject({ size: 321, contentType: 'application/pdf' });
  });

  it('of a verdict that says another size: the case records and proves what the verdict says', async () => {
    const body = agencyApplication(item);
    const [changed] = Object.values(body.materials).flat().map((file) => file.key);
    const verdict: UploadVerdict = { owner: 'u-1', size: 999, contentType: 'application/pdf', content: 'sound' };
    const { sent, reads, submit } = submission(item, [{ refuted: new Map([[changed!, verdict]]) }, 'created']);
    await submit(body);
    expect(reads.inspected).toEqual([]);
    expect(sent[1]!.uploads.find((proof) => proof.key === changed)).toEqual({ key: changed, owner: 'u-1', size: 999, contentType: 'application/pdf' });
    expect(storedFile(sent[1]!, changed!)?.size).toBe(999);
  });

  it('leaves the verdicts of the proofs that held as proven', () => {
    const proofs: UploadProof[] = ['a', 'b', 'c'].map((name) => ({ key: `materials/u-1/${name}.pdf`, owner: 'u-1', size: 5, contentType: 'application/pdf' }));
    const empty: UploadVerdict = { owner: 'u-1', size: 0, contentType: undefined };
    const seen = verdictsAfterProofs(proofs, new Map([['materials/u-1/b.pdf', empty], ['materials/u-1/c.pdf', undefined]]));
    expect(seen).toEqual(new Map([['materials/u-1/a.pdf', { owner: 'u-1', size: 5, contentType: 'application/pdf', content: 'sound' }], ['materials/u-1/b.pdf', empty]]));
  });
});

describe('proofs in the transaction', () => {
  const proofs: UploadProof[] = ['a', 'b', 'c'].map((name) => ({ key: `materials/u-1/${name}.png`, owner: 'u-1', size: 70, contentType: 'image/png' }));

  it('check the verdict row: accepted, this uploader, this size and type, returning the row on failure', () => {
    expect(uploadProofCheck('main', proofs[0]!)).toEqual({
      ConditionCheck: {
        TableName: 'main',
        Key: { pk: 'UPLOAD#materials/u-1/a.png', sk: 'VERDICT' },
        ConditionExpression: '#owner = :owner AND #size = :size AND #type = :type AND #content = :sound',
        ExpressionAttributeNames: { '#owner': 'owner', '#size': 'size', '#type': 'contentType', '#content': 'content' },
        ExpressionAttributeValues: { ':owner': 'u-1', ':size': 70, ':type': 'image/png', ':sound': 'sound' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });
  });

  it('are refuted by their own cancellation reasons, in order, with the row each returned', () => {
    const row = (key: string, extra: Partial<UploadVerdictItem>) => marshall({ pk: `UPLOAD#${key}`, sk: 'VERDICT', kind: 'upload_verdict', owner: 'u-1', size: 70, contentType: 'image/png', sequencer: '01', inspectedAt: '', expiresAt: 0, ...extra });
    const refuted = refutedProofs(
      [
        { Code: 'ConditionalCheckFailed', Item: row('materials/u-1/a.png', { content: 'trailing_data' }) },
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed' },
      ],
      proofs,
    );
    expect(refuted).toEqual(
      new Map([
        ['materials/u-1/a.png', { owner: 'u-1', size: 70, contentType: 'image/png', content: 'trailing_data' }],
        ['materials/u-1/c.png', undefined],
      ]),
    );
    // A row recorded before whole files were checked is not believed: its file is inspected again.
    expect(refutedProofs([{ Code: 'ConditionalCheckFailed', Item: row('materials/u-1/a.png', {}) }], proofs)).toEqual(new Map([['materials/u-1/a.png', undefined]]));
  });

  it('come last, and the largest application the schemas allow fits in one transaction', () => {
    const largest = Array.from({ length: MAX_GUIDE_MATERIALS * MAX_FILES_PER_MATERIAL }, (_, i): UploadProof => ({ key: `materials/u-1/${i}.pdf`, owner: 'u-1', size: 1, contentType: 'application/pdf' }));
    const newCase = {
      record: { caseNumber: 'C1', submittedAt: '2026-03-02T01:02:03.000Z', submitterUserId: 'u-1', implementationCode: 'X', status: 'pre_review', clock: {} },
      application: {},
      events: [{}],
      timers: [{ caseNumber: 'C1', kind: 'deadline', fireAt: '2026-03-09T01:00:00.000Z', event: {} }],
      idempotency: { userId: 'u-1', key: 'k', operation: 'case_submission', requestHash: 'h', ttlSeconds: 60 },
      uploads: largest,
    } as unknown as NewCase;
    const items = newCaseTransaction('main', newCase);
    expect(items.length).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    expect(items.slice(-largest.length)).toEqual(largest.map((proof) => uploadProofCheck('main', proof)));
    expect(() => newCaseTransaction('main', { ...newCase, uploads: [...largest, ...largest] })).toThrow(/transaction items/);
  });
});
