/*
 * What an uploaded material file may be. Plain values with no schema around them, so the upload
 * inspector (a function without zod) can import them.
 */
export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MaterialContentType = (typeof MATERIAL_TYPES)[number];
/** Per-file cap: a scanned multi-page PDF fits; anything larger should be split or compressed. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
