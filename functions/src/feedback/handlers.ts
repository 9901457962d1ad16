import {
  complaintPathSchema,
  evaluationRequestSchema,
  feedbackStatsQuerySchema,
  rectificationActionSchema,
  rectificationListQuerySchema,
  subjectPathSchema,
} from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { httpHandler, json, parseInput, parseJsonBody, NO_STORE, type HttpEvent } from '../platform/http';
import { defaultFeedbackDeps, feedbackService, type FeedbackService } from './evaluations';

let instance: FeedbackService | undefined;
const feedback = () => (instance ??= feedbackService(defaultFeedbackDeps()));
const subjectIdOf = (event: HttpEvent) => parseInput(subjectPathSchema, event.pathParameters ?? {}).subjectId;

/** POST /cases/{caseNumber}/evaluation */
export const evaluateCase = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, evaluationRequestSchema);
  return json(201, await feedback().evaluate(caller, 'case', event.pathParameters?.caseNumber ?? '', request), NO_STORE);
});

/** POST /complaints/{complaintNumber}/evaluation */
export const evaluateComplaint = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { complaintNumber } = parseInput(complaintPathSchema, event.pathParameters ?? {});
  const request = parseJsonBody(event, evaluationRequestSchema);
  return json(201, await feedback().evaluate(caller, 'complaint', complaintNumber, request), NO_STORE);
});

/** GET /staff/rectifications */
export const listRectifications = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(rectificationListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await feedback().list(caller, query), NO_STORE);
});

/** GET /staff/rectifications/{subjectId} */
export const getRectification = httpHandler(async (event) => {
  const caller = await authenticate(event);
  return json(200, await feedback().detail(caller, subjectIdOf(event)), NO_STORE);
});

/** POST /staff/rectifications/{subjectId}/actions */
export const actOnRectification = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const action = parseJsonBody(event, rectificationActionSchema);
  return json(200, await feedback().act(caller, subjectIdOf(event), action), NO_STORE);
});

/** GET /staff/feedback/stats */
export const stats = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(feedbackStatsQuerySchema, event.queryStringParameters ?? {});
  return json(200, await feedback().stats(caller, query), NO_STORE);
});
