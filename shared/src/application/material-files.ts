/*
 * What an uploaded material file may be. Plain values with no schema around them, so the upload
 * inspector (a function without zod) can import them.
 */
export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MaterialContentType = (typeof MATERIAL_TYPES)[number];
/** Per-file cap: a scanned multi-page PDF fits; anything larger should be split or compressed. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
/** Files one material may have in one application. */
export const MAX_FILES_PER_MATERIAL = 5;
/**
 * Materials one guide may list. With MAX_FILES_PER_MATERIAL files each, every file of the largest
 * application is proven inside the one transaction that creates its case (DynamoDB takes 100 items).
 */
export const MAX_GUIDE_MATERIALS = 18;
