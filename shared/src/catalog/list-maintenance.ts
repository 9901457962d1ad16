import '../zod-locale';
import * as z from 'zod';
import { implementationCodeSchema } from './codes';
import { implementationItemSchema } from './guide';

/**
 * List maintenance (谁编制、谁维护): an organisation's list editors keep a draft of the next version of
 * one of its implementation entries; it is submitted, approved step by step (the organisation's admin,
 * then the 机构编制/法制 review at the province: the steps are configuration), then published as a new
 * immutable version. Catalog elements (name, type, basic code, legal basis) are the province's: a
 * provincial draft that changes them publishes them to every implementation of the basic code.
 */
export const LIST_REVIEW_STEPS = {
  org_admin: '本单位审核',
  legal_review: '机构编制/法制审核',
} as const;
export type ListReviewStep = keyof typeof LIST_REVIEW_STEPS;
export const LIST_REVIEW_STEP_KEYS = Object.keys(LIST_REVIEW_STEPS) as [ListReviewStep, ...ListReviewStep[]];
export const DEFAULT_LIST_REVIEW_STEPS: readonly ListReviewStep[] = ['org_admin', 'legal_review'];

export const LIST_DRAFT_STATUSES = { editing: '编制中', in_review: '审核中', approved: '审核通过，待发布' } as const;
export type ListDraftStatus = keyof typeof LIST_DRAFT_STATUSES;

export const LIST_DRAFT_ACTIONS = { edit: '修改', submit: '提交审核', approve: '审核通过', reject: '退回修改', publish: '发布', discard: '放弃草稿' } as const;
export type ListDraftAction = keyof typeof LIST_DRAFT_ACTIONS;

const versionSchema = z.number().int().min(1);

/** What an editor maintains of an entry; codes, level, region and organisation are the entry's identity. */
export const listEntryContentSchema = z
  .object({
    name: z.string().optional().meta({ description: '事项名称（目录要素，仅省级可改，全省各级一致）；不传则不变' }),
    themes: z.array(z.string()).optional().meta({ description: '主题分类；不传则不变' }),
    keywords: z.array(z.string()).optional().meta({ description: '关键词；不传则不变' }),
    frequent: z.boolean().optional().meta({ description: '是否常用事项；不传则不变' }),
    guide: z.record(z.string(), z.unknown(), { error: '缺少办事指南' }).meta({ description: '办事指南全文（与清单数据相同的校验；设定依据为目录要素，仅省级可改）' }),
  })
  .strict();
export type ListEntryContent = z.infer<typeof listEntryContentSchema>;

export const saveListDraftRequestSchema = z
  .object({
    baseVersion: versionSchema.meta({ description: '草稿所依据的已发布版本号' }),
    revision: z.number().int().min(1).optional().meta({ description: '修改已有草稿时带上其修订号（并发保护）；新建草稿时不传' }),
    entry: listEntryContentSchema,
  })
  .strict()
  .meta({ id: 'SaveListDraftRequest' });
export type SaveListDraftRequest = z.infer<typeof saveListDraftRequestSchema>;

export const listDraftActionRequestSchema = z
  .object({
    action: z.enum(['submit', 'approve', 'reject', 'publish', 'discard']),
    revision: z.number().int().min(1).meta({ description: '草稿的修订号（并发保护）' }),
    reason: z.string().trim().min(1, '请填写退回原因').max(300, '退回原因不超过 300 个字').optional().meta({ description: '退回修改时必填' }),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.action === 'reject' && !request.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写退回原因' });
  })
  .meta({ id: 'ListDraftActionRequest' });
export type ListDraftActionRequest = z.infer<typeof listDraftActionRequestSchema>;

const guideChangeSchema = z
  .object({
    path: z.string(),
    label: z.string().meta({ description: '字段的中文名称及位置' }),
    section: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
  })
  .meta({ id: 'GuideChange', description: '与已发布版本相比的一处变化' });

const reviewStepViewSchema = z.object({
  step: z.enum(LIST_REVIEW_STEP_KEYS),
  label: z.string(),
  approvedBy: z.string().optional(),
  approvedAt: z.iso.datetime().optional(),
});

export const listDraftSchema = z
  .object({
    implementationCode: implementationCodeSchema,
    baseVersion: versionSchema,
    revision: z.number().int().min(1),
    status: z.enum(['editing', 'in_review', 'approved']),
    statusLabel: z.string(),
    catalogWide: z.boolean().meta({ description: '改动了目录要素：发布时该基本编码的全部实施清单同步生成新版本' }),
    steps: z.array(reviewStepViewSchema),
    nextStep: z.enum(LIST_REVIEW_STEP_KEYS).optional(),
    rejection: z.object({ reason: z.string(), by: z.string(), at: z.iso.datetime() }).optional().meta({ description: '最近一次退回' }),
    editedBy: z.string(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().optional(),
    stale: z.boolean().meta({ description: '所依据的版本已不是现行版本，须放弃后重新编制' }),
    item: implementationItemSchema.meta({ description: '草稿内容（发布后即为新版本）' }),
    changes: z.array(guideChangeSchema),
    actions: z.array(z.enum(['edit', 'submit', 'approve', 'reject', 'publish', 'discard'])).meta({ description: '当前用户可执行的操作' }),
  })
  .meta({ id: 'ListDraft', description: '实施清单草稿' });
export type ListDraft = z.infer<typeof listDraftSchema>;

export const listEntrySchema = z
  .object({
    current: implementationItemSchema,
    draft: listDraftSchema.optional(),
    canEdit: z.boolean(),
    canEditCatalogElements: z.boolean().meta({ description: '可修改目录要素（省级清单编制人员）' }),
  })
  .meta({ id: 'ListEntry', description: '实施清单条目：现行版本与草稿' });
export type ListEntry = z.infer<typeof listEntrySchema>;

export const listEntrySummarySchema = z
  .object({
    implementationCode: implementationCodeSchema,
    name: z.string(),
    organisationName: z.string(),
    version: versionSchema,
    publishedAt: z.iso.date(),
    negativeListed: z.boolean(),
    draft: z.object({ status: z.enum(['editing', 'in_review', 'approved']), statusLabel: z.string(), nextStep: z.enum(LIST_REVIEW_STEP_KEYS).optional(), nextStepLabel: z.string().optional(), updatedAt: z.iso.datetime() }).optional(),
  })
  .meta({ id: 'ListEntrySummary' });
export type ListEntrySummary = z.infer<typeof listEntrySummarySchema>;

export const listEntriesSchema = z
  .object({
    entries: z.array(listEntrySummarySchema).meta({ description: '本单位的实施清单' }),
    awaitingMyReview: z.array(listEntrySummarySchema).meta({ description: '等待我审核的草稿（任何单位）' }),
  })
  .meta({ id: 'ListEntries' });
export type ListEntries = z.infer<typeof listEntriesSchema>;

export const listVersionSchema = z.object({
  version: versionSchema,
  publishedAt: z.iso.date(),
  publishedBy: z.string().optional(),
  approvals: z.array(z.object({ step: z.enum(LIST_REVIEW_STEP_KEYS), label: z.string(), by: z.string(), at: z.iso.datetime() })).optional(),
  changedSections: z.array(z.string()).meta({ description: '与上一版相比改动的部分' }),
});
export const listVersionsSchema = z.object({ versions: z.array(listVersionSchema).meta({ description: '历次发布的版本，新的在前' }) }).meta({ id: 'ListVersions' });
export type ListVersions = z.infer<typeof listVersionsSchema>;

export const listEntryPathSchema = z.object({ code: z.string().meta({ description: '实施编码' }) });
export const guideVersionPathSchema = z.object({ code: z.string().meta({ description: '实施编码' }), version: z.string().meta({ description: '版本号' }) });
