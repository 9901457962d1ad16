import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The items of one GSI2 day partition (reminder timers `TIMER#<day>`, watched pushes `PUSHWATCH#<day>`)
 * whose sort key, a time first, is at most `cutoff`: oldest first, page by page, never a scan.
 */
export async function* dayPartitionItems(
  db: DynamoDBDocumentClient,
  TableName: string,
  partition: string,
  cutoff: string,
  ProjectionExpression?: string,
): AsyncGenerator<Record<string, unknown>> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'gsi2pk = :day AND gsi2sk <= :cutoff',
        ExpressionAttributeValues: { ':day': partition, ':cutoff': cutoff },
        ...(ProjectionExpression ? { ProjectionExpression } : {}),
        ExclusiveStartKey,
      }),
    );
    yield* page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
