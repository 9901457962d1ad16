import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { AppError } from '../platform/errors';
import { currentUser } from '../staff/service';

/** Who looks at rectification tasks and statistics: staff of an organisation, or a provincial administrator (who decides appeals). */
export interface Viewer {
  displayName: string;
  /** The viewer's own organisation (none for a provincial admin without a staff binding). */
  organisationCode?: string;
  staffId?: string;
  /** Provincial staff and provincial admins see every organisation, read-only. */
  province: boolean;
  admin: boolean;
}

export async function viewerOf(people: AuthStore, caller: Caller): Promise<Viewer> {
  const user = await currentUser(people, caller);
  if (!user.staff && !user.provincialAdmin) throw new AppError('AUTH_FORBIDDEN');
  return {
    displayName: user.displayName,
    ...(user.staff ? { organisationCode: user.staff.organisationCode, staffId: user.staff.staffId } : {}),
    province: !!user.provincialAdmin || user.staff?.level === 'province',
    admin: !!user.provincialAdmin,
  };
}
