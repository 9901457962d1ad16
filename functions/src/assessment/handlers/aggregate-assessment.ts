import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { assessmentAggregation } from '../wiring';

/** The table's stream, case rows and published items only: the assessment aggregates follow them (aggregator.ts). */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return assessmentAggregation().aggregate(event.Records ?? []);
}
