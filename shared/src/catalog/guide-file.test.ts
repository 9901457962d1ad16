import { describeGuideFile, formatFileSize, guideFileDownloadName, guideFileSchema, guideFilesOf, type GuideFile } from './guide-file';
import { materialSchema } from './guide';

const FILE: GuideFile = {
  name: '旅行社业务经营许可申请书（空白表格）',
  fileId: 'a'.repeat(64),
  contentType: 'application/pdf',
  size: 78_354,
  pages: 1,
};

const material = {
  id: 'application-form',
  name: '旅行社业务经营许可申请书',
  kind: 'original',
  form: 'electronic',
  necessity: 'required',
  source: 'applicant',
  acceptanceStandard: '填写完整并签字盖章',
};

describe('a guide file reference', () => {
  it('is a name, the content hash, a type, a size and (for a PDF) pages', () => {
    expect(guideFileSchema.parse(FILE)).toEqual(FILE);
    const docx = { ...FILE, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pages: undefined };
    expect(guideFileSchema.safeParse(docx).success).toBe(true);
  });

  it('refuses a bare name: a blank form must be a file', () => {
    const result = materialSchema.safeParse({ ...material, blankForm: '旅行社业务经营许可申请书（空白表格）' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['blankForm'], message: '应为已上传的文件（名称、文件标识、类型、大小），不能只写文件名称' }),
    ]);
  });

  it.each([
    ['fileId', { fileId: 'not-a-hash' }, '文件标识应为文件内容的 SHA-256 摘要（64位小写十六进制）'],
    ['fileId', { fileId: 'A'.repeat(64) }, '文件标识应为文件内容的 SHA-256 摘要（64位小写十六进制）'],
    ['contentType', { contentType: 'application/x-msdownload' }, '文件类型应为 PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、JPG 或 PNG'],
    ['size', { size: 0 }, '文件不能为空'],
    ['size', { size: 11 * 1024 * 1024 }, '文件不能超过10MB'],
    ['name', { name: ' ' }, '文件名称不能为空'],
  ])('names the field %s when it is wrong', (field, change, message) => {
    const result = materialSchema.safeParse({ ...material, sample: { ...FILE, ...change } });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['sample', field], message })]);
  });

  it('refuses fields it does not know (a seed `file` left unresolved)', () => {
    expect(guideFileSchema.safeParse({ ...FILE, file: 'x.pdf' }).success).toBe(false);
  });
});

describe('how a guide file is shown and saved', () => {
  it('describes type, pages and size', () => {
    expect(describeGuideFile(FILE)).toBe('PDF，1页，77 KB');
    expect(describeGuideFile({ ...FILE, contentType: 'application/vnd.ms-excel', size: 2_500_000, pages: undefined })).toBe('Excel，2.4 MB');
    expect(formatFileSize(900)).toBe('900 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
  });

  it('saves under its name with the extension of its type, without path characters', () => {
    expect(guideFileDownloadName(FILE)).toBe('旅行社业务经营许可申请书（空白表格）.pdf');
    expect(guideFileDownloadName({ name: 'a/b:c.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBe('a_b_c.docx');
  });

  it('lists every file of a guide with where it sits', () => {
    const sample = { ...FILE, name: '示例', fileId: 'b'.repeat(64) };
    const result = { ...FILE, name: '证书样本', fileId: 'c'.repeat(64) };
    const files = guideFilesOf({ materials: [{ id: 'm1', blankForm: FILE, sample }, { id: 'm2' }], result: { sample: result } });
    expect(files).toEqual([
      { role: 'blank_form', materialId: 'm1', file: FILE },
      { role: 'sample', materialId: 'm1', file: sample },
      { role: 'result_sample', file: result },
    ]);
  });
});
