import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, Preferences, StaffMembership, StaffPermission, StaffStatus } from '@ah-tourism/shared';
import { config } from '../platform/config';
import type { Sealed } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { claimOutcome } from '../platform/idempotency';
import { STAFF_PREFIX, inviteKey, openidKey, portalKey, organisationKey, organisationPartition, profileKey, sessionKey, staffKey } from './keys';

export interface UserRecord {
  userId: string;
  displayName: string;
  /** The WeChat openid; absent for an account made by portal sign-in until WeChat is linked. */
  openid?: string;
  createdAt: string;
  provincialAdmin?: boolean;
  staff?: StaffMembership;
  /** The verified person of the provincial portal linked to this account (portal-sign-in.ts). */
  portal?: PortalLink;
  /** Display preferences (长辈版, language) as last saved; absent until the person first changes one. */
  preferences?: Partial<Preferences>;
  /** Counts preference saves: each save is conditional on the count it read, so two at once never lose one. */
  preferencesVersion?: number;
}

/** A verified identity from the unified identity service: name and ID number sealed, masks and a keyed hash beside. */
export interface PortalLink {
  sub: string;
  linkedAt: string;
  nameMasked: string;
  idNumberMasked: string;
  /** Keyed hash (HMAC) of the ID number, for finding cases filed for this person without reading plain text. */
  idNumberHash: string;
  /** { name, idNumber, certType, mobile? }, sealed with a data key. */
  sealed: Sealed;
}

export interface SessionRecord {
  sessionId: string;
  userId: string;
  secretHash: string;
  /** The token this one replaced: presenting it again means the token was stolen or replayed. */
  previousHash?: string;
  dev?: boolean;
  createdAt: string;
  expiresAt: number;
}

export interface StaffRecord {
  staffId: string;
  organisationCode: string;
  name: string;
  permissions: StaffPermission[];
  status: StaffStatus;
  invitedAt: string;
  invitedBy: string;
  inviteCodeHash?: string;
  invitationExpiresAt?: string;
  userId?: string;
  boundAt?: string;
  revokedAt?: string;
  /** Bootstrap invitations (scripts/admin/invite.ts) can make the bound account a provincial admin. */
  grantsProvincialAdmin?: boolean;
}

export interface InviteRecord {
  organisationCode: string;
  staffId: string;
  expiresAtIso: string;
  usedAt?: string;
}

export type BindOutcome = 'bound' | 'invite_used' | 'already_staff' | 'conflict';

const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
const cancelled = (error: unknown) => (error instanceof TransactionCanceledException ? error.CancellationReasons ?? [] : undefined);

export function authStore() {
  const db = dynamo();
  const { tableName: TableName } = config();
  const get = async (Key: Record<string, string>, consistent = false) =>
    (await db.send(new GetCommand({ TableName, Key, ConsistentRead: consistent }))).Item;

  return {
    async userByOpenid(openid: string): Promise<UserRecord | undefined> {
      const link = await get(openidKey(openid), true);
      return link ? this.user(link.userId as string) : undefined;
    },

    async user(userId: string): Promise<UserRecord | undefined> {
      return (await get(profileKey(userId), true))?.user as UserRecord | undefined;
    },

    async userByPortalSub(sub: string): Promise<UserRecord | undefined> {
      const link = await get(portalKey(sub), true);
      return link ? this.user(link.userId as string) : undefined;
    },

    /**
     * Creates the account and its sign-in link (openid, or portal subject) together; false when that
     * openid or subject already has one.
     */
    async createUser(user: UserRecord): Promise<boolean> {
      const link = user.openid ? { ...openidKey(user.openid), entity: 'OpenidLink' } : { ...portalKey(user.portal!.sub), entity: 'PortalLink' };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName, Item: { ...link, userId: user.userId }, ConditionExpression: 'attribute_not_exists(pk)' } },
              { Put: { TableName, Item: { ...profileKey(user.userId), entity: 'User', user }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (cancelled(error)?.[0]?.Code === 'ConditionalCheckFailed') return false;
        throw error;
      }
    },

    /**
     * Adds a sign-in link to an existing account: the link record (unique) and the account's field, in
     * one transaction. 'taken': the openid or subject belongs to an account already; 'occupied': this
     * account already has one of that kind.
     */
    async addLink(userId: string, link: { kind: 'openid'; openid: string } | { kind: 'portal'; portal: PortalLink }): Promise<'linked' | 'taken' | 'occupied'> {
      const [key, entity, field, value] =
        link.kind === 'openid' ? [openidKey(link.openid), 'OpenidLink', 'openid', link.openid] : [portalKey(link.portal.sub), 'PortalLink', 'portal', link.portal];
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName, Item: { ...key, entity, userId }, ConditionExpression: 'attribute_not_exists(pk)' } },
              {
                Update: {
                  TableName,
                  Key: profileKey(userId),
                  UpdateExpression: 'SET #user.#field = :value',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#user.#field)',
                  ExpressionAttributeNames: { '#user': 'user', '#field': field },
                  ExpressionAttributeValues: { ':value': value },
                },
              },
            ],
          }),
        );
        return 'linked';
      } catch (error) {
        const reasons = cancelled(error);
        if (!reasons) throw error;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'taken';
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'occupied';
        throw error;
      }
    },

    /**
     * Saves the account's preferences if nobody saved them since `expectedVersion` was read (0: never
     * saved); false when someone did (the caller reads again and reapplies its change).
     */
    async savePreferences(userId: string, preferences: Preferences, expectedVersion: number): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName,
            Key: profileKey(userId),
            UpdateExpression: 'SET #user.preferences = :preferences, #user.preferencesVersion = :next',
            ConditionExpression:
              expectedVersion === 0
                ? 'attribute_exists(pk) AND attribute_not_exists(#user.preferencesVersion)'
                : 'attribute_exists(pk) AND #user.preferencesVersion = :expected',
            ExpressionAttributeNames: { '#user': 'user' },
            ExpressionAttributeValues: { ':preferences': preferences, ':next': expectedVersion + 1, ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }) },
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async organisation(organisationCode: string): Promise<Organisation | undefined> {
      return (await get(organisationKey(organisationCode)))?.organisation as Organisation | undefined;
    },

    async putSession(session: SessionRecord): Promise<void> {
      await db.send(new PutCommand({ TableName, Item: { ...sessionKey(session.sessionId), entity: 'Session', ...session }, ConditionExpression: 'attribute_not_exists(pk)' }));
    },

    async session(sessionId: string): Promise<SessionRecord | undefined> {
      const item = await get(sessionKey(sessionId), true);
      return item ? (item as unknown as SessionRecord) : undefined;
    },

    /** Swaps the current refresh token for the next one, only if nobody else swapped it first. */
    async rotateSession(sessionId: string, expectedHash: string, nextHash: string, expiresAt: number): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName,
            Key: sessionKey(sessionId),
            UpdateExpression: 'SET secretHash = :next, previousHash = :expected, expiresAt = :exp',
            ConditionExpression: 'secretHash = :expected',
            ExpressionAttributeValues: { ':next': nextHash, ':expected': expectedHash, ':exp': expiresAt },
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async deleteSession(sessionId: string): Promise<void> {
      await db.send(new UpdateCommand({
        TableName,
        Key: sessionKey(sessionId),
        UpdateExpression: 'REMOVE secretHash, previousHash SET revoked = :true',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':true': true },
      })).catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
    },

    async listStaff(organisationCode: string): Promise<StaffRecord[]> {
      const out: StaffRecord[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :staff)',
            ExpressionAttributeValues: { ':pk': organisationPartition(organisationCode), ':staff': STAFF_PREFIX },
            ExclusiveStartKey,
          }),
        );
        out.push(...(page.Items ?? []).map((item) => item.staff as StaffRecord));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return out;
    },

    async staff(organisationCode: string, staffId: string): Promise<StaffRecord | undefined> {
      return (await get(staffKey(organisationCode, staffId), true))?.staff as StaffRecord | undefined;
    },

    /**
     * The invited staff member and their single-use code, written together (with the claim of the
     * request's idempotency key, when there is one: `key_taken` or `conflict` from the claim).
     */
    async createInvitation(staff: StaffRecord, codeHash: string, claim?: object): Promise<'created' | 'key_taken' | 'conflict'> {
      const invite: InviteRecord = { organisationCode: staff.organisationCode, staffId: staff.staffId, expiresAtIso: staff.invitationExpiresAt! };
      const items = [
        { Put: { TableName, Item: { ...staffKey(staff.organisationCode, staff.staffId), entity: 'Staff', staff }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName,
            // Kept a week past expiry so a late attempt hears "expired", not "unknown".
            Item: { ...inviteKey(codeHash), entity: 'Invite', invite, expiresAt: epoch(invite.expiresAtIso) + 7 * 86400 },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...(claim ? [claim] : []),
      ];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items as never }));
        return 'created';
      } catch (error) {
        const outcome = claim ? claimOutcome(error, items.length - 1) : undefined;
        if (outcome) return outcome;
        throw error;
      }
    },

    async invite(codeHash: string): Promise<InviteRecord | undefined> {
      return (await get(inviteKey(codeHash), true))?.invite as InviteRecord | undefined;
    },

    /**
     * Redeems an invitation in one transaction: the code is marked used (once), the staff member
     * becomes active with this account, and the account gets the staff binding.
     */
    async bind(codeHash: string, staff: StaffRecord, user: UserRecord, membership: StaffMembership, now: string): Promise<BindOutcome> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName,
                  Key: inviteKey(codeHash),
                  UpdateExpression: 'SET invite.usedAt = :now, invite.usedBy = :user',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(invite.usedAt)',
                  ExpressionAttributeValues: { ':now': now, ':user': user.userId },
                },
              },
              {
                Update: {
                  TableName,
                  Key: staffKey(staff.organisationCode, staff.staffId),
                  UpdateExpression: 'SET staff.#status = :active, staff.userId = :user, staff.boundAt = :now REMOVE staff.inviteCodeHash',
                  ConditionExpression: 'staff.#status = :invited',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':active': 'active', ':invited': 'invited', ':user': user.userId, ':now': now },
                },
              },
              {
                Update: {
                  TableName,
                  Key: profileKey(user.userId),
                  UpdateExpression: staff.grantsProvincialAdmin ? 'SET #user.staff = :membership, #user.provincialAdmin = :true' : 'SET #user.staff = :membership',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#user.staff)',
                  ExpressionAttributeNames: { '#user': 'user' },
                  ExpressionAttributeValues: { ':membership': membership, ...(staff.grantsProvincialAdmin ? { ':true': true } : {}) },
                },
              },
            ],
          }),
        );
        return 'bound';
      } catch (error) {
        const reasons = cancelled(error);
        if (!reasons) throw error;
        if (reasons[0]?.Code === 'ConditionalCheckFailed' || reasons[1]?.Code === 'ConditionalCheckFailed') return 'invite_used';
        if (reasons[2]?.Code === 'ConditionalCheckFailed') return 'already_staff';
        return 'conflict';
      }
    },

    /** Revokes a staff member: their account loses the binding and an unused code stops working. */
    async revoke(staff: StaffRecord, now: string): Promise<boolean> {
      const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
        {
          Update: {
            TableName,
            Key: staffKey(staff.organisationCode, staff.staffId),
            UpdateExpression: 'SET staff.#status = :revoked, staff.revokedAt = :now',
            ConditionExpression: 'staff.#status <> :revoked',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':revoked': 'revoked', ':now': now },
          },
        },
      ];
      if (staff.userId) {
        items.push({
          Update: {
            TableName,
            Key: profileKey(staff.userId),
            UpdateExpression: 'REMOVE #user.staff',
            ConditionExpression: '#user.staff.staffId = :staffId',
            ExpressionAttributeNames: { '#user': 'user' },
            ExpressionAttributeValues: { ':staffId': staff.staffId },
          },
        });
      }
      if (staff.inviteCodeHash) items.push({ Delete: { TableName, Key: inviteKey(staff.inviteCodeHash) } });
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        if (cancelled(error)) return false;
        throw error;
      }
    },
  };
}

export type AuthStore = ReturnType<typeof authStore>;
