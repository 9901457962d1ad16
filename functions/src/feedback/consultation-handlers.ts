import {
  answerConsultationRequestSchema,
  consultationListQuerySchema,
  consultationPathSchema,
  consultationRequestSchema,
  parseImplementationCode,
  promoteFaqRequestSchema,
} from '@ah-tourism/shared';
import { authenticate } from '../platform/caller';
import { AppError } from '../platform/errors';
import { httpHandler, json, parseInput, parseJsonBody, NO_STORE, type HttpEvent } from '../platform/http';
import { consultationService, defaultConsultationDeps, type ConsultationService } from './consultations';

let instance: ConsultationService | undefined;
const consultations = () => (instance ??= consultationService(defaultConsultationDeps()));
/** An id that cannot exist is not found, like one that does not. */
function consultationIdOf(event: HttpEvent): string {
  const parsed = consultationPathSchema.safeParse(event.pathParameters ?? {});
  if (!parsed.success) throw new AppError('CONSULTATION_NOT_FOUND');
  return parsed.data.consultationId;
}
/** The FAQ changes only when staff publish an entry: a short public cache is enough. */
const FAQ_CACHE = { 'Cache-Control': 'public, max-age=60' };

/** POST /consultations */
export const ask = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const request = parseJsonBody(event, consultationRequestSchema);
  return json(201, await consultations().ask(caller, request), NO_STORE);
});

/** GET /me/consultations */
export const listMine = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(consultationListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await consultations().listMine(caller, query), NO_STORE);
});

/** GET /staff/consultations */
export const listForStaff = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const query = parseInput(consultationListQuerySchema, event.queryStringParameters ?? {});
  return json(200, await consultations().listForStaff(caller, query), NO_STORE);
});

/** POST /staff/consultations/{consultationId}/answer */
export const answer = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const consultationId = consultationIdOf(event);
  const request = parseJsonBody(event, answerConsultationRequestSchema);
  return json(200, await consultations().answer(caller, consultationId, request), NO_STORE);
});

/** POST /staff/consultations/{consultationId}/faq */
export const promote = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const consultationId = consultationIdOf(event);
  const request = parseJsonBody(event, promoteFaqRequestSchema);
  return json(200, await consultations().promote(caller, consultationId, request), NO_STORE);
});

/** GET /catalog/items/{code}/faq (public) */
export const faq = httpHandler(async (event) => {
  const code = decodeURIComponent(event.pathParameters?.code ?? '');
  if (!parseImplementationCode(code)) {
    throw new AppError('COMMON_VALIDATION_FAILED', '实施编码格式不正确，请核对链接或重新查找事项', [
      { path: 'code', message: '实施编码应为35位：基本编码、层级、行政区划代码和实施主体统一社会信用代码' },
    ]);
  }
  return json(200, await consultations().faq(code), FAQ_CACHE);
});
