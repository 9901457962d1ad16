import { assessmentQuerySchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, NO_STORE } from '../../platform/http';
import { csvFileName, reportCsv } from '../csv';
import { assessment } from '../wiring';

/** GET /staff/assessment/export: the report as a CSV file. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(assessmentQuerySchema, event.queryStringParameters ?? {});
  const report = await assessment().staffReport(caller, query);
  const fileName = csvFileName(report);
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      ...NO_STORE,
    },
    body: reportCsv(report),
  };
});
