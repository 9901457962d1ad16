import { catalogService, type CatalogService } from './service';
import { dynamoCatalogStore } from './store';

let instance: CatalogService | undefined;

/** The service wired to DynamoDB, created on first use and kept for the container's life. */
export function catalog(): CatalogService {
  instance ??= catalogService(dynamoCatalogStore());
  return instance;
}
