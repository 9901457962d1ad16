import '../zod-locale';
import * as z from 'zod';

export * from './national-fields';

export const nationalImportRequestSchema = z
  .object({
    format: z.enum(['csv', 'json'], { error: '请选择文件格式：CSV 或 JSON' }),
    content: z.string({ error: '请选择要导入的文件' }).min(1, '文件内容为空，请选择要导入的文件'),
    fileName: z.string().trim().max(120).optional().meta({ description: '原文件名，仅用于导入记录' }),
  })
  .strict()
  .meta({ id: 'NationalImportRequest', description: '导入全国旅游监管服务平台办件：文件内容（UTF-8 文本）与格式' });
export type NationalImportRequest = z.infer<typeof nationalImportRequestSchema>;

export const importReportLineSchema = z
  .object({
    row: z.number().int().meta({ description: '行号：CSV 为文件中的行（表头为第1行），JSON 为数组中的序号（从1起）' }),
    nationalCaseNumber: z.string().optional(),
    outcome: z.enum(['imported', 'already_imported', 'rejected', 'deferred']),
    field: z.string().optional().meta({ description: '有问题的字段（中文列名）' }),
    problem: z.string().optional(),
    caseNumber: z.string().optional().meta({ description: '本系统的办件编号（可用于办件进度查询）' }),
  })
  .meta({ id: 'ImportReportLine' });
export type ImportReportLine = z.infer<typeof importReportLineSchema>;

export const importSummarySchema = z
  .object({
    importId: z.string(),
    organisationCode: z.string(),
    importedAt: z.string(),
    importedBy: z.string().meta({ description: '导入的工作人员' }),
    source: z.literal('national_tourism_system'),
    sourceLabel: z.string(),
    format: z.enum(['csv', 'json']),
    fileName: z.string().optional(),
    rows: z.number().int(),
    imported: z.number().int(),
    alreadyImported: z.number().int(),
    rejected: z.number().int(),
    deferred: z.number().int().meta({ description: '本次请求时间内未处理的合格行：再次导入同一文件即可写入（已写入的行不会重复写入）' }),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importResultSchema = importSummarySchema
  .extend({ lines: z.array(importReportLineSchema).meta({ description: '逐行结果：每个被拒绝的行按字段各一条' }) })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

export const importListSchema = z.object({ items: z.array(importSummarySchema) }).meta({ id: 'ImportPage' });
export const importPathSchema = z.object({ importId: z.string().regex(/^[0-9A-Z]{20,30}$/, '导入记录编号格式不正确') });
