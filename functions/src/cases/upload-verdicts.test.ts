import type { Caller } from '../auth/caller';
import type { MaterialInspector } from './material-storage';
import { checkUploads, type UploadVerdict } from './materials';
import {
  compareSequencers,
  decodeEventKey,
  normalSequencer,
  ownerOfKey,
  uploadInspection,
  uploadVerdictKey,
  verdictItem,
  type S3UploadRecord,
  type UploadVerdictItem,
} from './upload-verdicts';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const NOW = new Date('2026-03-02T01:02:03.000Z');
const record = (key: string, sequencer: string, eventName = 'ObjectCreated:Post'): S3UploadRecord => ({
  eventName,
  s3: { bucket: { name: 'materials' }, object: { key, sequencer } },
});

describe('sequencers', () => {
  it('compare as S3 documents: same-length hex after left-padding', () => {
    expect(compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E6')).toBeLessThan(0);
    expect(compareSequencers('FF', '0100')).toBeLessThan(0);
    expect(compareSequencers('100', 'FF')).toBeGreaterThan(0);
    expect(compareSequencers('00ab', 'AB')).toBe(0);
  });

  it('are stored at one width, so DynamoDB string order is event order', () => {
    const [a, b] = [normalSequencer('FF'), normalSequencer('0100')];
    expect(a).toHaveLength(b.length);
    expect(a < b).toBe(true);
    expect(normalSequencer('abc')).toMatch(/^0+ABC$/);
    expect(() => normalSequencer('xyz')).toThrow();
  });
});

describe('owner of an object key', () => {
  it('is the user of materials/<user>/<file>', () => {
    expect(ownerOfKey('materials/u-123/2f1c.pdf')).toBe('u-123');
    expect(ownerOfKey('materials/u-123/sub/2f1c.pdf')).toBe('u-123');
  });

  it('is nobody for keys outside that layout', () => {
    for (const key of ['materials/u-123', 'materials//x.pdf', 'materials/u-123/', 'other/u-123/x.pdf', 'u-123/x.pdf']) expect(ownerOfKey(key)).toBeUndefined();
  });

  it('is read after decoding the event key', () => {
    expect(decodeEventKey('materials/u-1/my+file%E4%B8%AD.pdf')).toBe('materials/u-1/my file中.pdf');
  });
});

describe('a verdict', () => {
  it('records owner, size, sniffed type, sequencer and the draft lifetime', () => {
    const item = verdictItem({ objectKey: 'materials/u-1/a.pdf', owner: 'u-1', size: 480, head: PDF, sequencer: '0062E99A88DC407460', now: NOW, ttlDays: 30 });
    expect(item).toEqual({
      pk: 'UPLOAD#materials/u-1/a.pdf',
      sk: 'VERDICT',
      kind: 'upload_verdict',
      owner: 'u-1',
      size: 480,
      contentType: 'application/pdf',
      sequencer: normalSequencer('0062E99A88DC407460'),
      inspectedAt: NOW.toISOString(),
      expiresAt: NOW.getTime() / 1000 + 30 * 86_400,
    });
    expect(uploadVerdictKey('materials/u-1/a.pdf')).toEqual({ pk: item.pk, sk: item.sk });
  });

  it('has no type when the first bytes are none of PDF, JPG, PNG', () => {
    const item = verdictItem({ objectKey: 'materials/u-1/a.pdf', owner: 'u-1', size: 3, head: new Uint8Array([1, 2, 3]), sequencer: '01', now: NOW, ttlDays: 30 });
    expect(item).not.toHaveProperty('contentType');
  });
});

describe('inspecting uploads', () => {
  const setup = (objects: Record<string, { size: number; head: Uint8Array }>, accept = true) => {
    const inspected: string[] = [];
    const written: UploadVerdictItem[] = [];
    const inspector: MaterialInspector = { inspect: async (key) => (inspected.push(key), objects[key]) };
    const service = uploadInspection({ inspector, verdicts: { put: async (item) => (written.push(item), accept) }, ttlDays: 30, now: () => NOW });
    return { service, inspected, written };
  };

  it('inspects each created object under materials/<user>/ once and writes its verdict', async () => {
    const { service, inspected, written } = setup({ 'materials/u-1/a b.png': { size: 70, head: PNG } });
    expect(await service.handle([record('materials/u-1/a+b.png', '0A')])).toEqual({ written: 1, skipped: 0, stale: 0 });
    expect(inspected).toEqual(['materials/u-1/a b.png']);
    expect(written).toEqual([expect.objectContaining({ pk: 'UPLOAD#materials/u-1/a b.png', owner: 'u-1', size: 70, contentType: 'image/png' })]);
  });

  it('skips removals, foreign keys and objects already gone', async () => {
    const { service, inspected, written } = setup({});
    const tally = await service.handle([record('materials/u-1/a.pdf', '01', 'ObjectRemoved:Delete'), record('elsewhere/a.pdf', '02'), record('materials/u-1/gone.pdf', '03')]);
    expect(tally).toEqual({ written: 0, skipped: 3, stale: 0 });
    expect(inspected).toEqual(['materials/u-1/gone.pdf']);
    expect(written).toEqual([]);
  });

  it('counts a verdict a later event already wrote as stale', async () => {
    const { service } = setup({ 'materials/u-1/a.pdf': { size: 9, head: PDF } }, false);
    expect(await service.handle([record('materials/u-1/a.pdf', '01')])).toEqual({ written: 0, skipped: 0, stale: 1 });
  });
});

describe('checking uploads from verdicts', () => {
  const caller = { userId: 'u-1' } as Caller;
  const material = { id: 'm', name: '申请书' };
  const files = (verdicts: Record<string, UploadVerdict>, objects: Record<string, { size: number; head: Uint8Array }>) => {
    const inspected: string[] = [];
    const reads: string[][] = [];
    return {
      inspected,
      reads,
      files: {
        inspector: { inspect: async (key: string) => (inspected.push(key), objects[key]) },
        verdicts: { read: async (keys: string[]) => (reads.push(keys), new Map(Object.entries(verdicts).filter(([k]) => keys.includes(k)))) },
      },
    };
  };

  it('reads all verdicts at once and inspects only files without one', async () => {
    const setup = files(
      { 'materials/u-1/a.pdf': { owner: 'u-1', size: 10, contentType: 'application/pdf' } },
      { 'materials/u-1/b.png': { size: 20, head: PNG } },
    );
    const uploads = [{ key: 'materials/u-1/a.pdf', fileName: 'a.pdf' }, { key: 'materials/u-1/b.png', fileName: 'b.png' }, { key: 'materials/u-2/c.pdf', fileName: 'c.pdf' }];
    const result = await checkUploads(setup.files, caller, [{ material, uploads }]);
    expect(setup.reads).toEqual([['materials/u-1/a.pdf', 'materials/u-1/b.png']]);
    expect(setup.inspected).toEqual(['materials/u-1/b.png']);
    expect(result.stored.get('m')).toEqual([
      { index: 0, key: 'materials/u-1/a.pdf', fileName: 'a.pdf', size: 10, contentType: 'application/pdf' },
      { index: 1, key: 'materials/u-1/b.png', fileName: 'b.png', size: 20, contentType: 'image/png' },
    ]);
    expect(result.issues).toEqual([{ path: 'materials.m[2]', message: '“申请书”的文件无效，请重新上传' }]);
  });

  it('gives the same messages from a verdict as from the object', async () => {
    const verdicts: Record<string, UploadVerdict> = {
      'materials/u-1/empty.pdf': { owner: 'u-1', size: 0, contentType: undefined },
      'materials/u-1/big.pdf': { owner: 'u-1', size: 11 * 1024 * 1024, contentType: 'application/pdf' },
      'materials/u-1/fake.pdf': { owner: 'u-1', size: 5, contentType: undefined },
    };
    const objects = Object.fromEntries(Object.entries(verdicts).map(([k, v]) => [k, { size: v.size, head: new Uint8Array(v.contentType ? PDF : [1, 2]) }]));
    const uploads = [...Object.keys(verdicts), 'materials/u-1/missing.pdf'].map((key) => ({ key, fileName: 'x.pdf' }));
    const fromVerdicts = await checkUploads(files(verdicts, {}).files, caller, [{ material, uploads }]);
    const fromObjects = await checkUploads(files({}, objects).files, caller, [{ material, uploads }]);
    expect(fromVerdicts.issues).toEqual(fromObjects.issues);
    expect(fromVerdicts.issues.map((i) => i.message)).toEqual([
      '“申请书”的文件是空的，请重新上传',
      '“申请书”的文件超过10MB，请压缩后重新上传',
      '“申请书”不是有效的 PDF、JPG 或 PNG 文件，请重新上传',
      '“申请书”的文件未上传成功，请重新上传',
    ]);
  });
});
