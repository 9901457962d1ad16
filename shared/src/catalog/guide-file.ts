/**
 * Files a guide offers for download: blank forms (空白表格), filled samples (示例样表) and result samples
 * (结果样本). Uploaded by list editors, stored once under their content hash (so every published guide
 * version keeps exactly the files it was published with), served by short-lived links.
 */
import '../zod-locale';
import * as z from 'zod';
import { GUIDE_FILE_CONTENT_TYPES, MAX_GUIDE_FILE_BYTES } from './guide-file-format';

export * from './guide-file-format';

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

