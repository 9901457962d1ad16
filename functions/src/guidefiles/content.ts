import type { GuideFileContentType, MaterialContentType } from '@ah-tourism/shared';
import PDFParser from 'pdf-lib/cjs/core/parser/PDFParser';
import PDFDict from 'pdf-lib/cjs/core/objects/PDFDict';
import PDFName from 'pdf-lib/cjs/core/objects/PDFName';
import { checkMaterialContent } from '../cases/file-content';
import { sniffMaterialType, type ContentFinding } from '../cases/file-type';

/*
 * The check of a file a list editor uploads for a guide. PDF, JPG and PNG get the same whole-file check
 * as applicants' materials (cases/file-content.ts: magic number, complete parse or decode, nothing after
 * the end). Word and Excel files are recognised by their container and what it holds:
 *   DOCX / XLSX  a ZIP whose entries include [Content_Types].xml and word/document.xml or xl/workbook.xml
 *   DOC / XLS    an OLE2 compound file holding a WordDocument or a Workbook (Book) stream
 * Anything else (an executable renamed .pdf, a text file, a ZIP of something else) is refused.
 */

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (text: string) => Buffer.from(text, 'utf16le');

const OFFICE: Partial<Record<GuideFileContentType, { container: 'zip' | 'ole'; marks: Buffer[] }>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { container: 'zip', marks: [Buffer.from('word/document.xml')] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { container: 'zip', marks: [Buffer.from('xl/workbook.xml')] },
  'application/msword': { container: 'ole', marks: [utf16('WordDocument')] },
  'application/vnd.ms-excel': { container: 'ole', marks: [utf16('Workbook'), utf16('Book\0')] },
};

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function containerOf(bytes: Buffer): 'zip' | 'ole' | undefined {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'zip';
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) return 'ole';
  return undefined;
}

function checkOffice(declared: GuideFileContentType, bytes: Buffer): ContentFinding {
  const container = containerOf(bytes);
  if (!container) return sniffMaterialType(bytes) ? 'type_mismatch' : 'unrecognised';
  const expected = OFFICE[declared];
  if (!expected || expected.container !== container) return 'type_mismatch';
  if (container === 'zip') {
    // The end-of-central-directory record sits in the last 22 bytes (plus a comment of up to 64 KB).
    if (bytes.lastIndexOf(ZIP_END) < Math.max(0, bytes.length - 22 - 65_535)) return 'damaged';
    if (!bytes.includes('[Content_Types].xml')) return 'unrecognised';
  } else if (bytes.length < 512 * 3) return 'damaged';
  return expected.marks.some((mark) => bytes.includes(mark)) ? 'sound' : 'type_mismatch';
}

/** Pages of a sound PDF: the page objects its catalog's tree leads to (counted from /Count of the root). */
async function pdfPages(bytes: Uint8Array): Promise<number | undefined> {
  try {
    const context = await PDFParser.forBytesWithOptions(bytes, Infinity, true, false).parseDocument();
    const root = context.lookup(context.trailerInfo.Root);
    if (!(root instanceof PDFDict)) return undefined;
    const pages = root.lookup(PDFName.of('Pages'));
    const count = pages instanceof PDFDict ? Number(pages.lookup(PDFName.of('Count'))?.toString()) : NaN;
    return Number.isInteger(count) && count > 0 ? count : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the whole file is the type declared for it, and its page count when it is a PDF. */
export async function checkGuideFileContent(declared: GuideFileContentType, bytes: Uint8Array): Promise<{ finding: ContentFinding; pages?: number }> {
  if (declared === 'application/pdf' || declared === 'image/jpeg' || declared === 'image/png') {
    const finding = await checkMaterialContent(declared as MaterialContentType, bytes);
    if (finding !== 'sound' || declared !== 'application/pdf') return { finding };
    const pages = await pdfPages(bytes);
    return pages ? { finding, pages } : { finding };
  }
  return { finding: checkOffice(declared, asBuffer(bytes)) };
}

/** What a list editor is told when a file is refused, by finding. */
export const REFUSAL_MESSAGES: Record<Exclude<ContentFinding, 'sound'>, string> = {
  unrecognised: '文件不是 PDF、Word、Excel、JPG 或 PNG 文件（例如改了扩展名的程序或压缩包），请上传真实的文件',
  type_mismatch: '文件内容与所选类型不符，请确认文件类型后重新上传',
  damaged: '文件已损坏或不完整，无法打开，请重新导出后上传',
  trailing_data: '文件末尾附带了其他内容，请重新导出后上传',
  too_many_pixels: '图片分辨率过高，请缩小后上传',
};
