import '../zod-locale';
import * as z from 'zod';
import { isValidCreditCode } from '../identity/credit-code';
import { MOBILE_PATTERN, RESIDENT_ID_MESSAGES, residentIdProblem } from '../identity/resident-id';
import { typedText } from '../text/free-text';

const name = (label: string) =>
  typedText(label, 'line', z.string({ error: `请填写${label}` }))
    .min(2, `请填写${label}（至少2个字）`)
    .max(50, `${label}不能超过50个字`);

export const residentIdSchema = z
  .string({ error: '请填写身份证号码' })
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((value, ctx) => {
    if (!value) return void ctx.addIssue({ code: 'custom', message: '请填写身份证号码' });
    const problem = residentIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_MESSAGES[problem] });
  });

export const mobileSchema = z
  .string({ error: '请填写手机号码' })
  .trim()
  .regex(MOBILE_PATTERN, '手机号码应为11位，以1开头');

export const creditCodeInputSchema = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidCreditCode, '统一社会信用代码不正确：应为18位，请核对校验位');

export const personSchema = z.object({
  name: name('姓名'),
  idNumber: residentIdSchema,
  mobile: mobileSchema,
});
export type Person = z.output<typeof personSchema>;

export const enterpriseSchema = z.object({
  name: name('企业名称'),
  creditCode: creditCodeInputSchema,
  legalRepresentative: name('法定代表人姓名'),
});

/**
 * Who applies. A natural person applies for themselves, or someone applies on their behalf with a
 * power of attorney (代办); an enterprise always applies through an agent (经办人) holding its
 * authorisation letter. The agent is the signed-in user in both cases.
 */
export const applicantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), person: personSchema, agent: personSchema.optional() }),
  z.object({ kind: z.literal('enterprise'), enterprise: enterpriseSchema, agent: personSchema }),
], { error: '请选择申请人类型' });
export type Applicant = z.output<typeof applicantSchema>;
export type ApplicantInput = z.input<typeof applicantSchema>;

/** True when someone other than the applicant person fills in the form (an agent or 经办人). */
export function appliesThroughAgent(applicant: { kind?: string; agent?: unknown }): boolean {
  return applicant.kind === 'enterprise' || applicant.agent !== undefined;
}
