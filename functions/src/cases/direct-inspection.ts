import type { ContentFinding } from './file-type';
import type { InspectedFile } from './material-storage';

/*
 * Submission's look at a file that has no verdict yet. The whole-file check needs a PDF parser too big
 * for the request-path functions (test/build/serverless-package.test.ts), so submission asks the
 * upload inspector itself and waits for its answer (invoked-inspector.ts): the same code decides,
 * whether or not the S3 event has arrived. A direct inspection records no verdict (it has no event
 * sequencer to order it by). This module is the inspector's side, kept free of zod, which its
 * package does not otherwise need.
 */

/** What submission sends the upload inspector: one object key under materials/. */
export interface DirectInspection {
  inspect: string;
}

/** The object key a direct inspection asks about, or undefined when the event is something else (an S3 notification). */
export function directInspectionKey(event: unknown): string | undefined {
  const key = (event as Partial<DirectInspection> | null)?.inspect;
  return typeof key === 'string' && key.startsWith('materials/') ? key : undefined;
}

/** The inspector's answer: the file with its first bytes in base64, or null when there is no such object. */
export interface DirectInspectionAnswer {
  found: { size: number; head: string; content?: ContentFinding } | null;
}

export const directInspectionAnswer = (found: InspectedFile | undefined): DirectInspectionAnswer => ({
  found: found ? { size: found.size, head: Buffer.from(found.head).toString('base64'), ...(found.content ? { content: found.content } : {}) } : null,
});
