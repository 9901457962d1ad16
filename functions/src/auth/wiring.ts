import { portalSignIn } from './portal-sign-in';
import { authService, type AuthService } from './service';
import { authStore } from './store';

/* The sign-in service wired to DynamoDB, created on first use and kept for the container's life. */
let instance: AuthService | undefined;
let portalInstance: ReturnType<typeof portalSignIn> | undefined;

export const auth = () => (instance ??= authService());

/** Portal sign-in and linking (portal-sign-in.ts), on the same store. */
export const portal = () => (portalInstance ??= portalSignIn(auth(), authStore()));
