import { complaintActionRequestSchema, complaintListQuerySchema, complaintPathSchema, complaintRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { AppError } from '../platform/errors';
import { httpHandler, json, parseInput, parseJsonBody, NO_STORE, type HttpEvent } from '../platform/http';
import { complaintService, defaultComplaintDeps, type ComplaintService } from './complaints';

let instance: ComplaintService | undefined;
const complaints = () => (instance ??= complaintService(defaultComplaintDeps()));
/** A number that cannot exist is not found, like one that does not. */
function complaintNumberOf(event: HttpEvent): string {
  const parsed = complaintPathSchema.safeParse(event.pathParameters ?? {});
  if (!parsed.success) throw new AppError('COMPLAINT_NOT_FOUND');
  return parsed.data.complaintNumber;
}

/** POST /complaints */
export const submit = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, complaintRequestSchema);
  return json(201, await complaints().submit(caller, request), NO_STORE);
});

/** GET /me/complaints */
export const listMine = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(complaintListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await complaints().listMine(caller, query), NO_STORE);
});

/** GET /complaints/{complaintNumber} */
export const getMine = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await complaints().getMine(caller, complaintNumberOf(event)), NO_STORE);
});

/** GET /staff/complaints */
export const listForStaff = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(complaintListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await complaints().listForStaff(caller, query), NO_STORE);
});

/** GET /staff/complaints/{complaintNumber} */
export const getForStaff = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await complaints().getForStaff(caller, complaintNumberOf(event)), NO_STORE);
});

/** POST /staff/complaints/{complaintNumber}/actions */
export const act = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const complaintNumber = complaintNumberOf(event);
  const request = parseJsonBody(event, complaintActionRequestSchema);
  return json(200, await complaints().act(caller, complaintNumber, request), NO_STORE);
});
