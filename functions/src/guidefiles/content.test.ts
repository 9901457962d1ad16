import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { checkGuideFileContent } from './content';
import { declaredGuideFileType, guideFileKey } from './keys';

const SEED_PDF = readFileSync(path.resolve(__dirname, '../../../data/guide-files/shouquan-weituoshu-blank.pdf'));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

/** A ZIP of stored (uncompressed) entries: enough of an Office Open XML container for the check. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const docx = () => zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
const xlsx = () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
/** An OLE2 compound file header followed by a directory naming the stream. */
const ole = (stream: string) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from(stream, 'utf16le'), Buffer.alloc(1024)]);
/** The start of a Windows executable. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200), Buffer.from('This program cannot be run in DOS mode.')]);

describe('checking an uploaded guide file', () => {
  it('accepts a sound PDF and counts its pages', async () => {
    expect(await checkGuideFileContent('application/pdf', SEED_PDF)).toEqual({ finding: 'sound', pages: 1 });
  });

  it('refuses an executable renamed .pdf, and anything declared PDF that is not one', async () => {
    expect((await checkGuideFileContent('application/pdf', EXE)).finding).toBe('unrecognised');
    expect((await checkGuideFileContent('application/pdf', docx())).finding).toBe('unrecognised');
    expect((await checkGuideFileContent('application/pdf', SEED_PDF.subarray(0, 4000))).finding).toBe('damaged');
  });

  it('accepts Word and Excel files by their container and content', async () => {
    expect(await checkGuideFileContent(DOCX, docx())).toEqual({ finding: 'sound' });
    expect(await checkGuideFileContent(XLSX, xlsx())).toEqual({ finding: 'sound' });
    expect(await checkGuideFileContent('application/msword', ole('WordDocument'))).toEqual({ finding: 'sound' });
    expect(await checkGuideFileContent('application/vnd.ms-excel', ole('Workbook'))).toEqual({ finding: 'sound' });
  });

  it('refuses a Word file that is a spreadsheet, a ZIP of something else, an executable and a truncated file', async () => {
    expect((await checkGuideFileContent(DOCX, xlsx())).finding).toBe('type_mismatch');
    expect((await checkGuideFileContent('application/msword', ole('Workbook'))).finding).toBe('type_mismatch');
    expect((await checkGuideFileContent(DOCX, ole('WordDocument'))).finding).toBe('type_mismatch');
    expect((await checkGuideFileContent(DOCX, zip({ 'readme.txt': 'hello' }))).finding).toBe('unrecognised');
    expect((await checkGuideFileContent(DOCX, EXE)).finding).toBe('unrecognised');
    expect((await checkGuideFileContent(DOCX, SEED_PDF)).finding).toBe('type_mismatch');
    expect((await checkGuideFileContent(XLSX, xlsx().subarray(0, 60))).finding).toBe('damaged');
  });
});

describe('guide file keys', () => {
  it('stores a file under its hash with the extension of its type', () => {
    expect(guideFileKey({ fileId: 'a'.repeat(64), contentType: DOCX })).toBe(`guide-files/${'a'.repeat(64)}.docx`);
  });

  it('reads the declared type back from an upload key', () => {
    expect(declaredGuideFileType('guide-file-uploads/u/1.xlsx')).toBe(XLSX);
    expect(declaredGuideFileType('guide-file-uploads/u/1.exe')).toBeUndefined();
    expect(declaredGuideFileType('guide-file-uploads/u/1')).toBeUndefined();
  });
});
