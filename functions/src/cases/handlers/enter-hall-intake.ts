import { authenticate } from '../../auth/caller';
import { header, httpHandler, json, readJsonBody, NO_STORE } from '../../platform/http';
import { dataKeys } from '../../platform/keys';
import { hallIntake, staffOnly, type HallIntake } from '../hall-intake';
import { submissionService } from '../submission-wiring';
import { applicantViews, caseStore, currentGuide } from '../wiring';

let intake: HallIntake | undefined;
const service = () =>
  (intake ??= hallIntake({
    submission: submissionService(),
    staffOf: staffOnly,
    guide: currentGuide,
    keys: dataKeys(),
    view: (found, userId) => applicantViews().view(found, userId),
    getCase: (caseNumber) => caseStore().getCase(caseNumber),
  }));

/** POST /staff/intake: a walk-in application entered at the hall window, one case per idempotency key; answers the receipt (回执). */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const result = await service().enter(caller, header(event, 'idempotency-key'), readJsonBody(event));
  return json(result.created ? 201 : 200, result.receipt, {
    ...NO_STORE,
    ...(result.created ? {} : { 'Idempotent-Replayed': 'true' }),
  });
});
