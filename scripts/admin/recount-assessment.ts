/**
 * Backfill of the assessment aggregates (网上考核): the stream consumer counts what changes from the day it
 * is deployed (and the last 24 hours the stream keeps); cases and published items older than that are
 * counted by running the same recount over each of them once. Safe to repeat and to run while the
 * consumer runs: a case already counted is left as it is (its facts are unchanged), two recounts of one
 * case meet on the facts row's version.
 *
 *   npm run admin:recount-assessment -- --stage prod [--region cn-north-1] [--segments 4]
 *
 * Reads the whole table once (a parallel Scan of the case records and item summaries, keys only): an
 * operator's command, never a request path. Against the local system: --stage local (DYNAMODB_PORT).
 */
import { parseArgs } from 'node:util';
import { LOCAL_AWS_ENV } from '../local/dynamodb-local';

export interface RecountResult {
  cases: number;
  items: number;
}

/** Every case record and item summary of the table, recounted. The environment names the table. */
export async function recountAll(segments = 4, log: (line: string) => void = () => {}): Promise<RecountResult> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dynamo } = await import('../../functions/src/platform/dynamodb');
  const { config } = await import('../../functions/src/platform/config');
  const { assessmentAggregation } = await import('../../functions/src/assessment/wiring');
  const aggregator = assessmentAggregation();
  const result: RecountResult = { cases: 0, items: 0 };
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(
          new ScanCommand({
            TableName: config().tableName,
            Segment: segment,
            TotalSegments: segments,
            FilterExpression: '(entity = :case AND sk = :meta) OR (entity = :item AND sk = :summary)',
            ProjectionExpression: 'pk, sk',
            ExpressionAttributeValues: { ':case': 'Case', ':meta': 'META', ':item': 'ItemSummary', ':summary': 'SUMMARY' },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const row of page.Items ?? []) {
          const pk = row.pk as string;
          if (pk.startsWith('CASE#')) {
            await aggregator.recountCase(pk.slice(5));
            result.cases += 1;
          } else {
            await aggregator.recountItem(pk.slice(5));
            result.items += 1;
          }
        }
        startKey = page.LastEvaluatedKey;
        log(`segment ${segment}: ${result.cases} cases, ${result.items} items so far`);
      } while (startKey);
    }),
  );
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, region: { type: 'string', default: 'cn-north-1' }, segments: { type: 'string', default: '4' } } });
  if (!values.stage) {
    console.error('Usage: npm run admin:recount-assessment -- --stage <stage> [--region cn-north-1] [--segments 4]');
    process.exit(2);
  }
  Object.assign(process.env, { STAGE: values.stage, TABLE_NAME: `ah-tourism-${values.stage}-main`, AWS_REGION: values.region });
  if (values.stage === 'local') Object.assign(process.env, LOCAL_AWS_ENV, { DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}` });
  const result = await recountAll(Number(values.segments), (line) => console.log(line));
  console.log(`recounted ${result.cases} cases and ${result.items} published items`);
}

if (require.main === module) void main();
