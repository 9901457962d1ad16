import { authenticate } from '../../auth/caller';
import { httpHandler, json, NO_STORE } from '../../platform/http';
import { staffViews } from '../wiring';

/** GET /staff/cases/{caseNumber}/materials/{materialId}/files/{index} */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const index = Number(event.pathParameters?.index);
  const link = await staffViews().downloadLink(caller, event.pathParameters?.caseNumber ?? '', event.pathParameters?.materialId ?? '', Number.isInteger(index) ? index : -1);
  return json(200, link, NO_STORE);
});
