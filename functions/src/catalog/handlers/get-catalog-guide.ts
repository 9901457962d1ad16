import { createHash } from 'node:crypto';
import { parseImplementationCode, type ImplementationItem } from '@ah-tourism/shared';
import { localiseItem } from '@ah-tourism/shared/src/catalog/guide-translation';
import type { Language } from '@ah-tourism/shared/src/i18n/language';
import { AppError } from '../../platform/errors';
import { header, httpHandler } from '../../platform/http';
import { requestLanguage } from '../../platform/language';
import { catalog } from '../wiring';

const CACHE_CONTROL = 'public, max-age=300';

/**
 * Body and ETag of each guide the service hands out. The service keeps one object per published
 * version in memory, so both are computed once per version and container; a 304 then costs neither
 * a read nor a hash.
 */
const representations: Record<Language, WeakMap<ImplementationItem, { body: string; etag: string }>> = { 'zh-CN': new WeakMap(), en: new WeakMap() };

/** The guide in the language asked for (guide-translation.ts), with its own ETag per language. */
function representation(item: ImplementationItem, language: Language): { body: string; etag: string } {
  let known = representations[language].get(item);
  if (!known) {
    const body = JSON.stringify(localiseItem(item, language));
    known = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
    representations[language].set(item, known);
  }
  return known;
}

export const handler = httpHandler(async (event) => {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  if (!parseImplementationCode(code)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '实施编码格式不正确，请核对链接或重新查找事项', [
      { path: 'code', message: '实施编码应为35位：基本编码、层级、行政区划代码和实施主体统一社会信用代码' },
    ]);
  }
  const { body, etag } = representation(await catalog().getGuide(code), requestLanguage());
  const cacheHeaders = { ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Language' };
  const ifNoneMatch = header(event, 'if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return { statusCode: 304, headers: cacheHeaders };
  }
  return { statusCode: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...cacheHeaders }, body };
});
