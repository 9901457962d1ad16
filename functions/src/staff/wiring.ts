import { staffService } from './service';

/* The staff service wired to DynamoDB, created on first use and kept for the container's life. */
let instance: ReturnType<typeof staffService> | undefined;

export const staff = () => (instance ??= staffService());
