import { answerConsultationRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { consultationIdOf } from '../request-paths';
import { consultations } from '../wiring';

/** POST /staff/consultations/{consultationId}/answer */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const consultationId = consultationIdOf(event);
  const request = parseJsonBody(event, answerConsultationRequestSchema);
  return json(200, await consultations().answer(caller, consultationId, request), NO_STORE);
});
