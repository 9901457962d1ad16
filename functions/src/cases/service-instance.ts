import { dynamoCatalogStore } from '../catalog/store';
import { walletOf } from '../licences/wallet';
import { workingCalendarNow } from '../platform/calendar';
import { config } from '../platform/config';
import { dataKeys } from '../platform/keys';
import { defaultWorkbenchDeps, workbenchService, type WorkbenchService } from '../workbench/service';
import { caseService, type CaseService } from './service';
import { s3MaterialStorage } from './material-storage';
import { dynamoCaseStore } from './store';

let instance: CaseService | undefined;
let lifecycle: WorkbenchService | undefined;

/** The case service wired to DynamoDB, S3 and the data-key provider, kept for the container's life. */
export function cases(): CaseService {
  instance ??= caseService({
    cases: dynamoCaseStore(),
    catalog: dynamoCatalogStore(),
    files: s3MaterialStorage(),
    keys: dataKeys(),
    draftTtlDays: config().draftTtlDays,
    calendar: workingCalendarNow,
    wallets: walletOf,
    lifecycle: () => (lifecycle ??= workbenchService(defaultWorkbenchDeps())),
    tableName: config().tableName,
  });
  return instance;
}
