import { parseImplementationCode } from '@ah-tourism/shared';
import { AppError } from '../../platform/errors';
import { httpHandler, json } from '../../platform/http';
import { consultations } from '../wiring';

/** The FAQ changes only when staff publish an entry: a short public cache is enough. */
const FAQ_CACHE = { 'Cache-Control': 'public, max-age=60' };

/** GET /catalog/items/{code}/faq (public) */
export const handler = httpHandler(async (event) => {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  if (!parseImplementationCode(code)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '实施编码格式不正确，请核对链接或重新查找事项', [
      { path: 'code', message: '实施编码应为35位：基本编码、层级、行政区划代码和实施主体统一社会信用代码' },
    ]);
  }
  return json(200, await consultations().faq(code), FAQ_CACHE);
});
