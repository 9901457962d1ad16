import { parseImplementationCode } from '@ah-tourism/shared';
import { AppError } from '../../platform/errors';
import { httpHandler, json } from '../../platform/http';
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
  return json(200, item, { 'Cache-Control': 'public, max-age=86400, immutable' });
});
