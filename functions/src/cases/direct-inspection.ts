import * as z from 'zod';
import { config } from '../platform/config';
import { invokeFunction } from '../platform/lambda';
import { CONTENT_FINDINGS } from './file-type';
import type { InspectedFile, MaterialInspector } from './material-storage';

/*
 * Submission's look at a file that has no verdict yet. The whole-file check needs a PDF parser too big
 * for the request-path functions (test/build/serverless-package.test.ts), so submission asks the
 * upload inspector itself, and waits for its answer: the same code decides whether or not the S3
 * event has arrived. A direct inspection records no verdict (it has no event sequencer to order it by).
 */

/** What submission sends the upload inspector: one object key under materials/. */
export const directInspectionSchema = z.object({ inspect: z.string().startsWith('materials/') });
export type DirectInspection = z.infer<typeof directInspectionSchema>;

const answerSchema = z.object({
  found: z.object({ size: z.number().int().nonnegative(), head: z.base64(), content: z.enum(CONTENT_FINDINGS).optional() }).nullable(),
});
type DirectInspectionAnswer = z.infer<typeof answerSchema>;

/** The inspector's answer: the file with its first bytes in base64, or null when there is no such object. */
export const directInspectionAnswer = (found: InspectedFile | undefined): DirectInspectionAnswer => ({
  found: found ? { size: found.size, head: Buffer.from(found.head).toString('base64'), ...(found.content ? { content: found.content } : {}) } : null,
});

/** Inspects each file by invoking the upload inspector and waiting for its answer. */
export function invokedMaterialInspector(invoke: (payload: DirectInspection) => Promise<unknown> = (payload) => invokeFunction(config().inspectUploadFunction, payload)): MaterialInspector {
  return {
    async inspect(key) {
      const { found } = answerSchema.parse(await invoke({ inspect: key }));
      return found ? { size: found.size, head: new Uint8Array(Buffer.from(found.head, 'base64')), ...(found.content ? { content: found.content } : {}) } : undefined;
    },
  };
}
