import * as z from 'zod';
import { config } from '../platform/config';
import { invokeFunction } from '../platform/lambda';
import type { DirectInspection, DirectInspectionAnswer } from './direct-inspection';
import { CONTENT_FINDINGS } from './file-type';
import type { MaterialInspector } from './material-storage';

let answerSchema: z.ZodType<DirectInspectionAnswer> | undefined;

/** Built on first use, so the functions that share the case wiring but never submit files do not bundle zod for it. */
function parseAnswer(answer: unknown): DirectInspectionAnswer {
  answerSchema ??= z.object({
    found: z.object({ size: z.number().int().nonnegative(), head: z.base64(), content: z.enum(CONTENT_FINDINGS).optional() }).nullable(),
  });
  return answerSchema.parse(answer);
}

const invokeUploadInspector = (request: DirectInspection) => invokeFunction(config().inspectUploadFunction, request);

/** Inspects a file by invoking the upload inspector with `{ inspect: <key> }` and waiting for its answer (direct-inspection.ts). */
export function invokedMaterialInspector(invoke: (request: DirectInspection) => Promise<unknown> = invokeUploadInspector): MaterialInspector {
  return {
    async inspect(key) {
      const { found } = parseAnswer(await invoke({ inspect: key }));
      return found ? { size: found.size, head: new Uint8Array(Buffer.from(found.head, 'base64')), ...(found.content ? { content: found.content } : {}) } : undefined;
    },
  };
}
