import { parseImplementationCode } from '@ah-tourism/shared';
import { localiseItem } from '@ah-tourism/shared/src/catalog/guide-translation';
import { AppError } from '../../platform/errors';
import { httpHandler, json } from '../../platform/http';
import { requestLanguage } from '../../platform/language';
import { catalog } from '../wiring';

/** GET /catalog/items/{code}/versions/{version}: a published version never changes, so it may be cached for long. */
export const handler = httpHandler(async (event) => {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  const version = event.pathParameters?.version ?? '';
  if (!parseImplementationCode(code) || !/^[1-9]\d{0,5}$/.test(version)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '实施编码或版本号格式不正确，请核对链接', [
      { path: parseImplementationCode(code) ? 'version' : 'code', message: parseImplementationCode(code) ? '版本号应为正整数' : '实施编码应为35位' },
    ]);
  }
  const item = await catalog().getGuideVersion(code, Number(version));
  // A version's English is the one stored with it, so the answer never changes either, per language.
  return json(200, localiseItem(item, requestLanguage()), { 'Cache-Control': 'public, max-age=86400, immutable', Vary: 'Accept-Language' });
});
