import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERRORS, type ErrorBody, type FieldIssue } from '@ah-tourism/shared';
import * as z from 'zod';
import { AppError } from './errors';
import { observed, requestKeys } from './invocation';
import { logger } from './logger';

export type HttpResponse = APIGatewayProxyStructuredResultV2;
export type HttpEvent = APIGatewayProxyEventV2;

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
/** Personal answers (cases, sessions, messages) are never cached by browsers or proxies. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function errorResponse(error: AppError): HttpResponse {
  const body: ErrorBody = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  return json(error.status, body, { ...NO_STORE, ...error.headers });
}

/** zod issues as field-level problems, with paths like `materials[2].name`. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      '',
    ),
    message: issue.message,
  }));
}

/** Parse request input with a schema; failures become a 400 with every field problem listed. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw new AppError('COMMON_VALIDATION_FAILED', undefined, fieldIssues(result.error));
  return result.data;
}

/**
 * Wraps a route implementation: every expected error becomes {code, message} with its status; anything
 * else is logged (without the request) and answered with a generic 500, never a stack trace. Every log
 * line of the request carries its ids (invocation.ts), and its metrics are published when it ends.
 */
export function httpHandler(route: (event: HttpEvent) => Promise<HttpResponse>) {
  return observed(
    async (event: HttpEvent): Promise<HttpResponse> => {
      try {
        return await route(event);
      } catch (error) {
        if (error instanceof AppError) return errorResponse(error);
        logger.error('unhandled error', { route: event.routeKey }, error);
        return json(500, { code: 'COMMON_INTERNAL', message: ERRORS.COMMON_INTERNAL.message } satisfies ErrorBody);
      }
    },
    (event) => requestKeys(event.requestContext?.requestId, header(event, 'x-correlation-id')),
  );
}

/** JSON bodies above this are refused before parsing (applications and drafts are a few KB). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The parsed JSON body: missing, oversized and malformed bodies each get their own 4xx. */
export function readJsonBody(event: HttpEvent): unknown {
  if (!event.body) throw new AppError('COMMON_BODY_REQUIRED');
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_JSON_BODY_BYTES) throw new AppError('COMMON_PAYLOAD_TOO_LARGE');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('COMMON_MALFORMED_JSON');
  }
}

/** The JSON body, validated against a schema (every field problem listed in a 400). */
export function parseJsonBody<S extends z.ZodType>(event: HttpEvent, schema: S): z.output<S> {
  return parseInput(schema, readJsonBody(event));
}

/** Case-insensitive header lookup (API Gateway lower-cases them, but callers of tests may not). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
