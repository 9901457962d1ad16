import { MAX_IMPORT_BYTES, nationalImportRequestSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, json, parseInput, readJsonBody, NO_STORE } from '../../platform/http';
import { staffImportService } from '../wiring';

/** POST /staff/imports: a file of national tourism system cases (CSV or JSON text in a JSON body); answers the counts and the row report. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  // The file travels as a JSON string: escaping can double its size, the service checks the file itself.
  const request = parseInput(nationalImportRequestSchema, readJsonBody(event, 2 * MAX_IMPORT_BYTES + 4096));
  return json(200, await staffImportService().import(caller, request), NO_STORE);
});
