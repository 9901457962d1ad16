import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Message, PushStatus, SubscriptionKind, TemplateKey } from '@ah-tourism/shared';
import { profileKey } from '../auth/keys';
import type { UserRecord } from '../auth/store';
import { config } from '../platform/config';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { MESSAGE_PREFIX, SUBSCRIPTION_PREFIX, inboxKey, messageKey, subscriptionKey } from './keys';
import { PUSH_WATCH_AFTER_MS, pushWatch, watchKeys, type PushContent } from './push-watch';

const USER_PREFIX = 'USER#';
const PROFILE_SK = profileKey('').sk;

/** Messages stay in the centre for a year. */
const MESSAGE_TTL_SECONDS = 365 * 86400;
/** A push attempt holds the message this long; a crashed attempt is retried after it. */
const LEASE_MS = 30_000;

export interface StoredMessage {
  message: Message;
  userId: string;
  pushStatus: PushStatus;
  grantConsumed?: boolean;
  /** While the push is pending: what it sends, and the attempts that failed transiently so far. */
  pushContent?: PushContent;
  pushAttempts?: number;
  leaseUntil?: number;
}

export interface SubscriptionRecord {
  templateKey: TemplateKey;
  templateId: string;
  kind: SubscriptionKind;
  remaining: number;
  active: boolean;
  lastResult: string;
  updatedAt: string;
}

const cancellationCodes = (error: unknown): string[] =>
  error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None') : [];
const conditionFailed = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException' || cancellationCodes(error).includes('ConditionalCheckFailed');
/** Another transaction held one of the items (DynamoDB cancels rather than waits); running it again is safe. */
const conflicted = (error: unknown) => {
  const codes = cancellationCodes(error);
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
};
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A recipient as the dispatcher needs them: the profile (for the openid) and the subscription to the push's template. */
export interface Recipient {
  user?: UserRecord;
  subscription?: SubscriptionRecord;
}

/** What creating a message did. */
export type CreatedMessage =
  | { outcome: 'created'; stored: StoredMessage }
  /** This event put the message there before (the stream delivered it again): nothing written. */
  | { outcome: 'exists'; stored: StoredMessage }
  /** The grant the push was to spend was gone by the time of the write: nothing written. */
  | { outcome: 'no_grant' };

export interface FinishOptions {
  msgid?: string;
  errcode?: number;
  /** 43101: the person refused; their subscription to this template is dropped in the same transaction. */
  dropSubscription?: TemplateKey;
  /** WeChat did not use the person's grant (45009): the grant this message spent goes back, in the same transaction. */
  refundGrant?: TemplateKey;
  /** The last attempt failed transiently too: the push is given up, and why is kept on the message. */
  gaveUp?: { attempts: number; reason: string };
}

/** Storage of the message centre and its pushes; by default on the function's own client and table. */
export function notificationStore(db: DynamoDBDocumentClient = dynamo(), TableName: string = config().tableName, sleep: (ms: number) => Promise<void> = pause) {
  /** A transaction run again (up to 3 times, with jitter) when it lost a conflict on one of its items. */
  async function transact(items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (!conflicted(error) || attempt >= 3) throw error;
        await sleep(20 * 2 ** attempt + Math.floor(Math.random() * 20));
      }
    }
  }

  /** The final state: off the watch list, lease released, and a give-up recorded with its reason. */
  const finishUpdate = (userId: string, messageId: string, status: PushStatus, extra: FinishOptions) => ({
    TableName,
    Key: messageKey(userId, messageId),
    UpdateExpression: `SET pushStatus = :status, message.push = :status, pushedAt = :now, pushMsgid = :msgid, pushErrcode = :errcode${extra.gaveUp ? ', pushGaveUpAt = :now, pushAttempts = :attempts, pushLastError = :reason' : ''} REMOVE leaseUntil, gsi2pk, gsi2sk`,
    ExpressionAttributeValues: { ':status': status, ':now': new Date().toISOString(), ':msgid': extra.msgid ?? null, ':errcode': extra.errcode ?? null, ...(extra.gaveUp ? { ':attempts': extra.gaveUp.attempts, ':reason': extra.gaveUp.reason.slice(0, 200) } : {}) } as Record<string, unknown>,
  });

  return {
    ...pushWatch(db, TableName),

    /**
     * Everything the dispatcher reads about the recipients of one event, in one BatchGetItem: each
     * profile and, for a push, each subscription to its template. Strongly consistent, so a grant
     * given a moment ago counts, as it would for a conditional write.
     */
    async recipients(userIds: string[], templateKey?: TemplateKey): Promise<Map<string, Recipient>> {
      const found = new Map<string, Recipient>(userIds.map((id) => [id, {}]));
      const wanted = userIds.flatMap((id) => [profileKey(id), ...(templateKey ? [subscriptionKey(id, templateKey)] : [])]);
      for (let i = 0; i < wanted.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = wanted.slice(i, i + 100);
        while (keys?.length) {
          const result: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } } }));
          for (const item of result.Responses?.[TableName] ?? []) {
            const entry = found.get(String(item.pk).slice(USER_PREFIX.length));
            if (!entry) continue;
            if (item.sk === PROFILE_SK) entry.user = item.user as UserRecord;
            else entry.subscription = item as SubscriptionRecord;
          }
          keys = result.UnprocessedKeys?.[TableName]?.Keys;
        }
      }
      return found;
    },

    /**
     * One transaction: the message into the centre, the unread counter up and, when the push spends a
     * one-time grant (`spendGrant`), the grant spent and marked on the message. A message whose push is
     * 'pending' is created holding the push lease. If this event already put the message there,
     * nothing is written and what is stored is returned.
     */
    async createMessage(userId: string, message: Message, spendGrant?: TemplateKey, pushContent?: PushContent): Promise<CreatedMessage> {
      const key = messageKey(userId, message.messageId);
      const pending = message.push === 'pending';
      const stored: StoredMessage = { message, userId, pushStatus: message.push, ...(spendGrant ? { grantConsumed: true } : {}), ...(pending && pushContent ? { pushContent } : {}) };
      try {
        await transact([
          {
            Put: {
              TableName,
              Item: {
                ...key,
                entity: 'Message',
                ...stored,
                // A pending push holds its lease, and is watched in case its attempt never finishes.
                ...(pending ? { leaseUntil: Date.now() + LEASE_MS, ...watchKeys(userId, message.messageId, new Date(Date.now() + PUSH_WATCH_AFTER_MS)) } : {}),
                expiresAt: Math.floor(Date.now() / 1000) + MESSAGE_TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Update: { TableName, Key: inboxKey(userId), UpdateExpression: 'ADD unread :one', ExpressionAttributeValues: { ':one': 1 } } },
          ...(spendGrant
            ? [
                {
                  Update: {
                    TableName,
                    Key: subscriptionKey(userId, spendGrant),
                    UpdateExpression: 'SET remaining = remaining - :one',
                    ConditionExpression: 'remaining > :zero',
                    ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
                  },
                },
              ]
            : []),
        ]);
        return { outcome: 'created', stored };
      } catch (error) {
        const [messageCode, , grantCode] = cancellationCodes(error);
        if (messageCode === 'ConditionalCheckFailed') {
          const { Item } = await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
          return { outcome: 'exists', stored: Item as unknown as StoredMessage };
        }
        if (spendGrant && grantCode === 'ConditionalCheckFailed') return { outcome: 'no_grant' };
        throw error;
      }
    },

    async message(userId: string, messageId: string): Promise<StoredMessage | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName, Key: messageKey(userId, messageId), ConsistentRead: true }));
      return Item as StoredMessage | undefined;
    },

    /** Takes the push of one message for LEASE_MS; false when another attempt holds it or it is done. */
    async leasePush(userId: string, messageId: string): Promise<boolean> {
      const now = Date.now();
      try {
        await db.send(
          new UpdateCommand({
            TableName,
            Key: messageKey(userId, messageId),
            UpdateExpression: 'SET leaseUntil = :until',
            ConditionExpression: 'pushStatus = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
            ExpressionAttributeValues: { ':until': now + LEASE_MS, ':now': now, ':pending': 'pending' },
          }),
        );
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    async releasePush(userId: string, messageId: string): Promise<void> {
      await db.send(new UpdateCommand({ TableName, Key: messageKey(userId, messageId), UpdateExpression: 'REMOVE leaseUntil' }));
    },

    /**
     * The push's final state, releasing its lease: one UpdateItem, or one transaction that also drops
     * the subscription (43101) or gives back the grant this message spent (45009).
     */
    async finishPush(userId: string, messageId: string, status: PushStatus, extra: FinishOptions = {}): Promise<void> {
      const finish = finishUpdate(userId, messageId, status, extra);
      try {
        if (extra.dropSubscription) {
          await transact([
            { Update: finish },
            {
              Update: {
                TableName,
                Key: subscriptionKey(userId, extra.dropSubscription),
                UpdateExpression: 'SET remaining = :zero, active = :false, lastResult = :refused, updatedAt = :now',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':zero': 0, ':false': false, ':refused': 'refused_by_wechat', ':now': new Date().toISOString() },
              },
            },
          ]);
          return;
        }
        if (extra.refundGrant) {
          await transact([
            {
              Update: {
                ...finish,
                UpdateExpression: `${finish.UpdateExpression}, grantConsumed`,
                ConditionExpression: 'grantConsumed = :true',
                ExpressionAttributeValues: { ...finish.ExpressionAttributeValues, ':true': true },
              },
            },
            {
              Update: {
                TableName,
                Key: subscriptionKey(userId, extra.refundGrant),
                UpdateExpression: 'ADD remaining :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ]);
          return;
        }
      } catch (error) {
        // No subscription to drop, or no grant spent by this message to give back: the status alone.
        if (!conditionFailed(error)) throw error;
      }
      await db.send(new UpdateCommand(finish));
    },

    /**
     * Spends one 'once' grant for a message already in the centre that holds none (one created before
     * grants were spent in the message's own transaction), exactly once however often it is retried.
     * False when there is no grant left.
     */
    async consumeGrant(userId: string, templateKey: TemplateKey, messageId: string): Promise<boolean> {
      try {
        await transact([
          {
            Update: {
              TableName,
              Key: subscriptionKey(userId, templateKey),
              UpdateExpression: 'SET remaining = remaining - :one',
              ConditionExpression: 'remaining > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          {
            Update: {
              TableName,
              Key: messageKey(userId, messageId),
              UpdateExpression: 'SET grantConsumed = :true',
              ConditionExpression: 'attribute_not_exists(grantConsumed)',
              ExpressionAttributeValues: { ':true': true },
            },
          },
        ]);
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    async subscription(userId: string, templateKey: TemplateKey): Promise<SubscriptionRecord | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName, Key: subscriptionKey(userId, templateKey), ConsistentRead: true }));
      return Item as SubscriptionRecord | undefined;
    },

    async subscriptions(userId: string): Promise<SubscriptionRecord[]> {
      const { Items } = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': SUBSCRIPTION_PREFIX },
        }),
      );
      return (Items ?? []) as SubscriptionRecord[];
    },

    /** One answer of wx.requestSubscribeMessage: 'accept' adds a send (once) or switches on (long). */
    async recordSubscription(userId: string, templateKey: TemplateKey, templateId: string, kind: SubscriptionKind, result: string): Promise<void> {
      const now = new Date().toISOString();
      const accepted = result === 'accept';
      const names = { '#kind': 'kind' };
      const common = ':key, templateId = :id, #kind = :kind, lastResult = :result, updatedAt = :now';
      await db.send(
        new UpdateCommand({
          TableName,
          Key: subscriptionKey(userId, templateKey),
          ...(kind === 'once'
            ? {
                UpdateExpression: `SET templateKey = ${common}, active = :active ADD remaining :add`,
                ExpressionAttributeValues: { ':key': templateKey, ':id': templateId, ':kind': kind, ':result': result, ':now': now, ':add': accepted ? 1 : 0, ':active': accepted },
              }
            : {
                UpdateExpression: `SET templateKey = ${common}, active = :active, remaining = :zero`,
                ExpressionAttributeValues: { ':key': templateKey, ':id': templateId, ':kind': kind, ':result': result, ':now': now, ':active': accepted, ':zero': 0 },
              }),
          ExpressionAttributeNames: names,
        }),
      );
    },

    async listMessages(userId: string, limit: number, cursor: string | undefined) {
      const pk = `USER#${userId}`;
      const [page, inbox] = await Promise.all([
        db.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': pk, ':prefix': MESSAGE_PREFIX },
            ScanIndexForward: false,
            Limit: limit,
            ExclusiveStartKey: cursor ? decodeCursor(cursor, ['pk', 'sk'], { name: 'pk', value: pk }) : undefined,
          }),
        ),
        db.send(new GetCommand({ TableName, Key: inboxKey(userId) })),
      ]);
      return {
        items: (page.Items ?? []).map((item) => item.message as Message),
        nextCursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : null,
        unread: Math.max(0, Number(inbox.Item?.unread ?? 0)),
      };
    },

    /** Marks one message read (and the counter down) once; 'missing' when there is no such message. */
    async markRead(userId: string, messageId: string): Promise<'read' | 'already' | 'missing'> {
      const key = messageKey(userId, messageId);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName,
                  Key: key,
                  UpdateExpression: 'SET message.readAt = :now',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(message.readAt)',
                  ExpressionAttributeValues: { ':now': new Date().toISOString() },
                },
              },
              { Update: { TableName, Key: inboxKey(userId), UpdateExpression: 'ADD unread :minus', ExpressionAttributeValues: { ':minus': -1 } } },
            ],
          }),
        );
        return 'read';
      } catch (error) {
        if (!conditionFailed(error)) throw error;
        const { Item } = await db.send(new GetCommand({ TableName, Key: key }));
        return Item ? 'already' : 'missing';
      }
    },
  };
}

export type NotificationStore = ReturnType<typeof notificationStore>;
