import type { S3Event } from 'aws-lambda';
import { config } from '../../platform/config';
import { directInspectionAnswer, directInspectionSchema, type DirectInspection } from '../direct-inspection';
import { s3MaterialInspector, type MaterialInspector } from '../material-storage';
import { dynamoVerdictWriter, uploadInspection } from '../upload-verdicts';

let inspector: MaterialInspector | undefined;
let service: ReturnType<typeof uploadInspection> | undefined;

/**
 * S3 ObjectCreated under materials/: each file is inspected once and its verdict recorded for submission.
 * Submission also invokes it directly, `{ inspect: <key> }`, for a file without a verdict, and gets the
 * inspection back instead of a verdict row.
 */
export const handler = async (event: S3Event | DirectInspection) => {
  inspector ??= s3MaterialInspector();
  const direct = directInspectionSchema.safeParse(event);
  if (direct.success) return directInspectionAnswer(await inspector.inspect(direct.data.inspect));
  service ??= uploadInspection({ inspector, verdicts: dynamoVerdictWriter(), ttlDays: config().draftTtlDays });
  await service.handle((event as S3Event).Records ?? []);
};
