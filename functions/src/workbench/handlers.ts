import { staffActionRequestSchema, staffInboxQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { httpHandler, json, parseInput, parseJsonBody, type HttpEvent, NO_STORE } from '../platform/http';
import { defaultWorkbenchDeps, workbenchService, type WorkbenchService } from './service';

let instance: WorkbenchService | undefined;
const workbench = () => (instance ??= workbenchService(defaultWorkbenchDeps()));
const caseNumberOf = (event: HttpEvent) => event.pathParameters?.caseNumber ?? '';

/** GET /staff/cases */
export const inbox = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(staffInboxQuerySchema, event.queryStringParameters ?? {});
  return json(200, await workbench().inbox(caller, query), NO_STORE);
});

/** GET /staff/cases/{caseNumber} */
export const detail = httpHandler(async (event) => json(200, await workbench().detail(await authenticate(event), caseNumberOf(event)), NO_STORE));

/** POST /staff/cases/{caseNumber}/actions */
export const act = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, staffActionRequestSchema);
  return json(200, await workbench().act(caller, caseNumberOf(event), request), NO_STORE);
});

/** GET /staff/cases/{caseNumber}/materials/{materialId}/files/{index} */
export const download = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const index = Number(event.pathParameters?.index);
  return json(200, await workbench().downloadLink(caller, caseNumberOf(event), event.pathParameters?.materialId ?? '', Number.isInteger(index) ? index : -1), NO_STORE);
});

/** GET /staff/cases/{caseNumber}/audit */
export const verifyAudit = httpHandler(async (event) => json(200, await workbench().verifyAudit(await authenticate(event), caseNumberOf(event)), NO_STORE));
