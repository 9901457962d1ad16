import { parseImplementationCode } from '@ah-tourism/shared';
import { toNationalGuide } from '@ah-tourism/shared/src/catalog/national-layout';
import { signedRoute } from '../../auth/signed-route';
import { catalog } from '../../catalog/wiring';
import { AppError } from '../../platform/errors';
import { json, NO_STORE } from '../../platform/http';

/** GET /open/v1/catalog/items/{code}: the current published guide in the national layout. */
export const handler = signedRoute('portal', async (event) => {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  if (!parseImplementationCode(code)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '实施编码格式不正确', [{ path: 'code', message: '实施编码应为35位：基本编码、层级、行政区划代码和实施主体统一社会信用代码' }]);
  }
  return json(200, toNationalGuide(await catalog().getGuide(code)), NO_STORE);
});
