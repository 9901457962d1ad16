import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  organisationSchema,
  regionSchema,
  type ImplementationItem,
  type Organisation,
  type Region,
} from '../../shared/src/catalog/guide';
import { creditCodeRegion } from '../../shared/src/identity/credit-code';
import { REPO_ROOT } from '../local/paths';
import { validateCatalogItemFile, type CatalogContext } from './catalog-file';
import { searchDataProblems } from './search-data';
import { mergeProblems, parseWith, SeedValidationError, type SeedProblem } from './seed-problems';

export { ALL_CITIES, SEED_PUBLISHED_AT, SEED_VERSION, validateCatalogItemFile } from './catalog-file';
export { formatProblem, SeedValidationError, type SeedProblem } from './seed-problems';

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, 'data');

export interface CatalogSeed {
  regions: Region[];
  organisations: Organisation[];
  items: ImplementationItem[];
}

/** A data file's parsed JSON, labelled with its path relative to the repository root. */
export interface SeedSource {
  file: string;
  json: unknown;
}

export interface CatalogSeedSources {
  regions: SeedSource;
  organisations: SeedSource;
  items: SeedSource[];
}

/**
 * Reads data/ (regions.json, organisations.json, items/*.json) and returns the validated catalog:
 * one implementation-list entry per item and implementing region. Throws a SeedValidationError
 * listing every problem found, not only the first.
 */
export function loadCatalogSeed(dataDir: string = DEFAULT_DATA_DIR): CatalogSeed {
  const { sources, problems: unreadable } = readSources(dataDir);
  const { seed, problems } = collectCatalogSeed(sources);
  // The search data (synonyms, pinyin, 一件事) goes with the repository's own catalog.
  const search = dataDir === DEFAULT_DATA_DIR ? searchDataProblems(seed.items) : [];
  const all = [...unreadable, ...problems, ...search];
  if (all.length > 0) throw new SeedValidationError(all);
  return seed;
}

/**
 * Reads the data files. One that cannot be read or parsed is reported and left out; for regions and
 * organisations it counts as an empty list, so that items are still checked.
 */
function readSources(dataDir: string): { sources: CatalogSeedSources; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const labelOf = (file: string) => path.relative(path.dirname(dataDir), file).split(path.sep).join('/');
  const read = (file: string): SeedSource | undefined => {
    const label = labelOf(file);
    try {
      return { file: label, json: JSON.parse(readFileSync(file, 'utf8')) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ file: label, entries: [], path: '', message: `无法读取或解析 JSON：${reason}` });
      return undefined;
    }
  };
  const list = (file: string): SeedSource => read(file) ?? { file: labelOf(file), json: [] };
  const itemsDir = path.join(dataDir, 'items');
  const items = readdirSync(itemsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => read(path.join(itemsDir, name)) ?? []);
  const sources = {
    regions: list(path.join(dataDir, 'regions.json')),
    organisations: list(path.join(dataDir, 'organisations.json')),
    items,
  };
  return { sources, problems };
}

/** The same validation on sources already in memory: throws a SeedValidationError on any problem. */
export function validateCatalogSeed(sources: CatalogSeedSources): CatalogSeed {
  const { seed, problems } = collectCatalogSeed(sources);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return seed;
}

/** Validates everything and returns what is valid together with every problem found. */
export function collectCatalogSeed(sources: CatalogSeedSources): { seed: CatalogSeed; problems: SeedProblem[] } {
  const regions = validateRegions(sources.regions);
  const organisations = validateOrganisations(sources.organisations, regions.valid);
  const context: CatalogContext = { regions: regions.valid, organisations: organisations.valid };
  const perFile = sources.items.map((source) => ({
    file: source.file,
    ...validateCatalogItemFile(source.json, source.file, context),
  }));
  const problems = [
    ...regions.problems,
    ...organisations.problems,
    ...perFile.flatMap((result) => result.problems),
    ...checkCodesUnique(perFile, regions.valid),
  ];
  const seed = { regions: regions.valid, organisations: organisations.valid, items: perFile.flatMap((r) => r.items) };
  return { seed, problems: mergeProblems(problems) };
}

interface Validated<T> {
  valid: T[];
  problems: SeedProblem[];
}

function validateEntries<T extends z.ZodType>(
  source: SeedSource,
  schema: T,
  entryName: (entry: unknown, index: number) => string,
): Validated<z.output<T>> {
  const result: Validated<z.output<T>> = { valid: [], problems: [] };
  if (!Array.isArray(source.json)) {
    result.problems.push({ file: source.file, entries: [], path: '', message: '文件内容应为数组' });
    return result;
  }
  source.json.forEach((entry: unknown, index) => {
    const { data, problems } = parseWith(schema, entry, { file: source.file, entries: [entryName(entry, index)] });
    result.problems.push(...problems);
    if (data !== undefined) result.valid.push(data);
  });
  return result;
}

/** The entry's own name if it has one, else its position: `第3项`. */
function nameOf(entry: unknown, index: number): string {
  const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name : `第${index + 1}项`;
}

function validateRegions(source: SeedSource): Validated<Region> {
  const result = validateEntries(source, regionSchema, nameOf);
  const problem = (region: Region, path: string, message: string) =>
    result.problems.push({ file: source.file, entries: [region.name], path, message });
  duplicates(result.valid, (r) => r.code).forEach((r) => problem(r, 'code', `行政区划代码 ${r.code} 重复`));
  for (const region of result.valid) {
    if (region.parentCode !== null && !result.valid.some((r) => r.code === region.parentCode)) {
      problem(region, 'parentCode', `上级行政区划 ${region.parentCode} 不在本文件中`);
    }
  }
  return result;
}

function validateOrganisations(source: SeedSource, regions: readonly Region[]): Validated<Organisation> {
  const result = validateEntries(source, organisationSchema, nameOf);
  const problem = (org: Organisation, path: string, message: string) =>
    result.problems.push({ file: source.file, entries: [org.name], path, message });
  duplicates(result.valid, (o) => o.creditCode).forEach((o) => problem(o, 'creditCode', '统一社会信用代码重复'));
  duplicates(result.valid, (o) => o.regionCode).forEach((o) =>
    problem(o, 'regionCode', `行政区划 ${o.regionCode} 有多个实施主体，每个行政区划只能有一个`),
  );
  for (const org of result.valid) {
    const region = regions.find((r) => r.code === org.regionCode);
    if (!region) problem(org, 'regionCode', `行政区划 ${org.regionCode} 不在 regions.json 中`);
    else if (region.level !== org.level) problem(org, 'level', `层级与${region.name}的层级 ${region.level} 不一致`);
    if (creditCodeRegion(org.creditCode) !== org.regionCode) {
      problem(org, 'creditCode', '统一社会信用代码第3-8位应为实施主体所在的行政区划代码');
    }
  }
  return result;
}

/** Basic codes are unique across item files; implementation codes are unique across everything. */
function checkCodesUnique(
  perFile: ReadonlyArray<{ file: string; items: ImplementationItem[] }>,
  regions: readonly Region[],
): SeedProblem[] {
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const problems: SeedProblem[] = [];
  const fileByBasicCode = new Map<string, string>();
  const fileByImplementationCode = new Map<string, string>();
  for (const { file, items } of perFile) {
    const basicCode = items[0]?.basicCode;
    const other = basicCode ? fileByBasicCode.get(basicCode) : undefined;
    if (basicCode && other) problems.push({ file, entries: [], path: 'basicCode', message: `基本编码 ${basicCode} 与 ${other} 重复` });
    else if (basicCode) fileByBasicCode.set(basicCode, file);
    for (const item of items) {
      const first = fileByImplementationCode.get(item.implementationCode);
      if (first) {
        const message = `实施编码 ${item.implementationCode} 重复（另见 ${first}）`;
        problems.push({ file, entries: [regionName(item.regionCode)], path: 'implementationCode', message });
      } else fileByImplementationCode.set(item.implementationCode, file);
    }
  }
  return problems;
}

function duplicates<T>(entries: readonly T[], key: (entry: T) => string): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const k = key(entry);
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}
