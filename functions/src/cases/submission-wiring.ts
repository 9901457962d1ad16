import { catalog } from '../catalog/wiring';
import { walletOf } from '../licences/wallet';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { dataKeys } from '../platform/keys';
import { caseSubmission, type CaseSubmission } from './submission';
import { caseStore, currentGuide, lifecycleService, materialFiles } from './wiring';

/*
 * Submission wired to DynamoDB, S3 and the licence wallets: the phone's POST /cases and the hall
 * window's intake submit through the same one. Apart from wiring.ts, so functions that never submit
 * do not load the wallet.
 */
let submission: CaseSubmission | undefined;

export const submissionService = (): CaseSubmission =>
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
