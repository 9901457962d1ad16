import { dynamoCatalogStore } from '../catalog/store';
import { config } from '../platform/config';
import { dataKeys } from '../platform/keys';
import { caseService, type CaseService } from './service';
import { s3MaterialStorage } from './material-storage';
import { dynamoCaseStore } from './store';

let instance: CaseService | undefined;

/** The case service wired to DynamoDB, S3 and the data-key provider, kept for the container's life. */
export function cases(): CaseService {
  instance ??= caseService({
    cases: dynamoCaseStore(),
    catalog: dynamoCatalogStore(),
    files: s3MaterialStorage(),
    keys: dataKeys(),
    draftTtlDays: config().draftTtlDays,
  });
  return instance;
}
