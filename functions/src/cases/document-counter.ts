import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * Document numbers per organisation, kind and year: unique and gap-free, so a number is reserved by a
 * conditional update of the counter inside the step's own transaction. Steps of different cases that
 * reach for the same number at once are no conflict of theirs: the loser pauses, reads the counter again
 * and tries the next number, up to MAX_CONTENDED_ATTEMPTS times (BENCHMARKS, "Staff acting in parallel":
 * enough for 50 steps at once here, not for 100).
 */

/** How often a step is retried when only the document counter was contended (each retry reads it again). */
export const MAX_CONTENDED_ATTEMPTS = 20;
/** The pause before retry `attempt + 1`: random, so contenders spread out, and longer each time. */
export const contendedRetryDelayMs = (attempt: number) => Math.random() * 20 * (attempt + 1);

export const counterKey = (organisationCode: string, kind: string, year: number) => ({ pk: `ORG#${organisationCode}`, sk: `COUNTER#${kind}#${year}` });

/** The counter's value now (strongly consistent), read before each attempt. */
export async function counterValue(db: DynamoDBDocumentClient, TableName: string, key: Record<string, string>): Promise<number> {
  const { Item } = await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }));
  return Number(Item?.n ?? 0);
}

/** The transaction item that takes number `current + 1`, only if the counter is still at `current`. */
export function counterUpdate(TableName: string, key: Record<string, string>, current: number) {
  return {
    Update: {
      TableName,
      Key: key,
      UpdateExpression: 'SET n = :next, entity = :entity',
      ConditionExpression: current ? 'n = :current' : 'attribute_not_exists(n)',
      ExpressionAttributeValues: { ':next': current + 1, ':entity': 'Counter', ...(current ? { ':current': current } : {}) },
    },
  };
}
