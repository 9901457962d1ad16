/**
 * The floor that `bench/licence-verify.ts` compares licence verification with: POST {licenceId}, one
 * strongly consistent GetItem of that licence's `STATE` row (the read verification makes) with the
 * functions' own DynamoDB client, answered as JSON. No signature check, no validation, no logging. It is
 * declared only in serverless.bench.yml, so no package or deployment ever contains it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { licenceStateKey } from '../../functions/src/licences/keys';
import { config } from '../../functions/src/platform/config';
import { dynamo } from '../../functions/src/platform/dynamodb';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  const { licenceId } = JSON.parse(text || '{}') as { licenceId?: string };
  if (!licenceId) return { statusCode: 400 };
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: licenceStateKey(licenceId), ConsistentRead: true }));
  if (!Item) return { statusCode: 404 };
  return { statusCode: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(Item.state) };
}
