import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ImplementationItem, ItemSummary, Level, Region } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { REGION_PARTITION, guideKey, guideVersionKey, levelPartitionKey, regionPartitionKey } from './keys';

export interface ItemFilter {
  /** Exactly one partition: a region, or a level across all regions. */
  partition: { region: string } | { level: Level };
  level?: Level;
  itemType?: string;
  theme?: string;
  keyword?: string;
  frequentOnly?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The catalog's storage port; the DynamoDB adapter below is the only implementation. */
export interface CatalogStore {
  /** The current guide (the `GUIDE` record). */
  getGuide(implementationCode: string): Promise<ImplementationItem | undefined>;
  /** A published version of the guide (immutable `GUIDE#V<version>` record). */
  getGuideVersion(implementationCode: string, version: number): Promise<ImplementationItem | undefined>;
  listItems(filter: ItemFilter, limit: number, cursor: string | undefined): Promise<Page<ItemSummary>>;
  listRegions(): Promise<Region[]>;
  /** Every summary of one level across the province (GSI2), with its search text: the search index's source. */
  listLevelSummaries(level: Level): Promise<IndexedSummary[]>;
}

export interface IndexedSummary {
  summary: ItemSummary;
  searchText: string;
}

/** Upper bound of Query round trips for one level partition (1 MB each): far above the catalog's size. */
const MAX_QUERIES_PER_LEVEL = 20;

/** Upper bound of Query round trips for one page when filters discard most rows. */
const MAX_QUERIES_PER_PAGE = 8;

function filterExpression(filter: ItemFilter) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.level && 'region' in filter.partition) {
    conditions.push('#level = :level');
    names['#level'] = 'level';
    values[':level'] = filter.level;
  }
  if (filter.theme) {
    conditions.push('contains(#themes, :theme)');
    names['#themes'] = 'themes';
    values[':theme'] = filter.theme;
  }
  if (filter.keyword) {
    conditions.push('contains(#searchText, :keyword)');
    names['#searchText'] = 'searchText';
    values[':keyword'] = filter.keyword.toLowerCase();
  }
  if (filter.frequentOnly) {
    conditions.push('#frequent = :frequent');
    names['#frequent'] = 'frequent';
    values[':frequent'] = true;
  }
  return { conditions, names, values };
}

export function dynamoCatalogStore(): CatalogStore {
  const db = dynamo();
  const { tableName } = config();

  return {
    async getGuide(implementationCode) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: guideKey(implementationCode) }));
      return Item?.item as ImplementationItem | undefined;
    },

    async getGuideVersion(implementationCode, version) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: guideVersionKey(implementationCode, version) }));
      return Item?.item as ImplementationItem | undefined;
    },

    async listItems(filter, limit, cursor) {
      const byRegion = 'region' in filter.partition;
      const [index, pkName, skName] = byRegion ? ['GSI1', 'gsi1pk', 'gsi1sk'] : ['GSI2', 'gsi2pk', 'gsi2sk'];
      const partitionValue =
        'region' in filter.partition ? regionPartitionKey(filter.partition.region) : levelPartitionKey(filter.partition.level);
      const filters = filterExpression(filter);
      const keyCondition = [`#pk = :pk`, ...(filter.itemType ? ['begins_with(#sk, :type)'] : [])].join(' AND ');
      const base: QueryCommandInput = {
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: keyCondition,
        ExpressionAttributeNames: { '#pk': pkName, ...(filter.itemType ? { '#sk': skName } : {}), ...filters.names },
        ExpressionAttributeValues: {
          ':pk': partitionValue,
          ...(filter.itemType ? { ':type': `${filter.itemType}#` } : {}),
          ...filters.values,
        },
        ...(filters.conditions.length ? { FilterExpression: filters.conditions.join(' AND ') } : {}),
      };
      const keyNames = ['pk', 'sk', pkName, skName];
      let startKey = cursor ? decodeCursor(cursor, keyNames, { name: pkName, value: partitionValue }) : undefined;
      const rows: Record<string, unknown>[] = [];
      let exhausted = false;
      // Filters apply after DynamoDB's Limit, so keep reading until the page is full or the partition ends.
      for (let round = 0; round < MAX_QUERIES_PER_PAGE && rows.length < limit; round += 1) {
        const wanted = limit - rows.length;
        const result = await db.send(
          new QueryCommand({ ...base, Limit: filters.conditions.length ? Math.max(wanted, 25) : wanted, ExclusiveStartKey: startKey }),
        );
        rows.push(...(result.Items ?? []));
        startKey = result.LastEvaluatedKey as Record<string, string> | undefined;
        if (!startKey) {
          exhausted = true;
          break;
        }
      }
      let nextKey: Record<string, unknown> | undefined = exhausted ? undefined : startKey;
      if (rows.length > limit) {
        rows.length = limit;
        const last = rows[limit - 1] ?? {};
        nextKey = Object.fromEntries(keyNames.map((name) => [name, last[name]]));
      }
      return {
        items: rows.map((row) => row.summary as ItemSummary),
        nextCursor: nextKey ? encodeCursor(nextKey) : null,
      };
    },

    async listLevelSummaries(level) {
      const rows: IndexedSummary[] = [];
      let startKey: Record<string, unknown> | undefined;
      for (let round = 0; round < MAX_QUERIES_PER_LEVEL; round += 1) {
        const result = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'GSI2',
            KeyConditionExpression: '#pk = :pk',
            ProjectionExpression: '#summary, #searchText',
            ExpressionAttributeNames: { '#pk': 'gsi2pk', '#summary': 'summary', '#searchText': 'searchText' },
            ExpressionAttributeValues: { ':pk': levelPartitionKey(level) },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const row of result.Items ?? []) rows.push({ summary: row.summary as ItemSummary, searchText: String(row.searchText ?? '') });
        startKey = result.LastEvaluatedKey;
        if (!startKey) break;
      }
      return rows;
    },

    async listRegions() {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': REGION_PARTITION },
        }),
      );
      return (result.Items ?? []).map((row) => row.region as Region);
    },
  };
}
