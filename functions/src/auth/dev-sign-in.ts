import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DevPersona } from '@ah-tourism/shared/src/auth/dev-api';
import type { Session, StaffMembership } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { PERSONAS, personaOpenid, personaUserId } from './dev-personas';
import { openidKey, profileKey, staffKey } from './keys';
import { membershipOf, type AuthService } from './service';
import { authStore, type AuthStore, type StaffRecord, type UserRecord } from './store';
import { auth } from './wiring';

/**
 * Developer sign-in as a seeded persona: local stage only. Only the two functions of stages/local.yml
 * import this module, so no function bundle of another stage carries it (the build test greps them).
 * It still answers 404 outside the local stage, checked before anything is read or written.
 */
function localOnly(): void {
  if (config().stage !== 'local') throw new AppError('COMMON_NOT_FOUND');
}

/** Written as the persona is defined, every time it signs in. */
async function putPersona(user: UserRecord, staff: StaffRecord | undefined): Promise<void> {
  const { tableName: TableName } = config();
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: { ...openidKey(user.openid!), entity: 'OpenidLink', userId: user.userId } } },
        { Put: { TableName, Item: { ...profileKey(user.userId), entity: 'User', user } } },
        ...(staff ? [{ Put: { TableName, Item: { ...staffKey(staff.organisationCode, staff.staffId), entity: 'Staff', staff } } }] : []),
      ],
    }),
  );
}

export function devSignInService(auth: AuthService, store: AuthStore) {
  return {
    listPersonas(): DevPersona[] {
      localOnly();
      return PERSONAS.map(({ personaId, label, description, group }) => ({ personaId, label, description, group }));
    },

    /** Sign in as a seeded persona (written on first use, kept as defined). */
    async signInAsPersona(personaId: string): Promise<Session> {
      localOnly();
      const persona = PERSONAS.find((p) => p.personaId === personaId);
      if (!persona) throw new AppError('COMMON_VALIDATION_FAILED', '没有这个开发身份', [{ path: 'personaId', message: '请从列表中选择开发身份' }]);
      const userId = personaUserId(personaId);
      let staff: StaffRecord | undefined;
      let membership: StaffMembership | undefined;
      if (persona.staff) {
        const organisation = await store.organisation(persona.staff.organisationCode);
        if (!organisation) throw new Error(`persona organisation ${persona.staff.organisationCode} is not seeded`);
        const at = '2026-01-01T00:00:00.000Z';
        staff = {
          staffId: `dev-${personaId}`,
          organisationCode: organisation.creditCode,
          name: persona.displayName,
          permissions: persona.staff.permissions,
          status: 'active',
          invitedAt: at,
          invitedBy: 'seed',
          userId,
          boundAt: at,
        };
        membership = membershipOf(staff, organisation);
      }
      const existing = await store.user(userId);
      const user: UserRecord = {
        userId,
        displayName: persona.displayName,
        openid: personaOpenid(personaId),
        createdAt: existing?.createdAt ?? new Date().toISOString(),
        ...(persona.provincialAdmin ? { provincialAdmin: true } : {}),
        ...(membership ? { staff: membership } : {}),
      };
      await putPersona(user, staff);
      return auth.startSession(user, true);
    },
  };
}

let instance: ReturnType<typeof devSignInService> | undefined;

/** Wired to the sign-in service and DynamoDB on first use, kept for the container's life. */
export const devSignIn = () => (instance ??= devSignInService(auth(), authStore()));
