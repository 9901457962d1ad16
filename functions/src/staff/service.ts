import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Session, StaffMember, StaffPermission } from '@ah-tourism/shared';
import { authService, membershipOf, sha256 } from '../auth/service';
import { authStore, type AuthStore, type StaffRecord, type UserRecord } from '../auth/store';
import type { Caller } from '../auth/tokens';
import { sealWithSecret, unsealWithSecret, type SecretSealed } from '../platform/crypto';
import { AppError } from '../platform/errors';
import { createOnce, type IdempotentRequest } from '../platform/idempotency';

export const INVITATION_TTL_HOURS = 72;
/** Crockford-style alphabet without 0/O/1/I/L, so a code read out over the phone is unambiguous. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newInvitationCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

function memberView(staff: StaffRecord): StaffMember {
  return {
    staffId: staff.staffId,
    name: staff.name,
    permissions: staff.permissions,
    status: staff.status,
    invitedAt: staff.invitedAt,
    ...(staff.status === 'invited' && staff.invitationExpiresAt ? { invitationExpiresAt: staff.invitationExpiresAt } : {}),
    ...(staff.boundAt ? { boundAt: staff.boundAt } : {}),
    ...(staff.revokedAt ? { revokedAt: staff.revokedAt } : {}),
  };
}

/**
 * The caller's current account, read from the table rather than trusted from the token, so a
 * revoked binding stops working at once.
 */
export async function currentUser(store: AuthStore, caller: Caller): Promise<UserRecord> {
  const user = await store.user(caller.userId);
  if (!user) throw new AppError('AUTH_TOKEN_INVALID');
  return user;
}

export type StaffUser = UserRecord & { staff: NonNullable<UserRecord['staff']> };

/** The caller as a staff member of some organisation, read from the table (a revoked binding stops working at once); anyone else is refused. */
export async function currentStaff(store: AuthStore, caller: Caller): Promise<StaffUser> {
  const user = await currentUser(store, caller);
  if (!user.staff) throw new AppError('AUTH_FORBIDDEN');
  return user as StaffUser;
}

/** Staff of that organisation with that permission (or, when allowed, a provincial admin). */
export async function requireStaff(
  store: AuthStore,
  caller: Caller,
  permission: StaffPermission,
  organisationCode?: string,
  options: { provincialAdmin?: boolean } = {},
): Promise<UserRecord> {
  const user = await currentUser(store, caller);
  if (options.provincialAdmin && user.provincialAdmin) return user;
  const staff = user.staff;
  if (!staff || !staff.permissions.includes(permission) || (organisationCode && staff.organisationCode !== organisationCode)) {
    throw new AppError('AUTH_FORBIDDEN');
  }
  return user;
}

export interface Invitation {
  staffId: string;
  code: string;
  expiresAt: string;
}

type InvitationInput = { organisationCode: string; name: string; permissions: StaffPermission[]; invitedBy: string; grantsProvincialAdmin?: boolean };

/** An invited staff member with a fresh single-use code (stored only as its hash). */
function newInvitation(input: InvitationInput): { staff: StaffRecord; code: string } {
  const code = newInvitationCode();
  const now = new Date();
  const staff: StaffRecord = {
    staffId: `st_${randomBytes(8).toString('hex')}`,
    organisationCode: input.organisationCode,
    name: input.name,
    permissions: [...new Set(input.permissions)],
    status: 'invited',
    invitedAt: now.toISOString(),
    invitedBy: input.invitedBy,
    inviteCodeHash: sha256(code),
    invitationExpiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3600_000).toISOString(),
    ...(input.grantsProvincialAdmin ? { grantsProvincialAdmin: true } : {}),
  };
  return { staff, code };
}

/** Writes an invited staff member with a fresh single-use code; the code is returned, never stored. */
export async function issueInvitation(store: AuthStore, input: InvitationInput): Promise<Invitation> {
  const { staff, code } = newInvitation(input);
  await store.createInvitation(staff, staff.inviteCodeHash!);
  return { staffId: staff.staffId, code, expiresAt: staff.invitationExpiresAt! };
}

/** What a retried invitation answers: the code sealed with the request's own key (see `invite`). */
type InvitationReplay = { staffId: string; expiresAt: string; code: SecretSealed };

export function staffService(store: AuthStore = authStore()) {
  const auth = authService(store);

  async function organisationOrFail(organisationCode: string) {
    const organisation = await store.organisation(organisationCode);
    if (!organisation) throw new AppError('ORGANISATION_NOT_FOUND');
    return organisation;
  }

  /** Organisation admins manage their own organisation; provincial admins manage every one. */
  async function requireAdmin(caller: Caller, organisationCode: string) {
    await requireStaff(store, caller, 'org_admin', organisationCode, { provincialAdmin: true });
    return organisationOrFail(organisationCode);
  }

  return {
    async list(caller: Caller, organisationCode: string): Promise<StaffMember[]> {
      await requireAdmin(caller, organisationCode);
      const staff = await store.listStaff(organisationCode);
      const order = { active: 0, invited: 1, revoked: 2 } as const;
      return staff.sort((a, b) => order[a.status] - order[b.status] || b.invitedAt.localeCompare(a.invitedAt)).map(memberView);
    },

    /**
     * Once per idempotency key: a retry gets the same staff member and the same code. The code must not be
     * readable from the table, so the key record is addressed by a hash of the key and holds the code
     * sealed with a key derived from the idempotency key itself, which only the inviting phone knows.
     */
    invite(caller: Caller, organisationCode: string, once: IdempotentRequest, input: { name: string; permissions: StaffPermission[] }): Promise<{ created: boolean; value: Invitation }> {
      const addressed = { ...once, key: createHash('sha256').update(once.key).digest('base64url') };
      return createOnce<Invitation, InvitationReplay>(addressed, {
        create: async (claim) => {
          await requireAdmin(caller, organisationCode);
          const { staff, code } = newInvitation({ organisationCode, ...input, invitedBy: caller.userId });
          const invitation = { staffId: staff.staffId, code, expiresAt: staff.invitationExpiresAt! };
          const outcome = await store.createInvitation(staff, staff.inviteCodeHash!, claim({ staffId: staff.staffId, expiresAt: invitation.expiresAt, code: sealWithSecret(once.key, code) }));
          return outcome === 'created' ? { created: invitation } : outcome;
        },
        replay: async (earlier) => ({ staffId: earlier.staffId, code: unsealWithSecret<string>(once.key, earlier.code), expiresAt: earlier.expiresAt }),
        // A code is of no use after its invitation expires.
        ttlSeconds: INVITATION_TTL_HOURS * 3600,
      });
    },

    async revoke(caller: Caller, organisationCode: string, staffId: string): Promise<void> {
      await requireAdmin(caller, organisationCode);
      const staff = await store.staff(organisationCode, staffId);
      if (!staff) throw new AppError('STAFF_NOT_FOUND');
      if (staff.status === 'revoked') return;
      if (!(await store.revoke(staff, new Date().toISOString()))) {
        // Changed under us (bound or revoked meanwhile): try once more with what is there now.
        const again = await store.staff(organisationCode, staffId);
        if (again && again.status !== 'revoked' && !(await store.revoke(again, new Date().toISOString()))) throw new AppError('COMMON_INTERNAL');
      }
    },

    /** A staff member redeems their invitation: this WeChat account becomes that staff member. */
    async bind(caller: Caller, code: string): Promise<Session> {
      const user = await currentUser(store, caller);
      if (user.staff) throw new AppError('STAFF_ALREADY_BOUND');
      const codeHash = sha256(code);
      const invite = await store.invite(codeHash);
      if (!invite) throw new AppError('STAFF_INVITE_INVALID');
      if (invite.usedAt) throw new AppError('STAFF_INVITE_USED');
      if (new Date(invite.expiresAtIso).getTime() < Date.now()) throw new AppError('STAFF_INVITE_EXPIRED');
      const staff = await store.staff(invite.organisationCode, invite.staffId);
      if (!staff || staff.status !== 'invited') throw new AppError('STAFF_INVITE_INVALID');
      const organisation = await organisationOrFail(invite.organisationCode);
      const membership = membershipOf(staff, organisation);
      const outcome = await store.bind(codeHash, staff, user, membership, new Date().toISOString());
      if (outcome === 'invite_used') throw new AppError('STAFF_INVITE_USED');
      if (outcome === 'already_staff') throw new AppError('STAFF_ALREADY_BOUND');
      if (outcome === 'conflict') throw new AppError('COMMON_INTERNAL');
      return auth.startSession({ ...user, staff: membership, ...(staff.grantsProvincialAdmin ? { provincialAdmin: true } : {}) }, false);
    },
  };
}
