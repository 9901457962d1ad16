import '../zod-locale';
import * as z from 'zod';
import { MAX_FILES_PER_MATERIAL, uploadedFileSchema } from '../application/application';

const personValues = z.object({ name: z.string(), idNumber: z.string(), mobile: z.string() });

/**
 * What the signed-in person gave in their own earlier applications, for a new form of one item: the
 * latest applicant (person, enterprise, agent) and the latest value of each of the item's fields that
 * describe who applies (names, addresses, numbers typed as text); never materials. Only ever their own.
 */
export const applicationPrefillSchema = z
  .object({
    found: z.boolean().meta({ description: '是否有可用于预填的既往申请' }),
    /** When the newest application it draws on was submitted. */
    from: z.string().nullable().meta({ description: '所依据的最近一次申请的提交时间' }),
    person: personValues.optional().meta({ description: '申请人（个人）' }),
    enterprise: z.object({ name: z.string(), creditCode: z.string(), legalRepresentative: z.string() }).optional().meta({ description: '申请企业' }),
    agent: personValues.optional().meta({ description: '经办人或代办人' }),
    fields: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: '本事项申请表中可预填的字段' }),
  })
  .meta({ id: 'ApplicationPrefill', description: '根据本人既往申请预填的内容（仅本人可见）' });
export type ApplicationPrefill = z.infer<typeof applicationPrefillSchema>;

const draftFilesSchema = z.record(z.string(), z.array(uploadedFileSchema).max(MAX_FILES_PER_MATERIAL, `每项材料最多上传${MAX_FILES_PER_MATERIAL}个文件`));

/** The files re-uploaded for an open supplement notice, kept on the server until the supplement is submitted. */
export const supplementDraftSchema = z
  .object({
    caseNumber: z.string(),
    version: z.number().int().min(0).meta({ description: '草稿版本，保存时原样带回（0：尚无草稿）' }),
    materials: draftFilesSchema.meta({ description: '按材料标识列出已上传的补正文件' }),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'SupplementDraft', description: '补正材料草稿' });
export type SupplementDraft = z.infer<typeof supplementDraftSchema>;

export const saveSupplementDraftRequestSchema = z
  .object({
    version: z.number({ error: '缺少草稿版本' }).int().min(0).meta({ description: '读取时的草稿版本（0：尚无草稿）' }),
    materials: draftFilesSchema,
  })
  .strict()
  .meta({ id: 'SaveSupplementDraftRequest' });
