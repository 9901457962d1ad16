import { complaintPathSchema, evaluationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, parseJsonBody, NO_STORE } from '../../platform/http';
import { evaluations } from '../wiring';

/** POST /complaints/{complaintNumber}/evaluation */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { complaintNumber } = parseInput(complaintPathSchema, event.pathParameters ?? {});
  const request = parseJsonBody(event, evaluationRequestSchema);
  return json(201, await evaluations().evaluate(caller, 'complaint', complaintNumber, request), NO_STORE);
});
