import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo } from './dynamodb';

/**
 * One page of a Query with a filter: DynamoDB applies `Limit` before the filter, so a page may come
 * back thin or empty while more matches follow. This keeps reading until the page is full or the
 * partition ends, and the cursor points just after the last item returned.
 */
export async function queryPage<T = Record<string, unknown>>(
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; cursor?: string; keyNames: string[]; partition: { name: string; value: string } },
): Promise<{ items: T[]; nextCursor: string | null }> {
  const db = dynamo();
  const items: Record<string, unknown>[] = [];
  let startKey = page.cursor ? decodeCursor(page.cursor, page.keyNames, page.partition) : undefined;
  let lastKey: Record<string, unknown> | undefined;
  let more = false;
  do {
    const result = await db.send(new QueryCommand({ ...input, Limit: page.limit, ExclusiveStartKey: startKey }));
    for (const item of result.Items ?? []) {
      if (items.length < page.limit) {
        items.push(item);
        lastKey = Object.fromEntries(page.keyNames.map((name) => [name, item[name]]));
      } else {
        more = true;
      }
    }
    startKey = result.LastEvaluatedKey;
  } while (startKey && items.length < page.limit);
  const nextCursor = items.length >= page.limit && (more || startKey) && lastKey ? encodeCursor(lastKey) : null;
  return { items: items as T[], nextCursor };
}

/** Every item of a Query (all pages), for aggregates over a bounded partition. */
export async function queryAll<T = Record<string, unknown>>(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<T[]> {
  const db = dynamo();
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items as T[];
}
