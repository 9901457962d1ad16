import * as z from 'zod';
import {
  LICENCE_ACTION_KEYS,
  LICENCE_KIND_KEYS,
  LICENCE_STATUSES,
  VERIFICATION_RESULTS,
  type LicenceStatus,
  type VerificationResult,
} from './kinds';

// The kinds, states, verification results and staff actions are values without zod (./kinds), so the
// mini-program's pages can show them without the schemas; they are exported from here as before.
export * from './kinds';

const holderSchema = z.object({
  kind: z.enum(['enterprise', 'person']),
  name: z.string(),
  /** Unified social credit code, or the person's identity number masked (the full number is never signed or shown). */
  code: z.string(),
});

/** Exactly what is signed (and so what a QR code carries). */
export const licencePayloadSchema = z
  .object({
    format: z.literal('AHL1'),
    keyId: z.string().meta({ description: '签名密钥标识，对应 GET /licences/keys 中的公钥' }),
    licenceId: z.string().meta({ description: '证照标识' }),
    kind: z.enum(LICENCE_KIND_KEYS),
    typeCode: z.string().meta({ description: '证照类型代码' }),
    typeName: z.string().meta({ description: '证照类型名称' }),
    number: z.string().meta({ description: '证照编号' }),
    version: z.number().int().min(1).meta({ description: '版本：变更换发后递增' }),
    holder: holderSchema,
    issuer: z.object({ name: z.string(), code: z.string() }),
    issuedOn: z.string().meta({ description: '颁证日期 YYYY-MM-DD' }),
    validFrom: z.string(),
    validUntil: z.string().optional().meta({ description: '有效期至，缺省为长期有效' }),
    scope: z.array(z.string()).meta({ description: '经营范围或准许事项' }),
    details: z.record(z.string(), z.string()).meta({ description: '其他登记事项，如导游语种、等级' }),
    caseNumber: z.string().meta({ description: '来源办件编号' }),
  })
  .meta({ id: 'LicencePayload' });
export type LicencePayload = z.infer<typeof licencePayloadSchema>;

export const licenceKeySchema = z
  .object({ keyId: z.string(), algorithm: z.literal('SM2-SM3'), publicKey: z.string().meta({ description: '未压缩公钥（04 开头的十六进制）' }), userId: z.string() })
  .meta({ id: 'LicenceKey' });
export const licenceKeysSchema = z.object({ keys: z.array(licenceKeySchema) }).meta({ id: 'LicenceKeys' });
export type LicenceKey = z.infer<typeof licenceKeySchema>;

export const verifyLicenceRequestSchema = z
  .object({ token: z.string().trim().min(1, '请扫描或粘贴证照二维码内容').max(4096, '二维码内容过长，不是本系统签发的证照') })
  .strict()
  .meta({ id: 'VerifyLicenceRequest' });

export const licenceVerificationSchema = z
  .object({
    result: z.enum(Object.keys(VERIFICATION_RESULTS) as [VerificationResult, ...VerificationResult[]]),
    message: z.string(),
    /** The signed content, when the signature holds (a tampered licence shows nothing of itself). */
    licence: licencePayloadSchema.optional(),
    status: z.enum(Object.keys(LICENCE_STATUSES) as [LicenceStatus, ...LicenceStatus[]]).optional(),
    statusLabel: z.string().optional(),
    currentVersion: z.number().int().optional(),
    statusReason: z.string().optional(),
    statusChangedOn: z.string().optional(),
  })
  .meta({ id: 'LicenceVerification' });
export type LicenceVerification = z.infer<typeof licenceVerificationSchema>;

export const licenceHistoryEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['issue', 'change', 'suspend', 'resume', 'revoke', 'cancel']),
  version: z.number().int(),
  reason: z.string().optional(),
  legalBasis: z.string().optional(),
  effectiveOn: z.string().optional(),
});

export const myLicenceSchema = z
  .object({
    licence: licencePayloadSchema,
    /** What the QR code of this licence carries (POST /licences/verify, or offline with GET /licences/keys). */
    token: z.string(),
    status: z.enum(Object.keys(LICENCE_STATUSES) as [LicenceStatus, ...LicenceStatus[]]),
    statusLabel: z.string(),
    /** Valid and within its validity today: usable as a material (免提交). */
    usable: z.boolean(),
    history: z.array(licenceHistoryEntrySchema),
  })
  .meta({ id: 'MyLicence' });
export type MyLicence = z.infer<typeof myLicenceSchema>;
export const myLicencesSchema = z.object({ licences: z.array(myLicenceSchema) }).meta({ id: 'MyLicences' });

const requiredText = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);

export const licenceActionRequestSchema = z
  .object({
    action: z.enum(LICENCE_ACTION_KEYS, { error: '请选择操作' }),
    /** The licence version the staff member saw: a change in between answers 409. */
    version: z.number({ error: '缺少证照版本' }).int().min(1),
    reason: requiredText('原因', 200),
    legalBasis: requiredText('法律依据', 200),
    effectiveOn: z.iso.date({ error: '请选择生效日期' }).optional(),
    /** A change (变更): the new scope and registered details; what is not given stays as it was. */
    changes: z
      .object({
        scope: z.array(z.string().trim().min(1).max(30)).min(1, '请至少保留一项经营范围').max(10).optional(),
        details: z.record(z.string().trim().min(1).max(20), z.string().trim().min(1).max(60)).optional(),
        holderName: z.string().trim().min(1).max(60).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.action === 'change' && !request.changes) ctx.addIssue({ code: 'custom', path: ['changes'], message: '变更换发请填写变更后的内容' });
    if (request.action !== 'change' && request.changes) ctx.addIssue({ code: 'custom', path: ['changes'], message: '只有变更换发才能修改证照内容' });
  })
  .meta({ id: 'LicenceActionRequest' });
export type LicenceActionRequest = z.output<typeof licenceActionRequestSchema>;

export const staffLicenceSchema = myLicenceSchema
  .extend({ actions: z.array(z.enum(LICENCE_ACTION_KEYS)).meta({ description: '当前可执行的操作（本单位签发的证照）' }) })
  .meta({ id: 'StaffLicence' });
export type StaffLicence = z.infer<typeof staffLicenceSchema>;
export const staffLicenceQuerySchema = z.object({ number: z.string().trim().min(1, '请输入证照编号').max(40) }).meta({ id: 'StaffLicenceQuery' });
