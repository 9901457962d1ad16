import * as z from 'zod';

/**
 * GET /me/licence-materials: before an application is submitted, the licence each of its 免提交
 * materials would be taken from (电子证照), and whether it may be used. For an enterprise by credit
 * code; for a person applying for themselves by their ID number (and their own licences in this system).
 */
export const licenceMaterialsQuerySchema = z
  .object({
    implementationCode: z.string().trim().min(1, '请指定事项'),
    creditCode: z.string().trim().length(18, '统一社会信用代码应为18位').optional(),
    idNumber: z.string().trim().length(18, '身份证号码应为18位').optional(),
  })
  .refine((q) => !!q.creditCode !== !!q.idNumber, { message: '请提供统一社会信用代码或身份证号码之一', path: ['creditCode'] })
  .meta({ id: 'LicenceMaterialsQuery' });
export type LicenceMaterialsQuery = z.infer<typeof licenceMaterialsQuerySchema>;

export const licenceMaterialSchema = z
  .object({
    materialId: z.string(),
    name: z.string().meta({ description: '材料名称' }),
    licenceName: z.string().meta({ description: '证照名称' }),
    found: z
      .object({
        name: z.string(),
        number: z.string(),
        issuer: z.string(),
        validUntil: z.string().optional().meta({ description: '有效期至，缺省为长期有效' }),
        status: z.enum(['valid', 'revoked', 'suspended', 'cancelled']),
        source: z.enum(['issued', 'provincial']).meta({ description: 'issued：本系统核发；provincial：省电子证照库' }),
      })
      .optional()
      .meta({ description: '电子证照库中找到的证照' }),
    usable: z.boolean().meta({ description: '可作为申请材料（有效且在有效期内）' }),
    message: z.string().meta({ description: '给申请人的说明' }),
  })
  .meta({ id: 'LicenceMaterial' });
export type LicenceMaterial = z.infer<typeof licenceMaterialSchema>;

export const licenceMaterialsSchema = z
  .object({
    materials: z.array(licenceMaterialSchema),
    complete: z.boolean().meta({ description: 'false：省电子证照库暂时无法访问，未找到的证照将由工作人员核验' }),
  })
  .meta({ id: 'LicenceMaterials' });
export type LicenceMaterials = z.infer<typeof licenceMaterialsSchema>;
