import * as z from 'zod';
import { ERROR_MESSAGES_EN } from '@ah-tourism/shared/src/errors-en';
import type { HttpEvent } from './http';
import { MAX_JSON_DEPTH, errorResponse, httpHandler, jsonDepth, parseInput, readJsonBody } from './http';
import { AppError } from './errors';
import { withLanguage } from './language';

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

describe('answers in the language asked for', () => {
  const schema = z.object({ name: z.string().min(2, '请填写姓名（至少2个字）'), count: z.number().max(3) });
  const issuesOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
    }
    throw new Error('expected an AppError');
  };

  it('parses field problems in English when the request asked for English, keeping the paths', () => {
    const error = issuesOf(() => withLanguage('en', () => parseInput(schema, { count: 9 })));
    expect(error.details).toEqual([
      { path: 'name', message: 'Please fill this in.' },
      { path: 'count', message: 'Enter a number of at most 3.' },
    ]);
    const chinese = issuesOf(() => parseInput(schema, { name: 'a', count: 1 }));
    expect(chinese.details).toEqual([{ path: 'name', message: '请填写姓名（至少2个字）' }]);
  });

  it('answers an error with the English message of its code, same code and status, details in English', () => {
    const error = new AppError('CASE_VERSION_CONFLICT', '办件刚刚有了新的进展，请重新认领', [{ path: 'slotId', message: '请从可预约的时段中选择' }]);
    const english = errorResponse(error, 'en');
    expect(english.statusCode).toBe(409);
    expect(JSON.parse(english.body as string)).toEqual({
      code: 'CASE_VERSION_CONFLICT',
      message: ERROR_MESSAGES_EN.CASE_VERSION_CONFLICT,
      details: [{ path: 'slotId', message: 'Choose one of the options.' }],
    });
    expect(JSON.parse(errorResponse(error).body as string).message).toBe('办件刚刚有了新的进展，请重新认领');
  });

  it('takes the language from Accept-Language in httpHandler', async () => {
    const route = httpHandler(async () => {
      throw new AppError('AUTH_REQUIRED');
    });
    const call = (acceptLanguage?: string) =>
      route({ headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}, requestContext: { requestId: 'r' } } as unknown as HttpEvent);
    expect(JSON.parse((await call('en-GB,en;q=0.9')).body as string).message).toBe(ERROR_MESSAGES_EN.AUTH_REQUIRED);
    expect(JSON.parse((await call('zh-CN;q=0.9,en;q=0.5')).body as string).message).toBe('请先登录后再办理');
    expect(JSON.parse((await call()).body as string).message).toBe('请先登录后再办理');
  });
});
