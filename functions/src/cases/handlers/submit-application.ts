import { authenticate } from '../../auth/caller';
import { header, httpHandler, json, readJsonBody, NO_STORE } from '../../platform/http';
import { submissionService } from '../submission-wiring';

/** POST /cases: one case per idempotency key, however often the phone retries. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const result = await submissionService().submit(caller, header(event, 'idempotency-key'), readJsonBody(event));
  return json(result.created ? 201 : 200, result.case, {
    ...NO_STORE,
    ...(result.created ? {} : { 'Idempotent-Replayed': 'true' }),
  });
});
