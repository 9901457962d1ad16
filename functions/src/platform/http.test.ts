import type { HttpEvent } from './http';
import { MAX_JSON_DEPTH, jsonDepth, readJsonBody } from './http';
import { AppError } from './errors';

const event = (body: string) => ({ body, isBase64Encoded: false }) as HttpEvent;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
}

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['"[[[["', 0],
    ['{}', 1],
    ['[[], {"a": [1, {"b": []}]}]', 5],
    ['{"a": "\\"[[[", "b": ["\\\\", ["]"]]}', 3],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  it('measures a 10,700-deep array in one pass, without recursion', () => {
    expect(jsonDepth(`${'['.repeat(10_700)}${']'.repeat(10_700)}`)).toBe(10_700);
  });
});

describe('readJsonBody', () => {
  it('refuses a body nested deeper than the limit before parsing it', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(codeOf(() => readJsonBody(event(deep)))).toBe('COMMON_JSON_TOO_DEEP');
  });

  it('parses a body exactly at the limit', () => {
    const atLimit = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(codeOf(() => readJsonBody(event(atLimit)))).toBeUndefined();
  });

  it('leaves malformed text to the JSON parser', () => {
    expect(codeOf(() => readJsonBody(event('{"a": [')))).toBe('COMMON_MALFORMED_JSON');
  });
});

describe('request bodies', () => {
  it('are parsed only by readJsonBody, so its depth check covers every route', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith('.test.ts') && /event\.body/.test(readFileSync(file, 'utf8'))) offenders.push(path.relative(root, file));
      }
    };
    walk(root);
    // The signature check reads the raw bytes to hash them (bounded to the same size first), never parses them:
    // a signed route's body is parsed by readJsonBody like every other.
    expect(offenders).toEqual(['auth/request-signature.ts', 'platform/http.ts']);
  });
});
