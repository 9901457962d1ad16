import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** What the tests keep of one axe violation: enough to find and fix it from a failure message. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements (at most a few) with axe's summary for the first. */
  targets: string[];
  summary: string;
}

let axeSource: string | undefined;

/** Impacts that fail a test; moderate and minor findings are advice, not defects. */
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (the same engine browser extensions use) on what the page shows now and returns the
 * serious and critical violations. Taro keeps earlier pages of the stack mounted but hidden
 * (display: none), and axe skips hidden content, so only the page on screen is judged. Rules are WCAG 2.x
 * A and AA plus axe's best practices.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const { violations } = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
    }));
  });
  return results.filter((finding) => FAILING.has(finding.impact));
}

/** One line per finding, for a failure message that names the page. */
export function describeFindings(where: string, findings: AxeFinding[]): string {
  if (findings.length === 0) return `${where}: no serious or critical accessibility violations`;
  return [
    `${where}: ${findings.length} serious/critical accessibility violation(s)`,
    ...findings.map((f) => `  [${f.impact}] ${f.rule}: ${f.help}\n    at ${f.targets.join(' | ')}\n    ${f.summary}`),
  ].join('\n');
}

/** Fails with the page named and every finding listed unless axe finds nothing serious on it. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const findings = await seriousViolations(page);
  if (findings.length > 0) throw new Error(describeFindings(where, findings));
}
