import '../zod-locale';
import * as z from 'zod';

/**
 * Files a guide offers for download: blank forms (空白表格), filled samples (示例样表) and result samples
 * (结果样本). Uploaded by list editors, stored once under their content hash (so every published guide
 * version keeps exactly the files it was published with), served by short-lived links.
 */
export const GUIDE_FILE_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'application/msword': { extension: 'doc', label: 'Word' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word' },
  'application/vnd.ms-excel': { extension: 'xls', label: 'Excel' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', label: 'Excel' },
  'image/jpeg': { extension: 'jpg', label: 'JPG' },
  'image/png': { extension: 'png', label: 'PNG' },
} as const;

export type GuideFileContentType = keyof typeof GUIDE_FILE_TYPES;
export const GUIDE_FILE_CONTENT_TYPES = Object.keys(GUIDE_FILE_TYPES) as [GuideFileContentType, ...GuideFileContentType[]];

/** The largest guide file a list editor may upload. */
export const MAX_GUIDE_FILE_BYTES = 10 * 1024 * 1024;

const TYPE_NAMES = 'PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、JPG 或 PNG';

/** The SHA-256 of the file's bytes, lower-case hex: the file's identity and its storage key. */
export const guideFileIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, '文件标识应为文件内容的 SHA-256 摘要（64位小写十六进制）')
  .meta({ description: '文件标识：文件内容的 SHA-256（64位小写十六进制）' });

export const guideFileContentTypeSchema = z.enum(GUIDE_FILE_CONTENT_TYPES, { error: `文件类型应为 ${TYPE_NAMES}` });

export const guideFileSchema = z
  .object(
    {
      name: z.string({ error: '缺少文件名称' }).trim().min(1, '文件名称不能为空').max(80, '文件名称不得超过80个字'),
      fileId: guideFileIdSchema,
      contentType: guideFileContentTypeSchema,
      size: z
        .number({ error: '缺少文件大小' })
        .int()
        .min(1, '文件不能为空')
        .max(MAX_GUIDE_FILE_BYTES, `文件不能超过${MAX_GUIDE_FILE_BYTES / 1024 / 1024}MB`),
      pages: z.number().int().min(1).max(2000).optional().meta({ description: 'PDF 的页数' }),
    },
    { error: (issue) => (issue.input === undefined ? '缺少文件' : '应为已上传的文件（名称、文件标识、类型、大小），不能只写文件名称') },
  )
  .strict()
  .meta({ id: 'GuideFile', description: '办事指南中的文件：空白表格、示例样表或结果样本' });
export type GuideFile = z.infer<typeof guideFileSchema>;

/** `旅行社业务经营许可申请书（空白表格）` + PDF → the name a downloaded copy is saved under. */
export function guideFileDownloadName(file: Pick<GuideFile, 'name' | 'contentType'>): string {
  const extension = GUIDE_FILE_TYPES[file.contentType].extension;
  const base = file.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/** 1536 → "1.5 KB"; for the size shown beside a download button. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "PDF，3页，52 KB": what a download button says about its file. */
export function describeGuideFile(file: GuideFile): string {
  const parts: string[] = [GUIDE_FILE_TYPES[file.contentType].label];
  if (file.pages) parts.push(`${file.pages}页`);
  parts.push(formatFileSize(file.size));
  return parts.join('，');
}

/** The kinds of file a guide offers, by where they sit. */
export type GuideFileRole = 'blank_form' | 'sample' | 'result_sample';

/** Every file a guide refers to, with where it sits; a file used twice is listed twice. */
export function guideFilesOf(guide: {
  materials: readonly { id: string; blankForm?: GuideFile; sample?: GuideFile }[];
  result: { sample?: GuideFile };
}): { role: GuideFileRole; materialId?: string; file: GuideFile }[] {
  const files: { role: GuideFileRole; materialId?: string; file: GuideFile }[] = [];
  for (const material of guide.materials) {
    if (material.blankForm) files.push({ role: 'blank_form', materialId: material.id, file: material.blankForm });
    if (material.sample) files.push({ role: 'sample', materialId: material.id, file: material.sample });
  }
  if (guide.result.sample) files.push({ role: 'result_sample', file: guide.result.sample });
  return files;
}
