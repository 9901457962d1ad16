import { buildOpenApiDocument } from '@ah-tourism/shared/src/api/openapi';
import { httpHandler, json } from '../../platform/http';

let document: unknown;

export const handler = httpHandler(async () => {
  document ??= buildOpenApiDocument();
  return json(200, document, { 'Cache-Control': 'public, max-age=300' });
});
