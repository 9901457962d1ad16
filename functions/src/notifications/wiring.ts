import { inboxService } from './service';

/* The message centre wired to DynamoDB, created on first use and kept for the container's life. */
let instance: ReturnType<typeof inboxService> | undefined;

export const inbox = () => (instance ??= inboxService());
