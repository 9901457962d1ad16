import { parseImplementationCode, saveDraftRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { AppError } from '../platform/errors';
import { httpHandler, json, parseJsonBody, type HttpEvent, NO_STORE } from '../platform/http';
import { cases } from './service-instance';

function codeOf(event: HttpEvent): string {
  const code = event.pathParameters?.code ?? '';
  if (!parseImplementationCode(code)) throw new AppError('DRAFT_NOT_FOUND');
  return code;
}


/** GET /drafts: the caller's unexpired drafts, most recently saved first. */
export const list = httpHandler(async (event) => json(200, { drafts: await cases().listDrafts(await authenticate(event)) }, NO_STORE));

/** GET /drafts/{code} */
export const get = httpHandler(async (event) => json(200, await cases().getDraft(await authenticate(event), codeOf(event)), NO_STORE));

/** PUT /drafts/{code}: saves (replaces) the caller's draft for one item; it expires after the configured days. */
export const save = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const code = codeOf(event);
  const { form } = parseJsonBody(event, saveDraftRequestSchema);
  return json(200, await cases().saveDraft(caller, code, form), NO_STORE);
});

/** DELETE /drafts/{code} */
export const remove = httpHandler(async (event) => {
  await cases().deleteDraft(await authenticate(event), codeOf(event));
  return { statusCode: 204, headers: NO_STORE };
});
