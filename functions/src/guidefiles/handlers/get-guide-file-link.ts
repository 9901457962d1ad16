import { guideFilePathSchema, parseImplementationCode } from '@ah-tourism/shared';
import { guideCaches } from '../../catalog/wiring';
import { AppError } from '../../platform/errors';
import { httpHandler, json, NO_STORE, parseInput } from '../../platform/http';
import { guideFileLinks, takeGuideFileLinkRequest } from '../links';

let links: ReturnType<typeof guideFileLinks> | undefined;

/**
 * GET /catalog/items/{code}/versions/{version}/files/{fileId}: a five-minute link to a blank form, sample
 * or result sample of a published guide version; no sign-in, counted per source address.
 */
export const handler = httpHandler(async (event) => {
  await takeGuideFileLinkRequest(event.requestContext?.http?.sourceIp);
  const params = parseInput(guideFilePathSchema, {
    code: decodeURIComponent(event.pathParameters?.code ?? ''),
    version: event.pathParameters?.version,
    fileId: event.pathParameters?.fileId,
  });
  if (!parseImplementationCode(params.code)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '实施编码格式不正确，请核对链接或重新查找事项', [{ path: 'code', message: '实施编码应为35位' }]);
  }
  links ??= guideFileLinks({ versions: guideCaches().versions });
  return json(200, await links.link(params.code, params.version, params.fileId), NO_STORE);
});
