import { config } from '../platform/config';
import { clientKey, takeFromWindow } from '../platform/rate-limit';

/** Search and suggestions are public: counted per source address (a hash, not the address) and minute. */
export const takeSearchRequest = (sourceIp: string | undefined) =>
  takeFromWindow('catalog-search', clientKey(sourceIp ?? 'unknown'), config().catalogSearchPerMinute);
