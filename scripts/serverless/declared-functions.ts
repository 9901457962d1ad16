import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');

export interface DeclaredFunction {
  name: string;
  handler: string;
  events?: { httpApi?: { method: string; path: string } }[];
  /** The one stage that has it (from `stages/<stage>.yml`); undefined when every stage has it. */
  stage?: string;
}

/** An entry of serverless.yml's functions that takes its definition from the stage's own file. */
const STAGE_ENTRY = /^\$\{file\(\.\/stages\/\$\{sls:stage\}\.yml\):functions\.([A-Za-z0-9]+), null\}$/;

/**
 * Every function serverless.yml declares, read as text (no serverless run): its own entries, and those
 * it takes from `stages/<stage>.yml`, each with the stage whose file defines it.
 */
export function declaredFunctions(root = ROOT): DeclaredFunction[] {
  const config = parse(readFileSync(path.join(root, 'serverless.yml'), 'utf8')) as { functions: Record<string, unknown> };
  const stageFiles = readdirSync(path.join(root, 'stages'))
    .filter((file) => file.endsWith('.yml'))
    .map((file) => ({
      stage: file.replace(/\.yml$/, ''),
      functions: (parse(readFileSync(path.join(root, 'stages', file), 'utf8')) as { functions?: Record<string, Omit<DeclaredFunction, 'name' | 'stage'>> }).functions ?? {},
    }));
  return Object.entries(config.functions).flatMap(([name, entry]): DeclaredFunction[] => {
    if (typeof entry !== 'string') return [{ name, ...(entry as Omit<DeclaredFunction, 'name'>) }];
    const match = STAGE_ENTRY.exec(entry);
    if (!match || match[1] !== name) throw new Error(`serverless.yml: function ${name} is neither a definition nor its stage file's entry: ${entry}`);
    return stageFiles.filter(({ functions }) => functions[name]).map(({ stage, functions }) => ({ name, ...functions[name]!, stage }));
  });
}
