import { complaintPathSchema, consultationPathSchema, subjectPathSchema } from '@ah-tourism/shared';
import { AppError } from '../platform/errors';
import { parseInput, type HttpEvent } from '../platform/http';

/** A complaint number that cannot exist is not found, like one that does not. */
export function complaintNumberOf(event: HttpEvent): string {
  const parsed = complaintPathSchema.safeParse(event.pathParameters ?? {});
  if (!parsed.success) throw new AppError('COMPLAINT_NOT_FOUND');
  return parsed.data.complaintNumber;
}

/** A consultation id that cannot exist is not found, like one that does not. */
export function consultationIdOf(event: HttpEvent): string {
  const parsed = consultationPathSchema.safeParse(event.pathParameters ?? {});
  if (!parsed.success) throw new AppError('CONSULTATION_NOT_FOUND');
  return parsed.data.consultationId;
}

/** The case or complaint number of a rectification task's path. */
export const subjectIdOf = (event: HttpEvent) => parseInput(subjectPathSchema, event.pathParameters ?? {}).subjectId;
