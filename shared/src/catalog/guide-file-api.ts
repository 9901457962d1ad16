import '../zod-locale';
import * as z from 'zod';
import { uploadTicketSchema } from '../cases/api';
import { guideFileContentTypeSchema, guideFileIdSchema, guideFileSchema, MAX_GUIDE_FILE_BYTES } from './guide-file';

/** GET /catalog/items/{code}/versions/{version}/files/{fileId}: a file of one published guide version. */
export const guideFilePathSchema = z
  .object({
    code: z.string().meta({ description: '实施编码' }),
    version: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, '指南版本应为正整数')
      .transform(Number)
      .meta({ description: '办事指南的版本号（指南中的 version）' }),
    fileId: guideFileIdSchema,
  })
  .strict();

export const guideFileLinkSchema = z
  .object({
    url: z.string().meta({ description: '短时有效的下载地址（S3 预签名 GET），过期后请重新获取' }),
    fileName: z.string().meta({ description: '保存时的文件名' }),
    expiresAt: z.iso.datetime(),
    file: guideFileSchema,
  })
  .meta({ id: 'GuideFileLink' });
export type GuideFileLink = z.infer<typeof guideFileLinkSchema>;

/** POST /staff/guide-files/uploads: a list editor asks to upload one file for a guide draft. */
export const guideFileUploadRequestSchema = z
  .object({
    contentType: guideFileContentTypeSchema,
    size: z
      .number({ error: '缺少文件大小' })
      .int()
      .min(1, '文件是空的，请重新选择')
      .max(MAX_GUIDE_FILE_BYTES, `文件不能超过${MAX_GUIDE_FILE_BYTES / 1024 / 1024}MB，请压缩或拆分后上传`),
  })
  .strict();
export type GuideFileUploadRequest = z.infer<typeof guideFileUploadRequestSchema>;

export { uploadTicketSchema as guideFileUploadTicketSchema };

/** POST /staff/guide-files: the uploaded file is checked and stored under its hash; answers its GuideFile. */
export const guideFileConfirmRequestSchema = z
  .object({
    key: z.string().min(1).max(300).meta({ description: '上传凭证中的 key' }),
    name: z
      .string({ error: '缺少文件名称' })
      .trim()
      .min(1, '请填写文件名称，如“旅行社业务经营许可申请书（空白表格）”')
      .max(80, '文件名称不得超过80个字'),
  })
  .strict();
export type GuideFileConfirmRequest = z.infer<typeof guideFileConfirmRequestSchema>;
