import { catalog } from '../../catalog/wiring';
import { caseStore, currentGuide, lifecycleService, materialFiles } from '../wiring';
import { walletOf } from '../../licences/wallet';
import { workingCalendarNow } from '../../platform/calendar';
import { authenticate } from '../../auth/caller';
import { config } from '../../platform/config';
import { header, httpHandler, json, readJsonBody, NO_STORE } from '../../platform/http';
import { dataKeys } from '../../platform/keys';
import { caseSubmission, type CaseSubmission } from '../submission';

let submission: CaseSubmission | undefined;
const service = () =>
  (submission ??= caseSubmission({
    cases: caseStore(),
    guide: currentGuide,
    regions: () => catalog().listRegions(),
    wallets: walletOf,
    files: materialFiles(),
    keys: dataKeys(),
    draftTtlDays: config().draftTtlDays,
    calendar: workingCalendarNow,
    lifecycle: lifecycleService,
  }));

/** POST /cases: one case per idempotency key, however often the phone retries. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const result = await service().submit(caller, header(event, 'idempotency-key'), readJsonBody(event));
  return json(result.created ? 201 : 200, result.case, {
    ...NO_STORE,
    ...(result.created ? {} : { 'Idempotent-Replayed': 'true' }),
  });
});
