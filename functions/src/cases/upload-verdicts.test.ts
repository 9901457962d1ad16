import type { Caller } from '../auth/caller';
import { directInspectionAnswer, directInspectionKey } from './direct-inspection';
import { invokedMaterialInspector } from './invoked-inspector';
import type { InspectedFile, MaterialInspector } from './material-storage';
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

describe('the whole-file check in verdicts and at submission', () => {
  const caller = { userId: 'u-1' } as Caller;
  const material = { id: 'm', name: '营业场所照片' };

  it('is recorded in the verdict, and read back by submission', async () => {
    const item = verdictItem({ objectKey: 'materials/u-1/a.png', owner: 'u-1', size: 80, head: PNG, content: 'trailing_data', sequencer: '01', now: NOW, ttlDays: 30 });
    expect(item).toMatchObject({ contentType: 'image/png', content: 'trailing_data' });
    const written: UploadVerdictItem[] = [];
    const inspector: MaterialInspector = { inspect: async () => ({ size: 80, head: PNG, content: 'damaged' }) };
    await uploadInspection({ inspector, verdicts: { put: async (row) => (written.push(row), true) }, ttlDays: 30, now: () => NOW }).handle([record('materials/u-1/b.png', '02')]);
    expect(written[0]).toMatchObject({ contentType: 'image/png', content: 'damaged' });
  });

  it('tells the applicant what is wrong with each file, the same from a verdict as from the object', async () => {
    const found: Record<string, InspectedFile> = {
      'materials/u-1/appended.png': { size: 90, head: PNG, content: 'trailing_data' },
      'materials/u-1/renamed.png': { size: 90, head: PDF, content: 'type_mismatch' },
      'materials/u-1/broken.pdf': { size: 90, head: PDF, content: 'damaged' },
      'materials/u-1/huge.png': { size: 90, head: PNG, content: 'too_many_pixels' },
      'materials/u-1/fine.pdf': { size: 90, head: PDF, content: 'sound' },
    };
    const uploads = Object.keys(found).map((key) => ({ key, fileName: 'x' }));
    const fromObjects = await checkUploads({ inspector: { inspect: async (key) => found[key] } }, caller, [{ material, uploads }]);
    const verdicts = new Map(
      Object.entries(found).map(([key, file]): [string, UploadVerdict] => [key, { owner: 'u-1', size: file.size, contentType: file.head === PDF ? 'application/pdf' : 'image/png', content: file.content }]),
    );
    const fromVerdicts = await checkUploads({ inspector: { inspect: async () => undefined }, verdicts: { read: async () => verdicts } }, caller, [{ material, uploads }]);
    expect(fromVerdicts).toEqual(fromObjects);
    expect(fromObjects.issues.map((i) => i.message)).toEqual([
      '“营业场所照片”不是完整有效的 PNG 文件：文件末尾附带了其他内容，请重新保存或导出后上传',
      '“营业场所照片”的内容是 PDF 文件，与文件扩展名 .png 不符，请改正扩展名后重新上传',
      '“营业场所照片”不是完整有效的 PDF 文件，请重新保存或导出后上传',
      '“营业场所照片”的图片超过3000万像素，请缩小尺寸后重新上传',
    ]);
    expect(fromObjects.stored.get('m')).toEqual([{ index: 4, key: 'materials/u-1/fine.pdf', fileName: 'x', size: 90, contentType: 'application/pdf' }]);
  });

  it('travels unchanged when submission asks the upload inspector directly', async () => {
    const files: Record<string, InspectedFile> = { 'materials/u-1/a.png': { size: 90, head: PNG, content: 'trailing_data' }, 'materials/u-1/b.pdf': { size: 0, head: new Uint8Array() } };
    const requests: unknown[] = [];
    // The invocation goes through JSON, as Lambda carries it.
    const inspector = invokedMaterialInspector(async (request) => {
      requests.push(request);
      const key = directInspectionKey(JSON.parse(JSON.stringify(request)));
      return JSON.parse(JSON.stringify(directInspectionAnswer(key ? files[key] : undefined)));
    });
    expect(await inspector.inspect('materials/u-1/a.png')).toEqual({ size: 90, head: PNG, content: 'trailing_data' });
    expect(await inspector.inspect('materials/u-1/b.pdf')).toEqual({ size: 0, head: new Uint8Array() });
    expect(await inspector.inspect('materials/u-1/gone.pdf')).toBeUndefined();
    expect(requests).toEqual([{ inspect: 'materials/u-1/a.png' }, { inspect: 'materials/u-1/b.pdf' }, { inspect: 'materials/u-1/gone.pdf' }]);
  });

  it('is asked directly only about keys under materials/; anything else is an S3 notification', () => {
    expect(directInspectionKey({ inspect: 'materials/u-1/a.png' })).toBe('materials/u-1/a.png');
    for (const event of [{ inspect: 'other/a.png' }, { inspect: 3 }, { Records: [] }, null]) expect(directInspectionKey(event)).toBeUndefined();
  });
});
