import type { MaterialContentType } from '@ah-tourism/shared';

/** Bytes needed from the start of a file to recognise it. */
export const SNIFF_BYTES = 16;

const SIGNATURES: { type: MaterialContentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The real type of a file from its first bytes (magic numbers), whatever its name or declared type. */
export function sniffMaterialType(head: Uint8Array): MaterialContentType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((b, i) => head[i] === b))?.type;
}

/** The extension an upload ticket gives the key it names, from the type the upload declared. */
export const EXTENSION_OF_TYPE: Record<MaterialContentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The type an upload declared, read back from the extension its ticket put on the key (the key is server-chosen). */
export function declaredTypeOfKey(key: string): MaterialContentType | undefined {
  const extension = /\.([a-z]+)$/.exec(key)?.[1];
  return (Object.keys(EXTENSION_OF_TYPE) as MaterialContentType[]).find((type) => EXTENSION_OF_TYPE[type] === extension);
}

/** Images above this many pixels are refused before decoding: a small file can expand into gigabytes. */
export const MAX_IMAGE_PIXELS = 30_000_000;

/**
 * Why a whole file is not acceptable as what it claims to be:
 *  - unrecognised:    none of PDF, JPG, PNG
 *  - type_mismatch:   a real PDF/JPG/PNG, but not the type declared for the upload
 *  - damaged:         does not parse or decode (truncated, corrupt)
 *  - trailing_data:   something follows the format's end (after %%EOF, IEND, EOI), such as an appended page
 *  - too_many_pixels: an image above MAX_IMAGE_PIXELS
 */
export type ContentProblem = 'unrecognised' | 'type_mismatch' | 'damaged' | 'trailing_data' | 'too_many_pixels';

/** The outcome of checking a whole file: sound, or the problem found. */
export const CONTENT_FINDINGS = ['sound', 'unrecognised', 'type_mismatch', 'damaged', 'trailing_data', 'too_many_pixels'] as const satisfies readonly ('sound' | ContentProblem)[];
export type ContentFinding = (typeof CONTENT_FINDINGS)[number];
