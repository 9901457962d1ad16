import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Message, PushStatus, SubscriptionKind, TemplateKey } from '@ah-tourism/shared';
import { profileKey } from '../auth/keys';
import type { UserRecord } from '../auth/store';
import { config } from '../platform/config';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { MESSAGE_PREFIX, SUBSCRIPTION_PREFIX, inboxKey, messageKey, subscriptionKey } from './keys';

/** Messages stay in the centre for a year. */
const MESSAGE_TTL_SECONDS = 365 * 86400;
/** A push attempt holds the message this long; a crashed attempt is retried after it. */
const LEASE_MS = 30_000;

export interface StoredMessage {
  message: Message;
  userId: string;
  pushStatus: PushStatus;
  grantConsumed?: boolean;
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

const conditionFailed = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException' ||
  (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

export function notificationStore() {
  const db = dynamo();
  const { tableName: TableName } = config();

  return {
    /**
     * Puts the message in the centre (and counts it unread) unless this event already put it there;
     * either way returns what is stored now.
     */
    async ensureMessage(userId: string, message: Message): Promise<StoredMessage & { leased: boolean }> {
      const key = messageKey(userId, message.messageId);
      // A new message with a push to make is created already holding the push lease (one write less).
      const leased = message.push === 'pending';
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName,
                  Item: {
                    ...key,
                    entity: 'Message',
                    message,
                    userId,
                    pushStatus: message.push,
                    ...(leased ? { leaseUntil: Date.now() + LEASE_MS } : {}),
                    expiresAt: Math.floor(Date.now() / 1000) + MESSAGE_TTL_SECONDS,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Update: { TableName, Key: inboxKey(userId), UpdateExpression: 'ADD unread :one', ExpressionAttributeValues: { ':one': 1 } } },
            ],
          }),
        );
        return { message, userId, pushStatus: message.push, leased };
      } catch (error) {
        if (!conditionFailed(error)) throw error;
        const { Item } = await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
        return { ...(Item as unknown as StoredMessage), leased: false };
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

    async finishPush(userId: string, messageId: string, status: PushStatus, extra: { msgid?: string; errcode?: number } = {}): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName,
          Key: messageKey(userId, messageId),
          UpdateExpression: 'SET pushStatus = :status, message.push = :status, pushedAt = :now, pushMsgid = :msgid, pushErrcode = :errcode REMOVE leaseUntil',
          ExpressionAttributeValues: { ':status': status, ':now': new Date().toISOString(), ':msgid': extra.msgid ?? null, ':errcode': extra.errcode ?? null },
        }),
      );
    },

    /**
     * Spends one 'once' grant for this message, exactly once however often the message is retried.
     * False when there is no grant left.
     */
    async consumeGrant(userId: string, templateKey: TemplateKey, messageId: string): Promise<boolean> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
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
            ],
          }),
        );
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    /** WeChat says the user refused (43101): the grant is gone. */
    async dropSubscription(userId: string, templateKey: TemplateKey): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName,
          Key: subscriptionKey(userId, templateKey),
          UpdateExpression: 'SET remaining = :zero, active = :false, lastResult = :refused, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':zero': 0, ':false': false, ':refused': 'refused_by_wechat', ':now': new Date().toISOString() },
        }),
      ).catch((error: unknown) => {
        if (!conditionFailed(error)) throw error;
      });
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

    async users(userIds: string[]): Promise<Map<string, UserRecord>> {
      const found = new Map<string, UserRecord>();
      for (let i = 0; i < userIds.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = userIds.slice(i, i + 100).map((id) => profileKey(id));
        while (keys?.length) {
          const result: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys } } }));
          for (const item of result.Responses?.[TableName] ?? []) found.set((item.user as UserRecord).userId, item.user as UserRecord);
          keys = result.UnprocessedKeys?.[TableName]?.Keys;
        }
      }
      return found;
    },
  };
}

export type NotificationStore = ReturnType<typeof notificationStore>;
