import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ImplementationItem, Organisation, Region } from '@ah-tourism/shared';
import { guideRecord, guideVersionRecord, organisationRecord, regionRecord, summaryRecord } from '../../functions/src/catalog/keys';

export interface CatalogSeedData {
  regions: Region[];
  organisations: Organisation[];
  items: ImplementationItem[];
}

/** Every record the catalog seed puts in the table, built by the same key functions the handlers read with. */
export function catalogRecords(seed: CatalogSeedData): Record<string, unknown>[] {
  return [
    ...seed.regions.map(regionRecord),
    ...seed.organisations.map(organisationRecord),
    ...seed.items.flatMap((item) => [guideRecord(item), guideVersionRecord(item), summaryRecord(item)]),
  ];
}

/** Writes records in batches of 25, retrying what DynamoDB leaves unprocessed. Idempotent (puts). */
export async function putAll(client: DynamoDBClient, tableName: string, records: Record<string, unknown>[]): Promise<void> {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  for (let i = 0; i < records.length; i += 25) {
    let requests = records.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt > 8) throw new Error(`Seeding ${tableName}: DynamoDB kept ${requests.length} writes unprocessed`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}
