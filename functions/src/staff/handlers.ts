import { bindStaffRequestSchema, createInvitationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { httpHandler, json, parseJsonBody, type HttpEvent, NO_STORE } from '../platform/http';
import { staffService } from './service';

let instance: ReturnType<typeof staffService> | undefined;
const staff = () => (instance ??= staffService());
const organisationOf = (event: HttpEvent) => event.pathParameters?.organisationCode ?? '';

/** POST /staff/bind */
export const bind = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { code } = parseJsonBody(event, bindStaffRequestSchema);
  return json(200, await staff().bind(caller, code), NO_STORE);
});

/** GET /organisations/{organisationCode}/staff */
export const list = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, { items: await staff().list(caller, organisationOf(event)) }, NO_STORE);
});

/** POST /organisations/{organisationCode}/invitations */
export const invite = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const input = parseJsonBody(event, createInvitationRequestSchema);
  return json(201, await staff().invite(caller, organisationOf(event), input), NO_STORE);
});

/** DELETE /organisations/{organisationCode}/staff/{staffId} */
export const revoke = httpHandler(async (event) => {
  const caller = await authenticate(event);
  await staff().revoke(caller, organisationOf(event), event.pathParameters?.staffId ?? '');
  return { statusCode: 204, headers: NO_STORE };
});
