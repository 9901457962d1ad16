import '../zod-locale';
import * as z from 'zod';
import { itemTypeCodeSchema, levelSchema, regionCodeSchema, themeCodeSchema } from '../catalog/codes';
import { itemSummarySchema } from '../catalog/guide';

/** Longest search text or prefix accepted (the list's keyword has the same bound). */
export const MAX_SEARCH_LENGTH = 30;

const searchText = (what: string) =>
  z.string().trim().min(1, `${what}不能为空`).max(MAX_SEARCH_LENGTH, `${what}不能超过${MAX_SEARCH_LENGTH}个字`);

/** GET /catalog/search: one query across the province and every city. */
export const searchQuerySchema = z
  .object({
    q: searchText('搜索词').meta({ description: '搜索词：事项名称、常用说法（如 开旅行社、评A）、拼音或拼音首字母（如 daoyou、dyz）；空格分开的多个词须同时匹配' }),
    region: regionCodeSchema.optional().meta({ description: '办事人所选地区：该地区的实施排在每个事项的最前面；不传为全省' }),
  })
  .strict();
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchGroupSchema = z
  .object({
    basicCode: z.string(),
    name: z.string(),
    itemType: itemTypeCodeSchema,
    themes: z.array(themeCodeSchema),
    levels: z.array(levelSchema).meta({ description: '该事项的办理层级（省级、市级…），由高到低' }),
    inRegion: z.boolean().meta({ description: '所选地区（或全省）本身有该事项的实施' }),
    implementations: z.array(itemSummarySchema).meta({ description: '各地区的实施：所选地区在前，其次省级，再按区划代码' }),
  })
  .meta({ id: 'SearchGroup', description: '一个事项（基本编码）在全省各层级的实施' });
export type SearchGroup = z.infer<typeof searchGroupSchema>;

export const searchResponseSchema = z
  .object({
    query: z.string(),
    region: regionCodeSchema,
    groups: z.array(searchGroupSchema),
    /** What the query was read as, for the "按…搜索" line (synonyms and pinyin it was expanded to). */
    understoodAs: z.array(z.string()).meta({ description: '搜索词被理解成的事项名称或关键词（同义词、拼音展开后）' }),
  })
  .meta({ id: 'SearchResult' });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const suggestionsQuerySchema = z
  .object({
    prefix: z.string().trim().max(MAX_SEARCH_LENGTH, `输入不能超过${MAX_SEARCH_LENGTH}个字`).optional().meta({ description: '已输入的文字（可为拼音或首字母）；不传或为空时只返回热门搜索' }),
  })
  .strict();
export type SuggestionsQuery = z.output<typeof suggestionsQuerySchema>;

export const suggestionSchema = z.object({
  text: z.string(),
  kind: z.enum(['item', 'phrase', 'scenario']).meta({ description: 'item 事项名称，phrase 常用说法，scenario 一件事' }),
  scenarioCode: z.string().optional(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsResponseSchema = z
  .object({
    suggestions: z.array(suggestionSchema),
    hot: z.array(z.string()).meta({ description: '热门搜索（编辑维护的清单）' }),
  })
  .meta({ id: 'SearchSuggestions' });
export type SuggestionsResponse = z.infer<typeof suggestionsResponseSchema>;

export const regionOnlyQuerySchema = z
  .object({ region: regionCodeSchema.optional().meta({ description: '行政区划代码；不传为全省（340000）' }) })
  .strict();
export type RegionOnlyQuery = z.output<typeof regionOnlyQuerySchema>;

const facetSchema = z.object({ code: z.string(), count: z.number().int().positive() });
export const facetsResponseSchema = z
  .object({
    region: regionCodeSchema,
    types: z.array(facetSchema).meta({ description: '该地区有事项的事项类型及事项数' }),
    themes: z.array(facetSchema).meta({ description: '该地区有事项的主题及事项数' }),
  })
  .meta({ id: 'CatalogFacets' });
export type FacetsResponse = z.infer<typeof facetsResponseSchema>;

export const scenarioStepSchema = z.object({
  basicCode: z.string(),
  title: z.string(),
  why: z.string(),
  implementation: itemSummarySchema.nullable().meta({ description: '所选地区办理这一步的实施（市级事项在全省时为空，请先选择城市）' }),
  levels: z.array(levelSchema),
});
export const scenarioSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    steps: z.array(scenarioStepSchema),
  })
  .meta({ id: 'Scenario', description: '一件事：为一个实际目标按顺序办理的几个事项' });
export type Scenario = z.infer<typeof scenarioSchema>;
export const scenariosResponseSchema = z.object({ region: regionCodeSchema, scenarios: z.array(scenarioSchema) }).meta({ id: 'ScenarioList' });
export type ScenariosResponse = z.infer<typeof scenariosResponseSchema>;
