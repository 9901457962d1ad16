import type { S3Event } from 'aws-lambda';
import { config } from '../../platform/config';
import { directInspectionAnswer, directInspectionKey, type DirectInspection } from '../direct-inspection';
import { s3MaterialInspector, type MaterialInspector } from '../material-storage';
import { observed } from '../../platform/invocation';
import { dynamoVerdictWriter, uploadInspection } from '../upload-verdicts';

let inspector: MaterialInspector | undefined;
let service: ReturnType<typeof uploadInspection> | undefined;

/**
 * S3 ObjectCreated under materials/: each file is inspected once and its verdict recorded for submission.
 * Submission also invokes it directly, `{ inspect: <key> }`, for a file without a verdict, and gets the
 * inspection back instead of a verdict row.
 */
export const handler = observed(async (event: S3Event | DirectInspection) => {
  inspector ??= s3MaterialInspector();
  const key = directInspectionKey(event);
  if (key) return directInspectionAnswer(await inspector.inspect(key));
  service ??= uploadInspection({ inspector, verdicts: dynamoVerdictWriter(), ttlDays: config().draftTtlDays });
  await service.handle((event as S3Event).Records ?? []);
  return undefined;
});
