/**
 * Writes the seed guides' files to data/guide-files/: for each form a blank PDF and, where the guides
 * offer one, a filled sample; for each result a sample certificate. Run after changing forms.ts:
 *
 *     npx tsx scripts/seed/guide-files/generate.ts [font.ttc]
 *
 * The output is committed (the seed reads it; generating needs the Noto Sans CJK font, which Debian's
 * fonts-noto-cjk provides) and is the same bytes on every run: fixed dates, no random identifiers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../../local/paths';
import { CERTIFICATES, FORMS, SIGNATURE_ROWS, type CertificateDefinition, type Field, type FormDefinition } from './forms';

/** The part of pdfkit's API used here (the package ships no types). */
interface Doc {
  registerFont(name: string, file: string, family: string): Doc;
  font(name: string): Doc;
  fontSize(size: number): Doc;
  fillColor(color: string, opacity?: number): Doc;
  strokeColor(color: string): Doc;
  lineWidth(width: number): Doc;
  text(text: string, x?: number, y?: number, options?: Record<string, unknown>): Doc;
  text(text: string, options?: Record<string, unknown>): Doc;
  heightOfString(text: string, options?: Record<string, unknown>): number;
  rect(x: number, y: number, w: number, h: number): Doc;
  stroke(): Doc;
  save(): Doc;
  restore(): Doc;
  rotate(angle: number, options?: { origin: [number, number] }): Doc;
  moveDown(lines?: number): Doc;
  addPage(): Doc;
  on(event: 'data', listener: (chunk: Buffer) => void): Doc;
  on(event: 'end', listener: () => void): Doc;
  end(): void;
  y: number;
  page: { margins: { bottom: number } };
}
const PDFDocument = createRequire(__filename)('pdfkit') as new (options: Record<string, unknown>) => Doc;

const DEFAULT_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_FAMILY = 'NotoSansCJKsc-Regular';
export const GUIDE_FILES_DIR = path.join(REPO_ROOT, 'data', 'guide-files');
const FIXED_DATE = new Date('2026-11-01T00:00:00Z');
const ISSUER_NOTE = '安徽省文化和旅游厅 网上办事指南配套文件（演示数据，所列单位、人员和编号均为虚构）';

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const LABEL_WIDTH = 170;
const TABLE_WIDTH = PAGE.width - 2 * PAGE.margin;

function render(title: string, draw: (doc: Doc) => void, font: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: title, Author: '安徽省文化和旅游厅', Creator: 'ah-tourism seed', Producer: 'ah-tourism seed', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk) => chunks.push(chunk));
  doc.registerFont('sc', font, FONT_FAMILY).font('sc');
  draw(doc);
  doc.end();
  return done;
}

function watermark(doc: Doc, text: string): void {
  doc.save().rotate(-30, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.fillColor('#c0392b', 0.15).fontSize(56).text(text, 0, PAGE.height / 2 - 40, { width: PAGE.width, align: 'center', lineBreak: false });
  doc.restore().fillColor('#000000', 1);
}

function heading(doc: Doc, title: string, subtitle: string): void {
  doc.fontSize(20).text(title, PAGE.margin, PAGE.margin, { width: TABLE_WIDTH, align: 'center' });
  doc.moveDown(0.3).fontSize(11).fillColor('#555555').text(subtitle, { width: TABLE_WIDTH, align: 'center' }).fillColor('#000000');
  doc.moveDown(1);
}

/** Two-column rows (label | value) with ruled cells; blank rows are tall enough to write in. */
function table(doc: Doc, rows: readonly Field[], filled: boolean): void {
  doc.fontSize(11).lineWidth(0.8).strokeColor('#333333');
  for (const [label, value] of rows) {
    const text = filled ? value : '';
    const valueWidth = TABLE_WIDTH - LABEL_WIDTH - 16;
    const tall = /经历|事实|说明|签字|权限|事项/.test(label) ? 64 : 30;
    const height = Math.max(tall, doc.heightOfString(label, { width: LABEL_WIDTH - 16 }) + 14, doc.heightOfString(text, { width: valueWidth }) + 14);
    if (doc.y + height > PAGE.height - PAGE.margin - 40) doc.addPage();
    const top = doc.y;
    doc.rect(PAGE.margin, top, LABEL_WIDTH, height).stroke();
    doc.rect(PAGE.margin + LABEL_WIDTH, top, TABLE_WIDTH - LABEL_WIDTH, height).stroke();
    doc.text(label, PAGE.margin + 8, top + 7, { width: LABEL_WIDTH - 16 });
    if (text) doc.fillColor('#1a4fa0').text(text, PAGE.margin + LABEL_WIDTH + 8, top + 7, { width: valueWidth }).fillColor('#000000');
    doc.y = top + height;
  }
  doc.moveDown(1);
}

function footer(doc: Doc): void {
  // Below the bottom margin, where text would otherwise start a new page.
  doc.page.margins.bottom = 0;
  doc.fontSize(8).fillColor('#777777').text(ISSUER_NOTE, PAGE.margin, PAGE.height - PAGE.margin - 10, { width: TABLE_WIDTH, align: 'center', lineBreak: false });
  doc.fillColor('#000000');
}

export function formPdf(form: FormDefinition, filled: boolean, font = DEFAULT_FONT): Promise<Buffer> {
  const subtitle = filled ? '示例样表（填写示范，仅供参考，不作为申请材料）' : '空白表格（请用黑色签字笔填写或打印后签字盖章）';
  return render(`${form.title}（${filled ? '示例样表' : '空白表格'}）`, (doc) => {
    if (filled) watermark(doc, '示例样表 仅供参考');
    heading(doc, form.title, subtitle);
    if (form.addressee) doc.fontSize(12).text(form.addressee, PAGE.margin, doc.y).moveDown(0.6);
    table(doc, form.fields, filled);
    if (form.declaration) doc.fontSize(11).text(form.declaration, PAGE.margin, doc.y, { width: TABLE_WIDTH }).moveDown(1);
    if (form.addressee) table(doc, SIGNATURE_ROWS, filled);
    footer(doc);
  }, font);
}

export function certificatePdf(certificate: CertificateDefinition, font = DEFAULT_FONT): Promise<Buffer> {
  return render(`${certificate.name}`, (doc) => {
    watermark(doc, '样 本');
    heading(doc, certificate.title, '样本（仅供了解证照样式，不具法律效力）');
    table(doc, certificate.fields, true);
    doc.fontSize(12).text(`发证机关：${certificate.issuer}（印章）`, PAGE.margin, doc.y, { width: TABLE_WIDTH, align: 'right' });
    footer(doc);
  }, font);
}

async function main(): Promise<void> {
  const font = process.argv[2] ?? DEFAULT_FONT;
  mkdirSync(GUIDE_FILES_DIR, { recursive: true });
  const write = (name: string, bytes: Buffer) => {
    writeFileSync(path.join(GUIDE_FILES_DIR, name), bytes);
    console.log(`${name}  ${bytes.length} bytes`);
  };
  for (const form of FORMS) {
    write(`${form.slug}-blank.pdf`, await formPdf(form, false, font));
    if (form.sampleName) write(`${form.slug}-sample.pdf`, await formPdf(form, true, font));
  }
  for (const certificate of CERTIFICATES) write(`${certificate.slug}.pdf`, await certificatePdf(certificate, font));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
