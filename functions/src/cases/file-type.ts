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
