import '../zod-locale';
import * as z from 'zod';
import { applicationRequestSchema } from '../application/application';

/**
 * 线上线下联合办理: a walk-in application entered at a hall window on the person's behalf. The same body as
 * an online application (scanned materials uploaded by the staff member), plus the staff member's
 * statement that the applicant signed the commitments in person.
 */
export const hallIntakeRequestSchema = applicationRequestSchema
  .extend({
    signedInPerson: z.boolean().optional().meta({ description: '申请人已当面签署告知承诺（代为确认承诺时必须为 true）' }),
  })
  .meta({ id: 'HallIntakeRequest', description: '窗口代为录入的申请' });
export type HallIntakeRequest = z.input<typeof hallIntakeRequestSchema>;

export const hallIntakeReceiptSchema = z
  .object({
    caseNumber: z.string(),
    itemName: z.string(),
    organisationName: z.string(),
    applicantName: z.string().meta({ description: '申请人（个人姓名脱敏）' }),
    submittedAt: z.string(),
    channelLabel: z.string(),
    enteredBy: z.string().meta({ description: '录入的窗口工作人员' }),
    statusLabel: z.string(),
    claimCode: z.string().meta({ description: '一次性认领码（XXXX-XXXX），申请人在手机上登录后凭办件编号和认领码认领' }),
    claimExpiresAt: z.string(),
    claimed: z.boolean(),
    materials: z.array(z.object({ name: z.string(), how: z.string().meta({ description: '提交方式：扫描件、电子证照调取或告知承诺' }) })),
  })
  .meta({ id: 'HallIntakeReceipt', description: '窗口受理回执' });
export type HallIntakeReceipt = z.infer<typeof hallIntakeReceiptSchema>;

export const claimCaseRequestSchema = z
  .object({
    caseNumber: z.string({ error: '请填写办件编号' }).trim().min(1, '请填写办件编号').max(40, '办件编号不正确'),
    claimCode: z
      .string({ error: '请填写认领码' })
      .trim()
      .min(1, '请填写认领码')
      .max(20, '认领码为8位字母和数字'),
  })
  .strict()
  .meta({ id: 'ClaimCaseRequest', description: '凭窗口受理回执认领办件' });
export type ClaimCaseRequest = z.infer<typeof claimCaseRequestSchema>;
