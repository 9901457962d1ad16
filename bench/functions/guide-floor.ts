/**
 * The floor that `bench/guide.ts` compares the guide GET with: one bare GetItem of an item's current
 * guide record, answered as it is stored. No validation, no cache, no ETag. It is declared only in
 * serverless.bench.yml, so no package or deployment ever contains it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { guideKey } from '../../functions/src/catalog/keys';
import { config } from '../../functions/src/platform/config';
import { dynamo } from '../../functions/src/platform/dynamodb';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: guideKey(code) }));
  if (!Item) return { statusCode: 404 };
  return { statusCode: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(Item.item) };
}
