import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * Structured JSON logs (Powertools Logger). Every line carries level, message, timestamp, service
 * (POWERTOOLS_SERVICE_NAME), the invocation's Lambda request id and cold start, and within an HTTP
 * request its correlation id (see invocation.ts).
 *
 * Never pass request bodies, identity numbers, names or phone numbers here: log codes, ids and counts.
 *
 * A call's fields are written under one key, `detail`, so no field name can replace a key every line
 * carries (a field called `level` once replaced the log level): `{"level":"INFO","message":"case
 * transition",…,"detail":{"caseNumber":…}}`, queried in Logs Insights as `detail.caseNumber`.
 */
export type LogFields = Record<string, unknown>;

const powertools = new Logger();

function write(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: LogFields, error?: unknown): void {
  const extra: LogFields = {};
  if (fields && Object.keys(fields).length) extra.detail = fields;
  // Powertools writes an Error as {name, location, message, stack}.
  if (error !== undefined) extra.error = error instanceof Error ? error : String(error);
  powertools[level](message, extra);
}

export const logger = {
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  error: (message: string, fields?: LogFields, error?: unknown) => write('error', message, fields, error),
};

/** Ids of one invocation that every one of its log lines carries. */
export interface InvocationKeys {
  /** `correlation_id`: follows a request across the app, the API and the logs. */
  correlationId?: string;
  /** `api_request_id`: API Gateway's id of the HTTP request. */
  apiRequestId?: string;
}

/**
 * Starts the log context of one invocation: the Lambda context (request id, cold start, function) and
 * its ids, on every line until the next invocation starts. Called by invocation.ts.
 */
export function startLogContext(context: Context | undefined, keys: InvocationKeys): void {
  powertools.resetKeys();
  if (context?.awsRequestId) powertools.addContext(context);
  if (keys.correlationId) powertools.setCorrelationId(keys.correlationId);
  if (keys.apiRequestId) powertools.appendKeys({ api_request_id: keys.apiRequestId });
}
