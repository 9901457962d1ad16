import { observed } from '../../platform/invocation';
import { retryDuePushes } from '../push-retries';

/** Every minute (EventBridge in AWS, serverless offline's scheduler locally), at the current time. */
export const handler = observed(async (): Promise<{ due: number; sent: number }> => retryDuePushes(new Date()));
