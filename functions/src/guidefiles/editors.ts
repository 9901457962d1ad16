import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { AppError } from '../platform/errors';

/**
 * The caller is staff with the list-editor permission (清单编制), as staff/service.ts's requireStaff checks
 * it; read straight from the user record so that the upload functions do not bundle the staff service
 * (invitations, sessions, idempotency), which would double their size.
 */
export async function requireListEditor(people: Pick<AuthStore, 'user'>, caller: Caller): Promise<void> {
  const user = await people.user(caller.userId);
  if (!user) throw new AppError('AUTH_TOKEN_INVALID');
  if (!user.staff?.permissions.includes('list_editor')) throw new AppError('AUTH_FORBIDDEN');
}
