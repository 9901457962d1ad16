import type { MaterialContentType } from '@ah-tourism/shared';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
// The parser alone, not the package's index: the index brings document editing, fonts and embedders too.
import PDFParser from 'pdf-lib/cjs/core/parser/PDFParser';
import PDFDict from 'pdf-lib/cjs/core/objects/PDFDict';
import PDFName from 'pdf-lib/cjs/core/objects/PDFName';
import { MAX_IMAGE_PIXELS, sniffMaterialType, type ContentFinding } from './file-type';

/*
 * The whole-file check of an uploaded material: it is the type its upload declared, and it is a
 * complete file of that type (a PDF parses, an image decodes) with nothing after the format's end.
 * A file that passes starts with its own magic bytes and ends where its format ends, so markup
 * appended to a real file or a renamed file of another kind cannot pass.
 */

/** PDF white-space characters (ISO 32000-1, 7.2.2): what may follow the final %%EOF. */
const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const PDF_END = Buffer.from('%%EOF');

/**
 * Decoding takes memory in proportion to the pixels (jpeg-js about 33 bytes a pixel, measured), so the
 * count is read from the header first; the decoder's own limits are a second guard.
 */
const MAX_IMAGE_MEGAPIXELS = MAX_IMAGE_PIXELS / 1_000_000;
const MAX_JPEG_DECODE_MB = 1024;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** True when the file ends with %%EOF, white space aside (incremental updates add earlier ones). */
function endsAtPdfEof(bytes: Uint8Array): boolean {
  const eof = asBuffer(bytes).lastIndexOf(PDF_END);
  return eof >= 0 && bytes.subarray(eof + PDF_END.length).every((b) => PDF_WHITESPACE.has(b));
}

/** Parses every object, cross-reference section and trailer; a sound PDF's root is its document catalog. */
async function pdfParses(bytes: Uint8Array): Promise<boolean> {
  try {
    const context = await PDFParser.forBytesWithOptions(bytes, Infinity, true, false).parseDocument();
    const root = context.lookup(context.trailerInfo.Root);
    return root instanceof PDFDict && root.lookup(PDFName.of('Type')) === PDFName.of('Catalog');
  } catch {
    return false;
  }
}

async function checkPdf(bytes: Uint8Array): Promise<ContentFinding> {
  if (!asBuffer(bytes).includes(PDF_END)) return 'damaged';
  if (!endsAtPdfEof(bytes)) return 'trailing_data';
  return (await pdfParses(bytes)) ? 'sound' : 'damaged';
}

/** Where the chunks of a PNG end (just after IEND) and its pixel count; undefined when it stops before IEND. */
function pngLayout(bytes: Uint8Array): { end: number; pixels: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pixels = 0;
  // Each chunk: length (4), type (4), data, CRC (4); the signature takes the first 8 bytes.
  for (let at = 8; at + 12 <= bytes.length; ) {
    const end = at + 12 + view.getUint32(at);
    if (end > bytes.length) return undefined;
    const type = asBuffer(bytes).toString('latin1', at + 4, at + 8);
    if (type === 'IHDR' && end - at >= 20) pixels = view.getUint32(at + 8) * view.getUint32(at + 12);
    if (type === 'IEND') return { end, pixels };
    at = end;
  }
  return undefined;
}

function checkPng(bytes: Uint8Array): ContentFinding {
  const layout = pngLayout(bytes);
  if (!layout) return 'damaged';
  if (layout.end !== bytes.length) return 'trailing_data';
  if (layout.pixels > MAX_IMAGE_PIXELS) return 'too_many_pixels';
  try {
    // Checks every chunk's CRC, inflates the image data and unfilters every row.
    PNG.sync.read(asBuffer(bytes));
    return 'sound';
  } catch {
    return 'damaged';
  }
}

/** Start-of-frame markers, which carry the image size (C4, C8 and CC are other segments). */
const isFrameMarker = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isRestartMarker = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/** Just past the entropy-coded data starting at `at`: the next marker that is not a stuffed 0xFF00 or a restart. */
function endOfScan(bytes: Uint8Array, at: number): number | undefined {
  for (let i = at; i + 1 < bytes.length; i += 1) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    if (next === 0x00 || isRestartMarker(next)) i += 1;
    else if (next !== 0xff) return i;
  }
  return undefined;
}

/**
 * Where a JPEG ends (just after EOI) and its pixel count, walking its segments and scans; undefined
 * when it stops before EOI or a segment is malformed. Thumbnails inside APP segments are skipped whole.
 */
function jpegLayout(bytes: Uint8Array): { end: number; pixels: number } | undefined {
  let pixels = 0;
  for (let at = 2; at + 1 < bytes.length; ) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    at += 2;
    if (marker === 0xff) {
      at -= 1; // a fill byte before the marker
      continue;
    }
    if (marker === 0xd9) return { end: at, pixels };
    if (isRestartMarker(marker) || marker === 0x01) continue;
    if (marker === 0x00 || marker === 0xd8 || at + 2 > bytes.length) return undefined;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return undefined;
    if (isFrameMarker(marker) && length >= 7) pixels = ((bytes[at + 3]! << 8) | bytes[at + 4]!) * ((bytes[at + 5]! << 8) | bytes[at + 6]!);
    at += length;
    if (marker === 0xda) {
      const next = endOfScan(bytes, at);
      if (next === undefined) return undefined;
      at = next;
    }
  }
  return undefined;
}

function checkJpeg(bytes: Uint8Array): ContentFinding {
  const layout = jpegLayout(bytes);
  if (!layout) return 'damaged';
  if (layout.end !== bytes.length) return 'trailing_data';
  if (layout.pixels > MAX_IMAGE_PIXELS) return 'too_many_pixels';
  try {
    decodeJpeg(bytes, { useTArray: true, maxResolutionInMP: MAX_IMAGE_MEGAPIXELS, maxMemoryUsageInMB: MAX_JPEG_DECODE_MB });
    return 'sound';
  } catch {
    return 'damaged';
  }
}

/**
 * Checks a whole uploaded file against the type declared for it (no declared type matches nothing).
 * Call it only within the upload size limit: the file is parsed or decoded in memory.
 */
export async function checkMaterialContent(declared: MaterialContentType | undefined, bytes: Uint8Array): Promise<ContentFinding> {
  const actual = sniffMaterialType(bytes);
  if (!actual) return 'unrecognised';
  if (declared !== actual) return 'type_mismatch';
  if (actual === 'application/pdf') return checkPdf(bytes);
  return actual === 'image/png' ? checkPng(bytes) : checkJpeg(bytes);
}
