import { authService, type AuthService } from './service';

/* The sign-in service wired to DynamoDB, created on first use and kept for the container's life. */
let instance: AuthService | undefined;

export const auth = () => (instance ??= authService());
