import type { ImplementationItem } from '../../shared/src/catalog/guide';
import { PINYIN, SCENARIOS, SYNONYMS, pinyinFileSchema, scenarioFileSchema, synonymFileSchema } from '../../shared/src/search/expand';
import { parseWith, type SeedProblem } from './seed-problems';

const FILES = {
  synonyms: 'shared/src/search/synonyms.json',
  pinyin: 'shared/src/search/pinyin.json',
  scenarios: 'shared/src/search/scenarios.json',
};

/**
 * The search data checked when the catalog is seeded: each file against its schema, and every 一件事
 * step against the catalog (a step naming no item would show an empty step). The wider checks (every
 * phrasing finds an item; the pinyin file is current) are in search-data.test.ts.
 */
export function searchDataProblems(items: readonly ImplementationItem[]): SeedProblem[] {
  const problems: SeedProblem[] = [
    ...parseWith(synonymFileSchema, SYNONYMS, { file: FILES.synonyms, entries: [] }).problems,
    ...parseWith(pinyinFileSchema, PINYIN, { file: FILES.pinyin, entries: [] }).problems,
    ...parseWith(scenarioFileSchema, SCENARIOS, { file: FILES.scenarios, entries: [] }).problems,
  ];
  const codes = new Set(items.map((item) => item.basicCode));
  SCENARIOS.scenarios.forEach((scenario, index) => {
    scenario.steps.forEach((step, stepIndex) => {
      if (!codes.has(step.basicCode)) {
        problems.push({ file: FILES.scenarios, entries: [scenario.name], path: `scenarios[${index}].steps[${stepIndex}].basicCode`, message: `事项目录中没有基本编码为 ${step.basicCode} 的事项` });
      }
    });
  });
  return problems;
}
