import '../zod-locale';
import * as z from 'zod';
import { LICENCE_KIND_KEYS } from '../licences/licence';
import { fieldDefinitionSchema } from '../application/fields';
import { MAX_GUIDE_MATERIALS } from '../application/material-files';
import { fileSpecSchema } from '../application/file-spec';
import { guideFileSchema } from './guide-file';
import { isValidCreditCode } from '../identity/credit-code';
import {
  basicCodeSchema,
  implementationCodeSchema,
  itemTypeCodeSchema,
  levelSchema,
  parseImplementationCode,
  regionCodeSchema,
  themeCodeSchema,
} from './codes';

import { VISIT_WHEN, type VisitWhen } from './visit-when';
import { LANGUAGES } from '../i18n/language';

const VISIT_WHEN_KEYS = Object.keys(VISIT_WHEN) as [VisitWhen, ...VisitWhen[]];
export { VISIT_WHEN, type VisitWhen };

/** "缺少X" when absent, "X格式不正确" when of the wrong type: the messages a list maintainer can act on. */
const missingOr = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `缺少${what}` : `${what}格式不正确`),
});

/** A non-empty list with Chinese messages for absent, wrong-typed and empty. */
function list<T extends z.ZodType>(item: T, what: string, emptyMessage = `${what}不能为空`) {
  return z.array(item, missingOr(what)).min(1, emptyMessage);
}

const text = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `${what}不能为空`);

/**
 * "其他材料"-style catch-alls are forbidden: every material must name exactly what it is.
 */
const VAGUE_MATERIAL = /^(其他|其它|相关|有关)|(其他|其它)(相关)?(证明)?(材料|文件)|^.{0,2}(材料|文件)$|等(相关)?材料$/;

export function isVagueMaterialName(name: string): boolean {
  return VAGUE_MATERIAL.test(name.trim());
}

export const phoneSchema = z
  .string()
  .regex(/^(0\d{2,3}-\d{7,8}|1[3-9]\d{9}|12301|12345)$/, '电话号码格式应为 区号-号码、11位手机号或 12301/12345')
  .meta({ examples: ['0551-62999588', '12301'] });

export const materialSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, '材料标识只能包含小写字母、数字和连字符'),
    name: text('材料名称').refine((name) => !isVagueMaterialName(name), {
      message: '材料名称表述模糊：不得使用“其他材料”“相关材料”等兜底表述，请写明具体材料及其适用情形',
    }),
    kind: z.enum(['original', 'copy', 'original_or_copy']).meta({ description: '材料类型：原件、复印件、原件或复印件' }),
    form: z.enum(['electronic', 'paper', 'electronic_or_paper']).meta({ description: '材料形式' }),
    necessity: z.enum(['required', 'conditional', 'optional']).meta({ description: '必要性：必要、容缺/情形必要、非必要' }),
    condition: z.string().trim().min(1).optional().meta({ description: '情形必要时的适用情形' }),
    requiredWhen: z.enum(['agent']).optional().meta({ description: '情形必要材料的机读条件：agent 为委托他人或经办人办理时必须提交' }),
    source: z.enum(['applicant', 'issued_licence']).meta({ description: '来源渠道：申请人自备，或政府部门核发（由电子证照获取）' }),
    licenceName: z.string().trim().min(1).optional().meta({ description: '来源为政府部门核发时的证照名称' }),
    issuer: z.string().trim().min(1).optional().meta({ description: '来源为政府部门核发时的发证部门' }),
    copies: z.number().int().min(1).max(10).default(1),
    acceptanceStandard: text('受理标准'),
    notes: z.string().trim().min(1).optional().meta({ description: '填报须知' }),
    fileSpec: fileSpecSchema.optional().meta({ description: '文件规格（格式、像素、大小），上传前检查' }),
    blankForm: guideFileSchema.optional().meta({ description: '空白表格（文件）' }),
    sample: guideFileSchema.optional().meta({ description: '示例样表（文件）' }),
    commitment: z
      .object(
        {
          text: text('承诺内容').max(1000, '承诺内容过长'),
          consequence: z.string().trim().min(1).max(300).optional(),
        },
        missingOr('告知承诺'),
      )
      .optional()
      .meta({ description: '告知承诺：可以承诺代替的材料' }),
  })
  .superRefine((m, ctx) => {
    // Only what the applicant provides: not a licence the government issued, nor an authorisation letter.
    if (m.commitment && (m.source !== 'applicant' || m.requiredWhen)) {
      ctx.addIssue({ code: 'custom', path: ['commitment'], message: `材料“${m.name}”不适用告知承诺` });
    }
    if (m.requiredWhen && m.necessity !== 'conditional') {
      ctx.addIssue({ code: 'custom', path: ['requiredWhen'], message: `材料“${m.name}”设置了适用情形，必要性应为情形必要` });
    }
    if (m.necessity === 'conditional' && !m.condition) {
      ctx.addIssue({ code: 'custom', path: ['condition'], message: `材料“${m.name}”为情形必要，须写明适用情形` });
    }
    if (m.source === 'issued_licence' && (!m.licenceName || !m.issuer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['licenceName'],
        message: `材料“${m.name}”来源为政府部门核发，须写明证照名称和发证部门`,
      });
    }
  })
  .meta({ id: 'Material', description: '申请材料' });
export type Material = z.infer<typeof materialSchema>;

const workingDays = z.number().int().min(0).max(365);

/**
 * A declarative rule of smart approval (智慧审批), checked by the system at submission:
 *   licence_valid       the applying enterprise holds a valid licence of that kind (licence registry)
 *   field_in_region     an address field lies in the region of the implementing organisation
 *   materials_verified  every material is either a verified upload or resolved from an issued licence
 */
export const approvalRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('licence_valid'), licence: z.enum(['travel_agency']), label: text('规则说明') }),
    z.object({ kind: z.literal('field_in_region'), field: z.string().min(1), label: text('规则说明') }),
    z.object({ kind: z.literal('materials_verified'), label: text('规则说明') }),
  ])
  .meta({ id: 'ApprovalRule' });

export const legalBasisSchema = z
  .object({
    law: text('法律法规名称'),
    articles: text('条款'),
    excerpt: z.string().trim().min(1).optional(),
  })
  .meta({ id: 'LegalBasis' });

export const guideSchema = z
  .object({
    serviceObjects: list(z.enum(['natural_person', 'legal_person', 'other_organisation']), '服务对象', '请选择服务对象'),
    caseType: z.enum(['immediate', 'promised']).meta({ description: '办件类型：即办件 / 承诺件' }),
    conditions: list(text('受理条件'), '受理条件'),
    legalBasis: list(legalBasisSchema, '设定依据'),
    statutoryLimit: z
      .object({ workingDays: workingDays.nullable(), note: z.string().trim().min(1).optional() })
      .meta({ description: '法定办结时限（工作日）；无法定时限时 workingDays 为 null 并在 note 说明' }),
    promisedLimit: z.object({ workingDays, note: z.string().trim().min(1).optional() }).meta({ description: '承诺办结时限（工作日）' }),
    process: list(z.object({ step: text('环节名称'), description: text('环节说明') }), '办理流程'),
    handlingForms: list(z.enum(['online', 'window', 'post']), '办理形式'),
    fees: z.object({
      charged: z.boolean(),
      standard: z.string().trim().min(1).optional(),
      basis: z.string().trim().min(1).optional(),
    }),
    visitsRequired: z.number().int().min(0).max(1, '到现场次数不得超过1次（最多跑一次）'),
    online: z.object({
      available: z.boolean(),
      depth: z.number().int().min(1).max(4).meta({ description: '网上办理深度：1 网上咨询 2 网上预审 3 网上受理 4 全程网办' }),
    }),
    negativeList: z.object({
      listed: z.boolean(),
      reason: z.string().trim().min(1).optional(),
      /** When in the process the applicant's one visit happens (absent: once the case is accepted). */
      visitWhen: z.enum(VISIT_WHEN_KEYS).optional().meta({ description: '何时到现场：after_acceptance 受理后（审查期间），after_approval 准予后（领取结果）' }),
      /** What the applicant does there, in the words the case page shows. */
      visitPurpose: z.string().trim().min(1).max(100).optional().meta({ description: '到现场办理的内容' }),
    }),
    place: z.object({ address: text('办理地点'), hours: text('办理时间') }, missingOr('办理地点和时间')),
    consultPhones: list(phoneSchema, '咨询电话'),
    complaintPhones: list(phoneSchema, '监督投诉电话'),
    result: z.object({
      name: text('审批结果名称'),
      type: z.enum(['licence', 'approval', 'filing', 'other']),
      sample: guideFileSchema.optional().meta({ description: '结果样本（文件）' }),
      licence: z
        .object({
          kind: z.enum(LICENCE_KIND_KEYS),
          scope: list(text('经营范围或准许事项'), '经营范围或准许事项'),
          /** Application fields recorded on the licence (e.g. 导游语种), by key. */
          detailFields: z.array(z.string().min(1)).optional(),
          /** Registered details every such licence carries (e.g. 等级: 初级). */
          fixedDetails: z.record(z.string(), z.string()).optional(),
        })
        .optional()
        .meta({ description: '准予后签发的电子证照；持证主体已有本系统签发的同类证照时，变更换发新版本' }),
    }),
    scope: text('通办范围'),
    materials: list(materialSchema, '申请材料').max(MAX_GUIDE_MATERIALS, `申请材料不得超过${MAX_GUIDE_MATERIALS}项，请合并或精简`),
    approvalRules: z
      .array(approvalRuleSchema)
      .min(1)
      .optional()
      .meta({ description: '智慧审批规则：全部通过时由系统即时受理并准予，任一不通过转人工办理' }),
  })
  .superRefine((g, ctx) => {
    const { statutoryLimit, promisedLimit } = g;
    if (statutoryLimit.workingDays === null && !statutoryLimit.note) {
      ctx.addIssue({ code: 'custom', path: ['statutoryLimit', 'note'], message: '无法定办结时限时须说明依据' });
    }
    if (statutoryLimit.workingDays !== null && promisedLimit.workingDays > statutoryLimit.workingDays) {
      ctx.addIssue({ code: 'custom', path: ['promisedLimit'], message: '承诺办结时限不得超过法定办结时限' });
    }
    if (g.fees.charged && (!g.fees.standard || !g.fees.basis)) {
      ctx.addIssue({ code: 'custom', path: ['fees'], message: '收费事项须写明收费标准和收费依据' });
    }
    if (g.negativeList.listed && !g.negativeList.reason) {
      ctx.addIssue({ code: 'custom', path: ['negativeList', 'reason'], message: '列入网上审批负面清单的事项须写明必须现场办理的原因' });
    }
    if (!g.negativeList.listed && g.visitsRequired > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['visitsRequired'],
        message: '未列入负面清单的事项应实现“零跑腿”：到现场次数须为0，否则请列入负面清单并写明原因',
      });
    }
    if (g.online.available !== g.handlingForms.includes('online')) {
      ctx.addIssue({ code: 'custom', path: ['online', 'available'], message: '是否网办与办理形式不一致' });
    }
    const ids = new Set<string>();
    const names = new Set<string>();
    g.materials.forEach((m, i) => {
      if (names.has(m.name)) ctx.addIssue({ code: 'custom', path: ['materials', i, 'name'], message: `材料“${m.name}”重复列出` });
      names.add(m.name);
    });
    if (!g.materials.some((m) => m.requiredWhen === 'agent')) {
      ctx.addIssue({
        code: 'custom',
        path: ['materials'],
        message: '申请材料须包含委托他人或经办人办理时提交的授权委托书（necessity 为 conditional，requiredWhen 为 agent）',
      });
    }
    g.materials.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['materials', i, 'id'], message: `材料标识 ${m.id} 重复` });
      ids.add(m.id);
    });
  })
  .meta({ id: 'Guide', description: '办事指南' });
export type Guide = z.infer<typeof guideSchema>;

export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const organisationSchema = z
  .object({
    creditCode: z.string().refine(isValidCreditCode, '统一社会信用代码无效（GB 32100 校验位不符）'),
    name: text('机构名称'),
    shortName: text('机构简称'),
    regionCode: regionCodeSchema,
    level: levelSchema,
    address: text('机构地址'),
    hours: text('办公时间'),
    consultPhone: phoneSchema,
    complaintPhone: phoneSchema,
  })
  .meta({ id: 'Organisation', description: '实施主体' });
export type Organisation = z.infer<typeof organisationSchema>;

/**
 * One implementation's own limit on a choice field (application/fields.ts, `OptionRule`). That it names
 * a choice field and only its options is checked where rules are written, the seed (`optionRuleProblems`).
 */
export const optionRuleSchema = z
  .object({
    field: z.string().min(1),
    options: z.array(z.string().trim().min(1)).min(1),
    rule: z.string().trim().min(1).max(120),
  })
  .meta({ id: 'OptionRule', description: '本实施机关对选择题选项的限定（如只受理3A级及以下）' });

/** An implementation-list entry (实施清单条目) with its service guide (办事指南). */
export const implementationItemSchema = z
  .object({
    implementationCode: implementationCodeSchema,
    basicCode: basicCodeSchema,
    name: text('事项名称'),
    itemType: itemTypeCodeSchema,
    level: levelSchema,
    regionCode: regionCodeSchema,
    organisation: organisationSchema.pick({ creditCode: true, name: true }),
    themes: list(themeCodeSchema, '主题分类', '至少属于一个主题分类'),
    keywords: z.array(z.string().trim().min(1)).default([]),
    frequent: z.boolean().default(false).meta({ description: '是否为常用事项（首页展示）' }),
    applicationFields: z.array(fieldDefinitionSchema).max(20).default([]).meta({ description: '申请表中的事项专属字段' }),
    optionRules: z.array(optionRuleSchema).max(20).optional().meta({ description: '本实施机关对选择题选项的限定，申请表只提供这些选项' }),
    version: z.number().int().min(1),
    publishedAt: z.iso.date(),
    guide: guideSchema,
    translations: z
      .object({ en: z.record(z.string(), z.string().trim().min(1)).optional() })
      .optional()
      .meta({ description: '译文：中文原文 → 英文，随版本保存（答复中不含）' }),
    language: z.enum(LANGUAGES).optional().meta({ description: '请求英文时：en 英文（未译的仍为中文），zh-CN 无英文' }),
    untranslated: z.array(z.string()).optional().meta({ description: '英文答复中仍为中文的字段' }),
  })
  .superRefine((item, ctx) => {
    const parts = parseImplementationCode(item.implementationCode);
    if (!parts) return;
    const mismatch = (field: string, label: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: `实施编码中的${label}与条目不一致` });
    if (parts.basicCode !== item.basicCode) mismatch('basicCode', '基本编码');
    if (parts.level !== item.level) mismatch('level', '层级');
    if (parts.regionCode !== item.regionCode) mismatch('regionCode', '行政区划代码');
    if (parts.creditCode !== item.organisation.creditCode) mismatch('organisation', '实施主体信用代码');
    if (item.basicCode.slice(0, 2) !== item.itemType) mismatch('itemType', '事项类型');
  })
  .meta({ id: 'ImplementationItem', description: '实施清单条目及办事指南' });
export type ImplementationItem = z.infer<typeof implementationItemSchema>;
export type ImplementationItemInput = z.input<typeof implementationItemSchema>;

/** What a list shows of an item: enough to choose, not the whole guide. */
export const itemSummarySchema = z
  .object({
    implementationCode: implementationCodeSchema,
    basicCode: basicCodeSchema,
    name: z.string(),
    itemType: itemTypeCodeSchema,
    level: levelSchema,
    regionCode: regionCodeSchema,
    organisationName: z.string(),
    themes: z.array(themeCodeSchema),
    frequent: z.boolean(),
    promisedWorkingDays: z.number().int(),
    visitsRequired: z.number().int(),
    onlineDepth: z.number().int(),
    negativeListed: z.boolean(),
    nameEn: z.string().optional().meta({ description: '英文名称（答复中不含）' }),
    language: z.enum(LANGUAGES).optional().meta({ description: '请求英文时：名称的语言' }),
  })
  .meta({ id: 'ItemSummary', description: '事项列表中的一项' });
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export function summarise(item: ImplementationItem): ItemSummary {
  return {
    implementationCode: item.implementationCode,
    basicCode: item.basicCode,
    name: item.name,
    itemType: item.itemType,
    level: item.level,
    regionCode: item.regionCode,
    organisationName: item.organisation.name,
    themes: item.themes,
    frequent: item.frequent,
    promisedWorkingDays: item.guide.promisedLimit.workingDays,
    visitsRequired: item.guide.visitsRequired,
    onlineDepth: item.guide.online.depth,
    negativeListed: item.guide.negativeList.listed,
    ...(item.translations?.en?.[item.name] ? { nameEn: item.translations.en[item.name] } : {}),
  };
}

export const regionSchema = z
  .object({
    code: regionCodeSchema,
    name: z.string().min(1),
    shortName: z.string().min(1),
    level: levelSchema,
    parentCode: regionCodeSchema.nullable(),
  })
  .meta({ id: 'Region', description: '行政区划' });
export type Region = z.infer<typeof regionSchema>;
