import '../zod-locale';
import * as z from 'zod';
import { regionCodeSchema } from '../catalog/codes';
import { typedText } from '../text/free-text';

/**
 * The item-specific part of an application form, declared per item in the seed data: a short list of
 * fields, each of one of a few types. The same declaration builds the phone's form and the zod schema
 * that validates it on the phone and again in the function.
 */
export const fieldDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, '字段标识应以小写字母开头，只含字母和数字'),
    label: z.string().trim().min(1).max(20),
    type: z.enum(['text', 'number', 'date', 'choice', 'region', 'address']),
    required: z.boolean(),
    hint: z.string().trim().min(1).max(60).optional(),
    maxLength: z.number().int().min(1).max(500).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(z.string().trim().min(1)).min(2).optional(),
    optionLabels: z
      .array(z.string())
      .optional()
      .meta({ description: '选项的英文（与 options 对应；提交 options 的值）' }),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'choice' && !f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `选择题“${f.label}”须列出选项` });
    if (f.type !== 'choice' && f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `只有选择题可以设置选项` });
  })
  .meta({ id: 'FieldDefinition', description: '申请表中的事项专属字段' });
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/**
 * One implementation's own limit on a choice field (e.g. a city bureau rates scenic areas of 3A and
 * below): the options it accepts and the rule in words, which is also the message when another is
 * chosen. Its schema is the catalog's (`optionRuleSchema` in catalog/guide.ts).
 */
export interface OptionRule {
  field: string;
  options: string[];
  rule: string;
}

/** What is wrong with an implementation's option rules: a field that is not a choice, options it does not have. */
export function optionRuleProblems(fields: readonly FieldDefinition[], rules: readonly OptionRule[] | undefined): { path: string; message: string }[] {
  return (rules ?? []).flatMap((rule, i) => {
    const field = fields.find((f) => f.key === rule.field);
    const stray = rule.options.filter((o) => !field?.options?.includes(o));
    if (field?.type !== 'choice') return [{ path: `optionRules[${i}].field`, message: `申请表中没有选择题“${rule.field}”` }];
    return stray.length ? [{ path: `optionRules[${i}].options`, message: `“${field.label}”没有选项：${stray.join('、')}` }] : [];
  });
}

/** The options a form offers for a choice field: the implementation's rule narrows the item's list. */
export const allowedOptions = (field: FieldDefinition, rules?: readonly OptionRule[]): string[] =>
  rules?.find((r) => r.field === field.key)?.options ?? field.options ?? [];

const required = (label: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === '' ? `请填写${label}` : `${label}格式不正确`) });

/** The zod schema of one declared field. Empty strings count as "not filled in". */
export function fieldSchema(field: FieldDefinition, rule?: OptionRule): z.ZodType {
  const { label } = field;
  let schema: z.ZodType;
  switch (field.type) {
    case 'text':
    case 'address':
      schema = typedText(label, 'line', z.string(required(label)))
        .min(field.type === 'address' ? 5 : 1, field.type === 'address' ? `${label}请填写到门牌号` : `请填写${label}`)
        .max(field.maxLength ?? (field.type === 'address' ? 120 : 60), `${label}不能超过${field.maxLength ?? (field.type === 'address' ? 120 : 60)}个字`);
      break;
    case 'number': {
      let n = z.number(required(label)).refine(Number.isFinite, `${label}应为数字`);
      if (field.min !== undefined) n = n.refine((v) => v >= field.min!, `${label}不能小于${field.min}`);
      if (field.max !== undefined) n = n.refine((v) => v <= field.max!, `${label}不能大于${field.max}`);
      schema = n;
      break;
    }
    case 'date':
      schema = z.iso.date(required(label));
      break;
    case 'choice':
      schema = z.enum(field.options as [string, ...string[]], { error: `请从选项中选择${label}` });
      if (rule) schema = schema.refine((v) => rule.options.includes(v as string), rule.rule);
      break;
    case 'region':
      schema = regionCodeSchema;
      break;
  }
  if (field.required) return schema;
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

export function fieldsSchema(fields: FieldDefinition[], rules?: readonly OptionRule[]): z.ZodObject {
  return z.object(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f, rules?.find((r) => r.field === f.key))]))).strict();
}
