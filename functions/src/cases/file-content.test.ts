import { encode as encodeJpeg } from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { checkMaterialContent } from './file-content';

/** The tiny PDF the API tests upload: one catalog object and a trailer, no page. */
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** The 1×1 PNG the browser tests upload. */
const MINIMAL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000a49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082',
  'hex',
);
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n');

/** An RGBA test card of the given size. */
function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i += 1) data.set([(i * 7) & 0xff, (i * 13) & 0xff, (i * 29) & 0xff, 0xff], i * 4);
  return data;
}

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  pixels(width, height).copy(image.data);
  return PNG.sync.write(image);
}

const jpeg = (width: number, height: number) => encodeJpeg({ width, height, data: pixels(width, height) }, 80).data;

/** A real one-page PDF, as an editor writes it: objects, a cross-reference table, a trailer. */
async function onePagePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]).drawText('Business licence', { x: 20, y: 100, size: 12 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A PDF with its objects in compressed object streams and a cross-reference stream (PDF 1.5+). */
async function compressedPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([300, 300]);
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

/** `bytes` with one 16-bit big-endian value replaced. */
function withUint16(bytes: Buffer, at: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt16BE(value, at);
  return copy;
}

describe('the whole-file check of an upload', () => {
  describe('accepts complete files of the declared type', () => {
    it('PDFs: the API tests’ minimal one, a one-page document, object streams, trailing white space', async () => {
      expect(await checkMaterialContent('application/pdf', MINIMAL_PDF)).toBe('sound');
      expect(await checkMaterialContent('application/pdf', await onePagePdf())).toBe('sound');
      expect(await checkMaterialContent('application/pdf', await compressedPdf())).toBe('sound');
      // Scanners pad with NULs and line ends; PDF counts both as white space.
      expect(await checkMaterialContent('application/pdf', Buffer.concat([MINIMAL_PDF, Buffer.from('\r\n\0\0\0 \t')]))).toBe('sound');
    });

    it('a PDF saved again with an incremental update, so it holds two %%EOF', async () => {
      const original = await onePagePdf();
      const update = Buffer.from('2 0 obj<</Type/Catalog/Pages 3 0 R>>endobj\ntrailer<</Root 2 0 R/Prev 0>>\n%%EOF\n');
      expect(await checkMaterialContent('application/pdf', Buffer.concat([original, update]))).toBe('sound');
    });

    it('PNGs and JPEGs that decode', async () => {
      expect(await checkMaterialContent('image/png', MINIMAL_PNG)).toBe('sound');
      expect(await checkMaterialContent('image/png', png(64, 48))).toBe('sound');
      expect(await checkMaterialContent('image/jpeg', jpeg(64, 48))).toBe('sound');
    });

    it('a JPEG whose metadata carries a thumbnail, itself a whole JPEG with its own end marker', async () => {
      const photo = jpeg(32, 32);
      const thumbnail = jpeg(8, 8);
      const exif = Buffer.concat([Buffer.from('Exif\0\0'), thumbnail]);
      const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
      expect(await checkMaterialContent('image/jpeg', Buffer.concat([photo.subarray(0, 2), app1, photo.subarray(2)]))).toBe('sound');
    });
  });

  describe('refuses', () => {
    it('a PNG with an HTML page appended after IEND', async () => {
      expect(await checkMaterialContent('image/png', Buffer.concat([MINIMAL_PNG, HTML]))).toBe('trailing_data');
      expect(await checkMaterialContent('image/png', Buffer.concat([png(16, 16), HTML]))).toBe('trailing_data');
    });

    it('a JPEG with an HTML page appended after EOI', async () => {
      expect(await checkMaterialContent('image/jpeg', Buffer.concat([jpeg(16, 16), HTML]))).toBe('trailing_data');
    });

    it('a PDF with an HTML page appended after %%EOF', async () => {
      expect(await checkMaterialContent('application/pdf', Buffer.concat([MINIMAL_PDF, HTML]))).toBe('trailing_data');
      expect(await checkMaterialContent('application/pdf', Buffer.concat([await onePagePdf(), HTML]))).toBe('trailing_data');
    });

    it('a file of one accepted type declared as another', async () => {
      expect(await checkMaterialContent('image/png', MINIMAL_PDF)).toBe('type_mismatch');
      expect(await checkMaterialContent('image/jpeg', MINIMAL_PNG)).toBe('type_mismatch');
      expect(await checkMaterialContent('application/pdf', jpeg(8, 8))).toBe('type_mismatch');
      expect(await checkMaterialContent(undefined, MINIMAL_PDF)).toBe('type_mismatch');
    });

    it('anything that is none of PDF, JPG, PNG, whatever was declared', async () => {
      expect(await checkMaterialContent('application/pdf', Buffer.from('这不是PDF文件'))).toBe('unrecognised');
      expect(await checkMaterialContent('image/png', HTML)).toBe('unrecognised');
      expect(await checkMaterialContent('image/png', Buffer.from('GIF89a\x01\x00\x01\x00'))).toBe('unrecognised');
      expect(await checkMaterialContent('application/pdf', new Uint8Array())).toBe('unrecognised');
    });

    it('truncated PNGs and JPEGs', async () => {
      const image = png(32, 32);
      expect(await checkMaterialContent('image/png', image.subarray(0, image.length - 12))).toBe('damaged');
      expect(await checkMaterialContent('image/png', image.subarray(0, 40))).toBe('damaged');
      expect(await checkMaterialContent('image/png', image.subarray(0, 8))).toBe('damaged');
      const photo = jpeg(32, 32);
      expect(await checkMaterialContent('image/jpeg', photo.subarray(0, photo.length - 2))).toBe('damaged');
      expect(await checkMaterialContent('image/jpeg', photo.subarray(0, 100))).toBe('damaged');
    });

    it('a PNG whose image data was altered (its checksum no longer matches)', async () => {
      const image = png(32, 32);
      const idat = image.indexOf('IDAT');
      image[idat + 10] = image[idat + 10]! ^ 0xff;
      expect(await checkMaterialContent('image/png', image)).toBe('damaged');
    });

    it('a JPEG whose segments do not add up', async () => {
      const photo = jpeg(16, 16);
      // The first segment after SOI claims to run past the end of the file.
      expect(await checkMaterialContent('image/jpeg', withUint16(photo, 4, 0xfff0))).toBe('damaged');
    });

    it('corrupt and truncated PDFs', async () => {
      const whole = await onePagePdf();
      expect(await checkMaterialContent('application/pdf', whole.subarray(0, Math.floor(whole.length / 2)))).toBe('damaged');
      expect(await checkMaterialContent('application/pdf', Buffer.from('%PDF-1.7\nhello, this is not a PDF at all\n%%EOF\n'))).toBe('damaged');
      expect(await checkMaterialContent('application/pdf', Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n'))).toBe('damaged');
      expect(await checkMaterialContent('application/pdf', Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n1 0 obj<</Broken [1 2>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'))).toBe(
        'damaged',
      );
    });

    it('images above the pixel limit, before decoding them', async () => {
      // 8000 × 8000 claimed in the header: 64 million pixels, whatever the (tiny) data holds.
      const image = png(8, 8);
      const wide = Buffer.from(image);
      wide.writeUInt32BE(8000, 16);
      wide.writeUInt32BE(8000, 20);
      expect(await checkMaterialContent('image/png', wide)).toBe('too_many_pixels');
      const photo = jpeg(8, 8);
      const frame = photo.indexOf(Buffer.from([0xff, 0xc0]));
      expect(await checkMaterialContent('image/jpeg', withUint16(withUint16(photo, frame + 5, 8000), frame + 7, 8000))).toBe('too_many_pixels');
    });
  });
});
