import type { z } from 'zod';
import { formatPath, parseCatalogEntry } from '../../shared/src/catalog/field-problems';

/**
 * One thing wrong in the seed data, located as precisely as the data allows:
 * `file › entries › path: message`, e.g.
 * `data/items/daoyouzheng.json › 黄山市 › guide.materials[2].name: 材料名称表述模糊…`.
 */
export interface SeedProblem {
  /** The data file, relative to the repository root (data/items/daoyouzheng.json). */
  file: string;
  /** What inside the file: implementing regions for items, the entry's name for regions and organisations. */
  entries: string[];
  /** Where inside the entry (guide.materials[2].name); empty for the file as a whole. */
  path: string;
  /** Chinese, for whoever maintains the data. */
  message: string;
}

export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';

  constructor(readonly problems: readonly SeedProblem[]) {
    super(`种子数据校验未通过，共 ${problems.length} 个问题：\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(problem: SeedProblem): string {
  const location = [problem.file];
  if (problem.entries.length > 0) location.push(problem.entries.join('、'));
  if (problem.path) location.push(problem.path);
  return `${location.join(' › ')}: ${problem.message}`;
}

export { formatPath };

/** Parses with a shared schema, returning Chinese problems instead of throwing (the wording list maintenance uses too). */
export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: Pick<SeedProblem, 'file' | 'entries'>,
  pathPrefix: readonly PropertyKey[] = [],
): { data?: z.output<T>; problems: SeedProblem[] } {
  const { data, problems } = parseCatalogEntry(schema, input, pathPrefix);
  return { data, problems: problems.map((problem) => ({ ...where, ...problem })) };
}

/**
 * The same problem in many implementations of one item (a shared guide field) is reported once,
 * naming every implementation it affects.
 */
export function mergeProblems(problems: readonly SeedProblem[]): SeedProblem[] {
  const merged = new Map<string, SeedProblem>();
  for (const problem of problems) {
    const key = JSON.stringify([problem.file, problem.path, problem.message]);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...problem, entries: [...problem.entries] });
    else seen.entries.push(...problem.entries.filter((entry) => !seen.entries.includes(entry)));
  }
  return [...merged.values()];
}
