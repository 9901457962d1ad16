import { importPathSchema } from '@ah-tourism/shared';
import { authenticate } from '../../auth/caller';
import { httpHandler, parseInput, NO_STORE } from '../../platform/http';
import { importReportCsv, importReportFileName } from '../report-csv';
import { staffImportService } from '../wiring';

/** GET /staff/imports/{importId}/report: the row report as a CSV file (UTF-8 with BOM): row, national number, outcome, field, problem. */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { importId } = parseInput(importPathSchema, event.pathParameters ?? {});
  const result = await staffImportService().report(caller, importId);
  const fileName = importReportFileName(result);
  return {
    statusCode: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      ...NO_STORE,
    },
    body: importReportCsv(result),
  };
});
