import { nationalImportRequestSchema } from '@ah-tourism/shared';
import { authStore } from '../../auth/store';
import { signedRoute } from '../../auth/signed-route';
import { importNationalRecords } from '../../imports/service';
import { importDeps } from '../../imports/wiring';
import { AppError } from '../../platform/errors';
import { NO_STORE, json, parseInput, readJsonBody } from '../../platform/http';

/**
 * POST /open/v1/organisations/{organisationCode}/national-records: the national tourism supervision system
 * pushes cases it handled for one of our organisations, signed with an app key of scope `national_records`.
 * The same layout, row checks and idempotence as the administrator's file import (functions/src/imports);
 * the import record names the consumer as who imported. Bodies are held to the signed API's 64 KB.
 */
export const handler = signedRoute('national_records', async (event, caller) => {
  const organisationCode = (event.pathParameters?.organisationCode ?? '').toUpperCase();
  const organisation = /^[0-9A-Z]{18}$/.test(organisationCode) ? await authStore().organisation(organisationCode) : undefined;
  if (!organisation) throw new AppError('COMMON_NOT_FOUND', '没有这个实施机构，请核对统一社会信用代码');
  const request = parseInput(nationalImportRequestSchema, readJsonBody(event));
  const result = await importNationalRecords(importDeps(), {
    organisationCode,
    actor: { id: `app:${caller.keyId}`, name: caller.consumer },
    format: request.format,
    content: request.content,
    ...(request.fileName ? { fileName: request.fileName } : {}),
  });
  return json(200, result, NO_STORE);
});
