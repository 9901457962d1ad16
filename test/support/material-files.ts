import type { Material } from '@ah-tourism/shared';
import jpeg from 'jpeg-js';

/** A minimal PDF that parses (the content every material without a stated spec gets in the tests). */
export const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * A JPEG photo of `width`×`height` pixels that decodes, the same bytes every run: a gradient with
 * deterministic grain, so it compresses to a realistic size (tens of KB at this size), not to a few bytes.
 */
export function photoJpeg(width: number, height: number, quality = 75): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let seed = 0x2f6b1d;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 16) % 48;
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      data[at] = (200 + grain()) & 0xff;
      data[at + 1] = (120 + (x * 80) / width + grain()) & 0xff;
      data[at + 2] = (90 + (y * 100) / height + grain()) & 0xff;
      data[at + 3] = 255;
    }
  }
  return jpeg.encode({ data, width, height }, quality).data;
}

/** A file for a material as the tests upload it: a photo meeting the guide's own spec where it states one, else a PDF. */
export function fileFor(material: Pick<Material, 'fileSpec'>): { content: Buffer; contentType: string; fileName: string } {
  const spec = material.fileSpec;
  if (spec?.types?.includes('jpg')) return { content: photoJpeg(Math.max(spec.minWidth ?? 358, 358), Math.max(spec.minHeight ?? 441, 441)), contentType: 'image/jpeg', fileName: 'photo.jpg' };
  return { content: MINIMAL_PDF, contentType: 'application/pdf', fileName: 'material.pdf' };
}
