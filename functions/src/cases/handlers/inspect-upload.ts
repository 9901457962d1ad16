import type { S3Event } from 'aws-lambda';
import { config } from '../../platform/config';
import { observed } from '../../platform/invocation';
import { s3MaterialInspector } from '../material-storage';
import { dynamoVerdictWriter, uploadInspection } from '../upload-verdicts';

let service: ReturnType<typeof uploadInspection> | undefined;

/** S3 ObjectCreated under materials/: each file is inspected once and its verdict recorded for submission. */
export const handler = observed(async (event: S3Event): Promise<void> => {
  service ??= uploadInspection({ inspector: s3MaterialInspector(), verdicts: dynamoVerdictWriter(), ttlDays: config().draftTtlDays });
  await service.handle(event.Records ?? []);
});
