import { z } from 'zod';
import { formatImplementationCode, LEVELS, levelSchema, regionCodeSchema, type Level } from '../../shared/src/catalog/codes';
import {
  guideSchema,
  implementationItemSchema,
  type ImplementationItem,
  type Organisation,
  type Region,
} from '../../shared/src/catalog/guide';
import { translatableTexts } from '../../shared/src/catalog/guide-translation';
import { optionRuleProblems } from '../../shared/src/application/fields';
import { resolveGuideFileRefs } from './guide-files/seed-files';
import { mergeProblems, parseWith, type SeedProblem } from './seed-problems';

/** Every published seed entry is version 1 of its implementation-list entry, published on one date. */
export const SEED_VERSION = 1;
export const SEED_PUBLISHED_AT = '2026-11-01';

/** `"regions": "all-cities"` implements an item in every city of regions.json. */
export const ALL_CITIES = 'all-cities';

const GUIDE_FIELDS = new Set(Object.keys(guideSchema.shape));

/** Part of a guide: field names are checked here, the content once the guide is complete. */
const partialGuideSchema = z.record(z.string(), z.unknown()).superRefine((guide, ctx) => {
  for (const key of Object.keys(guide)) {
    if (!GUIDE_FIELDS.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `办事指南没有字段“${key}”` });
  }
});

const implementationGroupSchema = z
  .object({
    level: levelSchema,
    regions: z.union([z.literal(ALL_CITIES), z.array(regionCodeSchema).min(1, '实施地区不能为空')], {
      error: `实施地区应为行政区划代码列表或 "${ALL_CITIES}"`,
    }),
    frequent: z.boolean().optional(),
    /** This group's own limits on choice fields (checked against the fields once the entry is composed). */
    optionRules: z.array(z.unknown()).optional(),
    guide: partialGuideSchema.optional(),
  })
  .strict();

/**
 * One catalog item (目录清单事项) as stored in data/items/<slug>.json: what is the same everywhere,
 * a guide shared by all implementations, and per group of implementations the guide fields that
 * differ (promised limit, scope…). Codes, names and guide content are validated by the shared
 * schemas once each implementation is composed, so that there is one source of rules.
 */
export const catalogItemFileSchema = z
  .object({
    basicCode: z.string(),
    name: z.string(),
    itemType: z.string(),
    themes: z.array(z.string()),
    keywords: z.array(z.string()).optional(),
    applicationFields: z.array(z.unknown()).optional(),
    guide: partialGuideSchema,
    /** Chinese text → English, for the texts of the item's guides that have English (guide-translation.ts). */
    translations: z.object({ en: z.record(z.string(), z.string()) }).strict().optional(),
    implementations: z.array(implementationGroupSchema).min(1, '至少需要一个实施层级'),
  })
  .strict();
export type CatalogItemFile = z.output<typeof catalogItemFileSchema>;
type ImplementationGroup = CatalogItemFile['implementations'][number];

export interface CatalogContext {
  regions: readonly Region[];
  organisations: readonly Organisation[];
  /** Where the files the guides name are (default data/guide-files). */
  guideFilesDir?: string;
}

export interface CatalogItemResult {
  items: ImplementationItem[];
  problems: SeedProblem[];
}

/** Validates one item file (already parsed JSON) and composes its implementation-list entries. */
export function validateCatalogItemFile(json: unknown, file: string, context: CatalogContext): CatalogItemResult {
  const parsed = parseWith(catalogItemFileSchema, json, { file, entries: [] });
  if (!parsed.data) return { items: [], problems: parsed.problems };
  const { data, problems } = withGuideFiles(parsed.data, file, context.guideFilesDir);
  if (problems.length > 0) return { items: [], problems };
  const result: CatalogItemResult = { items: [], problems: [] };
  data.implementations.forEach((group, index) => {
    const { regions, problems: regionProblems } = implementingRegions(group, index, file, context);
    result.problems.push(...regionProblems);
    for (const region of regions) addImplementation(result, data, group, region, file, context);
  });
  // Translations are checked against guides that are otherwise valid (a broken guide has no texts to match).
  if (result.problems.length === 0) result.problems.push(...translationProblems(data, result.items, file));
  return { items: result.items, problems: mergeProblems(result.problems) };
}

/** The item file with its guide files read from data/guide-files (see guide-files/seed-files.ts). */
function withGuideFiles(data: CatalogItemFile, file: string, dir: string | undefined): { data: CatalogItemFile; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const resolve = (guide: Record<string, unknown>, at: string) => {
    const resolved = resolveGuideFileRefs(guide, at, dir);
    problems.push(...resolved.problems.map((p) => ({ file, entries: [], ...p })));
    return resolved.guide;
  };
  const resolved: CatalogItemFile = {
    ...data,
    guide: resolve(data.guide, 'guide'),
    implementations: data.implementations.map((group, i) => (group.guide ? { ...group, guide: resolve(group.guide, `implementations[${i}].guide`) } : group)),
  };
  return { data: resolved, problems };
}

function implementingRegions(
  group: ImplementationGroup,
  index: number,
  file: string,
  context: CatalogContext,
): { regions: Region[]; problems: SeedProblem[] } {
  if (group.regions === ALL_CITIES) return { regions: context.regions.filter((r) => r.level === 'city'), problems: [] };
  const regions: Region[] = [];
  const problems: SeedProblem[] = [];
  group.regions.forEach((code, i) => {
    const region = context.regions.find((r) => r.code === code);
    const path = `implementations[${index}].regions[${i}]`;
    if (!region) problems.push({ file, entries: [], path, message: `行政区划 ${code} 不在 regions.json 中` });
    else if (region.level !== group.level) {
      const message = `${region.name}的层级与实施层级（${LEVELS[group.level].name}）不一致`;
      problems.push({ file, entries: [region.name], path, message });
    } else regions.push(region);
  });
  return { regions, problems };
}

function addImplementation(
  result: CatalogItemResult,
  file: CatalogItemFile,
  group: ImplementationGroup,
  region: Region,
  fileLabel: string,
  context: CatalogContext,
): void {
  const where = { file: fileLabel, entries: [region.name] };
  const organisation = context.organisations.find((o) => o.regionCode === region.code && o.level === group.level);
  if (!organisation) {
    result.problems.push({ ...where, path: '', message: `organisations.json 中没有${region.name}的实施主体` });
    return;
  }
  const { data, problems } = parseWith(implementationItemSchema, composeImplementation(file, group, region.code, organisation), where);
  result.problems.push(...problems);
  const ruleProblems = data ? optionRuleProblems(data.applicationFields, data.optionRules) : [];
  result.problems.push(...ruleProblems.map((p) => ({ ...where, ...p })));
  if (data && !ruleProblems.length) result.items.push(withOwnTranslations(data));
}

/** Each implementation keeps the translations of its own texts only. */
function withOwnTranslations(item: ImplementationItem): ImplementationItem {
  const all = item.translations?.en;
  if (!all) return item;
  const texts = new Set(translatableTexts(item).map((t) => t.text));
  const en = Object.fromEntries(Object.entries(all).filter(([chinese]) => texts.has(chinese)));
  return { ...item, translations: { en } };
}

/** A translation whose Chinese no guide of the item contains (a text since changed), or one with Chinese left in it. */
function translationProblems(file: CatalogItemFile, items: readonly ImplementationItem[], label: string): SeedProblem[] {
  const pairs = file.translations?.en;
  if (!pairs) return [];
  const texts = new Set(items.flatMap((item) => translatableTexts(item).map((t) => t.text)));
  const problems: SeedProblem[] = [];
  for (const [chinese, english] of Object.entries(pairs)) {
    const path = `translations.en["${chinese.slice(0, 20)}"]`;
    if (!texts.has(chinese)) problems.push({ file: label, entries: [], path, message: '译文的中文原文不在本事项的办事指南中（原文可能已修改），请按现行原文更新译文' });
    else if (!english.trim()) problems.push({ file: label, entries: [], path, message: '译文不能为空' });
  }
  return problems;
}

/**
 * One implementation-list entry before validation. Place, hours and phones come from the
 * implementing organisation unless the item's guide names its own.
 */
export function composeImplementation(
  file: CatalogItemFile,
  group: { level: Level; frequent?: boolean; optionRules?: unknown[]; guide?: Record<string, unknown> },
  regionCode: string,
  organisation: Organisation,
): unknown {
  return {
    implementationCode: formatImplementationCode({
      basicCode: file.basicCode,
      level: group.level,
      regionCode,
      creditCode: organisation.creditCode,
    }),
    basicCode: file.basicCode,
    name: file.name,
    itemType: file.itemType,
    level: group.level,
    regionCode,
    organisation: { creditCode: organisation.creditCode, name: organisation.name },
    themes: file.themes,
    keywords: file.keywords,
    frequent: group.frequent,
    applicationFields: file.applicationFields,
    ...(file.translations ? { translations: file.translations } : {}),
    ...(group.optionRules ? { optionRules: group.optionRules } : {}),
    version: SEED_VERSION,
    publishedAt: SEED_PUBLISHED_AT,
    guide: {
      place: { address: organisation.address, hours: organisation.hours },
      consultPhones: [organisation.consultPhone],
      complaintPhones: [organisation.complaintPhone],
      ...file.guide,
      ...group.guide,
    },
  };
}
