import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { guideFileSchema, guideFilesOf } from '../../../shared/src/catalog/guide-file';
import { formatProblem, loadCatalogSeed, validateCatalogItemFile, type CatalogSeed } from '../catalog-data';
import { REPO_ROOT } from '../../local/paths';
import { CERTIFICATES, FORMS, seedFileNames } from './forms';
import { certificatePdf, formPdf } from './generate';
import { countPdfPages, DEFAULT_GUIDE_FILES_DIR, readSeedGuideFile, seedGuideFileObjects } from './seed-files';

const DAOYOU_FILE = 'data/items/daoyouzheng.json';
const daoyouFile = (): any => JSON.parse(readFileSync(path.join(REPO_ROOT, DAOYOU_FILE), 'utf8'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let seed: CatalogSeed;
beforeAll(() => {
  seed = loadCatalogSeed();
});

describe('the seed guides\' files', () => {
  it('are real files: every reference is valid and its id is the hash of the bytes in data/guide-files', () => {
    const objects = seedGuideFileObjects(seed.items);
    expect(objects.length).toBeGreaterThanOrEqual(40);
    for (const { file, bytes } of objects) {
      expect(guideFileSchema.parse(file)).toEqual(file);
      expect(sha256(bytes)).toBe(file.fileId);
      expect(bytes.length).toBe(file.size);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('gives every item with a named blank form, sample or result sample a file, one upload per distinct file', () => {
    const references = seed.items.flatMap((item) => guideFilesOf(item.guide));
    const distinct = new Set(references.map((r) => r.file.fileId));
    // 授权委托书 is one file whatever the number of guides that offer it.
    const authorisations = references.filter((r) => r.file.name === '授权委托书（空白表格）');
    expect(new Set(authorisations.map((r) => r.file.fileId)).size).toBe(1);
    expect(seedGuideFileObjects(seed.items)).toHaveLength(distinct.size);
    const guide = seed.items.find((i) => i.name === '旅行社业务经营许可')!.guide;
    expect(guide.materials.find((m) => m.blankForm)?.blankForm?.name).toBe('旅行社业务经营许可申请书（空白表格）');
    expect(guide.result.sample?.name).toBe('旅行社业务经营许可证（样本）');
  });

  it('are all used: no file in data/guide-files that no guide names', () => {
    const used = new Set(seedGuideFileObjects(seed.items).map((o) => o.file.fileId));
    const unused = readdirSync(DEFAULT_GUIDE_FILES_DIR).filter((name) => !used.has(sha256(readFileSync(path.join(DEFAULT_GUIDE_FILES_DIR, name)))));
    expect(unused).toEqual([]);
    expect(readdirSync(DEFAULT_GUIDE_FILES_DIR).sort()).toEqual(seedFileNames().map((f) => f.file).sort());
  });

  it.each(readdirSync(DEFAULT_GUIDE_FILES_DIR))('%s is a sound one-page PDF whose page count the seed reads right', async (name) => {
    const bytes = readFileSync(path.join(DEFAULT_GUIDE_FILES_DIR, name));
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBe(1);
    expect(countPdfPages(bytes)).toBe(document.getPageCount());
  });

  it('are what the generator writes, byte for byte (so regenerating changes no id)', async () => {
    const form = FORMS.find((f) => f.slug === 'lvxingshe-xuke-shenqingshu')!;
    const read = (name: string) => readFileSync(path.join(DEFAULT_GUIDE_FILES_DIR, name));
    expect((await formPdf(form, false)).equals(read(`${form.slug}-blank.pdf`))).toBe(true);
    expect((await formPdf(form, true)).equals(read(`${form.slug}-sample.pdf`))).toBe(true);
    expect((await certificatePdf(CERTIFICATES[0]!)).equals(read(`${CERTIFICATES[0]!.slug}.pdf`))).toBe(true);
  });
});

describe('validating an item file\'s guide files', () => {
  it('refuses a blank form given as a bare name, naming the field', () => {
    const file = daoyouFile();
    file.guide.materials[2].blankForm = '未患有传染性疾病承诺书（格式文本）';
    const { items, problems } = validateCatalogItemFile(file, DAOYOU_FILE, seed);
    expect(items).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^data\/items\/daoyouzheng\.json › .+ › guide\.materials\[2\]\.blankForm: 应为已上传的文件/);
  });

  it('refuses a file that is not in data/guide-files, naming field and file', () => {
    const file = daoyouFile();
    file.guide.result.sample = { name: '电子导游证样式', file: 'no-such-file.pdf' };
    const { items, problems } = validateCatalogItemFile(file, DAOYOU_FILE, seed);
    expect(items).toEqual([]);
    expect(problems.map(formatProblem)).toEqual(['data/items/daoyouzheng.json › guide.result.sample.file: 结果样本：找不到文件 data/guide-files/no-such-file.pdf']);
  });

  it('refuses a reference without a name, or with fields it does not know', () => {
    const file = daoyouFile();
    file.guide.materials[2].blankForm = { file: 'shouquan-weituoshu-blank.pdf' };
    file.guide.materials[3].sample = { name: '示例', file: 'shouquan-weituoshu-blank.pdf', size: 1 };
    const { problems } = validateCatalogItemFile(file, DAOYOU_FILE, seed);
    expect(problems.map(formatProblem).sort()).toEqual([
      'data/items/daoyouzheng.json › guide.materials[2].blankForm.name: 缺少空白表格的文件名称',
      'data/items/daoyouzheng.json › guide.materials[3].sample: 示例样表只能写 name（文件名称）和 file（data/guide-files 中的文件）',
    ]);
  });

  it('reads a file\'s type from its extension and refuses one that is not a guide file type', () => {
    expect(readSeedGuideFile(DEFAULT_GUIDE_FILES_DIR, 'x', 'setup.exe')).toMatch(/扩展名为 pdf、doc、docx、xls、xlsx、jpg 或 png/);
    const resolved = readSeedGuideFile(DEFAULT_GUIDE_FILES_DIR, '授权委托书（空白表格）', 'shouquan-weituoshu-blank.pdf');
    expect(resolved).toEqual(expect.objectContaining({ name: '授权委托书（空白表格）', contentType: 'application/pdf', pages: 1 }));
  });
});
