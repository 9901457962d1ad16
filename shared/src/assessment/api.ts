import '../zod-locale';
import * as z from 'zod';
import { regionCodeSchema } from '../catalog/codes';
import { staffCaseSummarySchema } from '../cases/staff-api';
import { FIGURES, FIGURE_KEYS, type FigureKey } from './model';

/**
 * The assessment API (网上考核): a report of the plan's figures for a scope and a period of whole months,
 * the cases behind a figure, and the same report as CSV. Staff see their organisation (provincial staff
 * any scope); the public report shows the province and its cities without sign-in and without cases.
 */

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择月份（格式：2026-01）');
export const figureKeySchema = z.enum(FIGURE_KEYS).meta({ description: '考核指标' });

/** `scope`: `province`, `city:<region code>` or `organisation:<credit code>`; defaults to the caller's organisation. */
export const assessmentQuerySchema = z
  .object({
    scope: z
      .union([z.literal('province'), z.string().regex(/^city:\d{6}$/), z.string().regex(/^organisation:[0-9A-HJ-NPQRTUWXY]{18}$/)], {
        error: '考核范围应为 province、city:<行政区划代码> 或 organisation:<统一社会信用代码>',
      })
      .optional(),
    from: monthSchema.optional().meta({ description: '起始月份（含），默认本年1月' }),
    to: monthSchema.optional().meta({ description: '截止月份（含），默认本月；与起始月份相距不超过24个月' }),
  })
  .strict();
export type AssessmentQuery = z.infer<typeof assessmentQuerySchema>;

export const assessmentScopeSchema = z
  .object({
    kind: z.enum(['province', 'city', 'organisation']),
    /** The region code (province, city) or the organisation's credit code. */
    code: z.string(),
    name: z.string(),
    /** The query value that selects this scope (`province`, `city:340100`, `organisation:…`). */
    query: z.string(),
  })
  .meta({ id: 'AssessmentScope' });
export type AssessmentScope = z.infer<typeof assessmentScopeSchema>;

export const figureSchema = z
  .object({
    key: figureKeySchema,
    label: z.string(),
    unit: z.enum(['ratio', 'count', 'days']),
    /** null: nothing to measure in the period (no cases, no evaluations). */
    value: z.number().nullable(),
    /** For a ratio or an average: what was counted over what (met / all, working days / cases). */
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    target: z.number().optional(),
    met: z.boolean().optional(),
  })
  .meta({ id: 'AssessmentFigure' });
export type Figure = z.infer<typeof figureSchema>;

export const assessmentReportSchema = z
  .object({
    scope: assessmentScopeSchema,
    from: monthSchema,
    to: monthSchema,
    /** When the aggregates were last changed: figures lag the cases by the stream's delay. */
    asOf: z.string().nullable(),
    figures: z.array(figureSchema),
    /** Month by month, for the trend charts: the same figures per month of the period. */
    months: z.array(z.object({ month: monthSchema, figures: z.array(figureSchema) })),
    /** The scopes one level down (the cities of the province; the organisations of a city), for drill-down. */
    children: z.array(z.object({ scope: assessmentScopeSchema, figures: z.array(figureSchema) })),
  })
  .meta({ id: 'AssessmentReport', description: '网上考核：各项指标、逐月趋势与下级对比' });
export type AssessmentReport = z.infer<typeof assessmentReportSchema>;

/** The cases behind one figure of one scope and period, newest first, a page at a time. */
export const assessmentCasesQuerySchema = assessmentQuerySchema
  .extend({
    figure: figureKeySchema,
    /** `failing` (the default) lists the cases that count against the figure; `all` every case it counted. */
    which: z.enum(['failing', 'all']).optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .strict();
export type AssessmentCasesQuery = z.infer<typeof assessmentCasesQuerySchema>;

export const assessmentCasesSchema = z
  .object({ items: z.array(staffCaseSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AssessmentCases' });
export type AssessmentCases = z.infer<typeof assessmentCasesSchema>;

/** The public report: the province or one city, no sign-in, no cases, only published figures. */
export const publicAssessmentQuerySchema = z
  .object({ region: regionCodeSchema.optional(), from: monthSchema.optional(), to: monthSchema.optional() })
  .strict();
export type PublicAssessmentQuery = z.infer<typeof publicAssessmentQuerySchema>;

/** The four catalog figures, which open the published items behind them rather than cases. */
export const ITEM_FIGURE_KEYS = FIGURE_KEYS.filter((key) => FIGURES[key].drill === 'items') as [FigureKey, ...FigureKey[]];

/** The published items behind one catalog figure of a scope (a snapshot: the items published now, no period). */
export const assessmentItemsQuerySchema = z
  .object({
    scope: assessmentQuerySchema.shape.scope,
    figure: z.enum(ITEM_FIGURE_KEYS, { error: '该指标不是事项类指标，请查看其办件' }).meta({ description: '事项类考核指标' }),
    /** `failing` (the default) lists the items that count against the figure; `all` every item it counted. */
    which: z.enum(['failing', 'all']).optional(),
  })
  .strict();
export type AssessmentItemsQuery = z.infer<typeof assessmentItemsQuerySchema>;

export const assessmentItemSchema = z
  .object({
    implementationCode: z.string(),
    name: z.string(),
    organisationName: z.string(),
    regionCode: z.string(),
    /** 网上办理深度 (1–4); 3 网上受理 or more counts as handled online. */
    onlineDepth: z.number().int(),
    visitsRequired: z.number().int(),
    negativeListed: z.boolean(),
    /** Why a negative-listed item must be handled on site, as its guide states. */
    negativeListReason: z.string().optional(),
    /** Whether the item counts against the figure (counted in its denominator, not in its numerator). */
    failing: z.boolean(),
  })
  .meta({ id: 'AssessmentItem' });
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;

export const assessmentItemsSchema = z
  .object({
    scope: assessmentScopeSchema,
    figure: figureKeySchema,
    which: z.enum(['failing', 'all']),
    /** The figure's denominator and numerator over the items read now (the report's may lag by the stream's delay). */
    counted: z.number().int(),
    failing: z.number().int(),
    items: z.array(assessmentItemSchema),
    /** More items than the cap (1000) in the scope: the list is cut, the counts are not. */
    truncated: z.boolean(),
  })
  .meta({ id: 'AssessmentItems', description: '事项类考核指标背后的已发布事项' });
export type AssessmentItems = z.infer<typeof assessmentItemsSchema>;
