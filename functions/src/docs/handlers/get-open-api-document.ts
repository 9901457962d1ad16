// The document `npm run openapi` generated from the route list and its zod schemas, bundled as data: a
// unit test fails when it is not regenerated after a change, so the function serves it without building
// a single schema when it starts.
import openApiDocument from '../../../../docs/openapi.json';
import { httpHandler, json } from '../../platform/http';

export const handler = httpHandler(async () => json(200, openApiDocument, { 'Cache-Control': 'public, max-age=300' }));
