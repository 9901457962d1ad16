import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { GuideFile, GuideFileLink, ImplementationItem, UploadTicket } from '@ah-tourism/shared';
import { LOCAL_MATERIALS_BUCKET, localS3Client } from '../../scripts/local/s3-local';
import { loadCatalogSeed } from '../../scripts/seed/catalog-data';
import { putSeedGuideFiles } from '../../scripts/seed/guide-files/upload';
import { api } from '../support/api';
import { asUser, cityItem, newUser, signInAs, travelAgencyItem } from '../support/applications';

/*
 * Guide files end to end: the seeded blank forms, samples and result samples are in (local) S3 under their
 * hash, a public route answers short-lived links to those of a published guide version, and list editors
 * upload new ones, which are checked for their real type before they are stored.
 */
const SEED_DIR = path.resolve(__dirname, '../../data/guide-files');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = { 'Content-Type': 'application/json' };
const linkPath = (item: ImplementationItem, fileId: string, version = item.version) =>
  `/catalog/items/${item.implementationCode}/versions/${version}/files/${fileId}`;

/** A Windows executable's first bytes, which is what a renamed program starts with. */
const EXECUTABLE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(120), Buffer.from('This program cannot be run in DOS mode.\r\n')]);

async function realPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.setTitle(`guide-file-test-${randomUUID()}`);
  document.addPage([595, 842]).drawText('Blank form (test)', { x: 50, y: 780 });
  document.addPage([595, 842]);
  return Buffer.from(await document.save());
}

/** A ticket, then the file posted to S3 exactly as the phone posts it. */
async function uploadAs(token: string, content: Buffer, contentType: string, fileName: string): Promise<UploadTicket> {
  const ticket = await api<UploadTicket>('/staff/guide-files/uploads', { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ contentType, size: content.length }) });
  expect(ticket.status).toBe(201);
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', new Blob([content], { type: contentType }), fileName);
  const posted = await fetch(ticket.body.url, { method: 'POST', body: form });
  expect(posted.status).toBeLessThan(300);
  return ticket.body;
}

const confirm = (token: string, key: string, name: string) =>
  api<GuideFile & { code?: string }>('/staff/guide-files', { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ key, name }) });

let item: ImplementationItem;
let blankForm: GuideFile;
let editor: string;

beforeAll(async () => {
  item = await travelAgencyItem();
  blankForm = item.guide.materials.find((m) => m.blankForm?.name === '旅行社业务经营许可申请书（空白表格）')!.blankForm!;
  editor = (await signInAs('city-list_editor')).accessToken;
});

describe('downloading a guide\'s files', () => {
  it('answers a link of a seeded blank form that downloads its exact bytes, as a PDF saved under its name', async () => {
    const res = await api<GuideFileLink>(linkPath(item, blankForm.fileId));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.file).toEqual(blankForm);
    expect(res.body.fileName).toBe('旅行社业务经营许可申请书（空白表格）.pdf');
    const file = await fetch(res.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(res.body.fileName)}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.equals(readFileSync(path.join(SEED_DIR, 'lvxingshe-xuke-shenqingshu-blank.pdf')))).toBe(true);
    expect(sha256(bytes)).toBe(blankForm.fileId);
  });

  it('were put in S3 by the seed, which finds them all there when it runs again and writes nothing', async () => {
    const client = localS3Client(process.env.S3_ENDPOINT!);
    try {
      const again = await putSeedGuideFiles(client, LOCAL_MATERIALS_BUCKET, loadCatalogSeed().items);
      expect(again.written).toBe(0);
      expect(again.present).toBeGreaterThanOrEqual(40);
    } finally {
      client.destroy();
    }
  });

  it('serves result samples too', async () => {
    const sample = item.guide.result.sample!;
    const res = await api<GuideFileLink>(linkPath(item, sample.fileId));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await (await fetch(res.body.url)).arrayBuffer());
    expect(sha256(bytes)).toBe(sample.fileId);
    expect(bytes.length).toBe(sample.size);
  });

  it('gives a link that stops working after five minutes', async () => {
    const before = Date.now();
    const res = await api<GuideFileLink>(linkPath(item, blankForm.fileId));
    const url = new URL(res.body.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const expiresIn = Date.parse(res.body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
    // The same link as it stands six minutes after it was signed (local S3 checks expiry, not signatures).
    const signedAt = url.searchParams.get('X-Amz-Date')!;
    const iso = `${signedAt.slice(0, 4)}-${signedAt.slice(4, 6)}-${signedAt.slice(6, 11)}:${signedAt.slice(11, 13)}:${signedAt.slice(13)}`;
    url.searchParams.set('X-Amz-Date', new Date(Date.parse(iso) - 6 * 60_000).toISOString().replace(/[-:]|\.\d{3}/g, ''));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it('answers 404 with a Chinese message for a file not in that guide version, and for a version never published', async () => {
    const unknown = await api(linkPath(item, 'f'.repeat(64)));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'GUIDE_FILE_NOT_FOUND', message: '该办事指南中没有这份文件，指南可能已更新，请返回指南刷新后再下载' });
    // A real file, but of another guide: not served through this one.
    const hotel = await cityItem('星级饭店评定');
    const otherGuides = await api(linkPath(item, hotel.guide.result.sample!.fileId));
    expect(otherGuides.status).toBe(404);
    expect(otherGuides.body.code).toBe('GUIDE_FILE_NOT_FOUND');
    const noVersion = await api(linkPath(item, blankForm.fileId, item.version + 50));
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.code).toBe('CATALOG_ITEM_NOT_FOUND');
  });

  it('refuses a malformed file id or version with the field named', async () => {
    const res = await api(linkPath(item, 'not-a-hash'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ path: 'fileId', message: '文件标识应为文件内容的 SHA-256 摘要（64位小写十六进制）' }]);
    const version = await api(`/catalog/items/${item.implementationCode}/versions/0/files/${blankForm.fileId}`);
    expect(version.status).toBe(400);
    expect(version.body.details).toEqual([{ path: 'version', message: '指南版本应为正整数' }]);
  });
});

describe('uploading a guide file (list editors)', () => {
  it('accepts a real PDF: stores it under its hash and answers the reference for a draft; confirming again answers the same', async () => {
    const pdf = await realPdf();
    const ticket = await uploadAs(editor, pdf, 'application/pdf', '申请书.pdf');
    expect(ticket.key).toMatch(/^guide-file-uploads\/[^/]+\/[0-9a-f-]{36}\.pdf$/);
    expect(ticket.maxBytes).toBe(10 * 1024 * 1024);
    const res = await confirm(editor, ticket.key, '旅行社业务经营许可申请书（空白表格）');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: '旅行社业务经营许可申请书（空白表格）', fileId: sha256(pdf), contentType: 'application/pdf', size: pdf.length, pages: 2 });
    const again = await confirm(editor, ticket.key, '旅行社业务经营许可申请书（空白表格）');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    // Stored where links point, with these very bytes.
    const stored = await fetch(`${process.env.S3_ENDPOINT}/${LOCAL_MATERIALS_BUCKET}/guide-files/${sha256(pdf)}.pdf`);
    expect(stored.status).toBe(200);
    expect(Buffer.from(await stored.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses an executable renamed .pdf with a Chinese message and a stable code, and stores nothing', async () => {
    const ticket = await uploadAs(editor, EXECUTABLE, 'application/pdf', 'setup.pdf');
    const res = await confirm(editor, ticket.key, '空白表格');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'GUIDE_FILE_INVALID',
      message: '文件不是 PDF、Word、Excel、JPG 或 PNG 文件（例如改了扩展名的程序或压缩包），请上传真实的文件',
    });
    const stored = await fetch(`${process.env.S3_ENDPOINT}/${LOCAL_MATERIALS_BUCKET}/guide-files/${sha256(EXECUTABLE)}.pdf`);
    expect(stored.status).toBe(404);
  });

  it('refuses a Word upload that is really a PDF', async () => {
    const ticket = await uploadAs(editor, await realPdf(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'form.docx');
    const res = await confirm(editor, ticket.key, '空白表格');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'GUIDE_FILE_INVALID', message: '文件内容与所选类型不符，请确认文件类型后重新上传' });
  });

  it('refuses a type that is not a guide file type and a file above 10 MB before any upload, naming the field', async () => {
    const exe = await api('/staff/guide-files/uploads', { method: 'POST', headers: asUser(editor, json), body: JSON.stringify({ contentType: 'application/x-msdownload', size: 1000 }) });
    expect(exe.status).toBe(400);
    expect(exe.body.details).toEqual([{ path: 'contentType', message: '文件类型应为 PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、JPG 或 PNG' }]);
    const large = await api('/staff/guide-files/uploads', { method: 'POST', headers: asUser(editor, json), body: JSON.stringify({ contentType: 'application/pdf', size: 11 * 1024 * 1024 }) });
    expect(large.status).toBe(400);
    expect(large.body.details).toEqual([{ path: 'size', message: '文件不能超过10MB，请压缩或拆分后上传' }]);
  });

  it('refuses staff without the list-editor permission, citizens, and callers not signed in', async () => {
    const reviewer = (await signInAs('city-review')).accessToken;
    const citizen = await newUser();
    for (const token of [reviewer, citizen]) {
      const ticket = await api('/staff/guide-files/uploads', { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ contentType: 'application/pdf', size: 1000 }) });
      expect(ticket.status).toBe(403);
      expect(ticket.body).toEqual({ code: 'AUTH_FORBIDDEN', message: '您没有办理该业务的权限，如有疑问请联系单位管理员' });
      const confirmed = await confirm(token, 'guide-file-uploads/x/00000000-0000-0000-0000-000000000000.pdf', '空白表格');
      expect(confirmed.status).toBe(403);
    }
    const anonymous = await api('/staff/guide-files/uploads', { method: 'POST', headers: json, body: JSON.stringify({ contentType: 'application/pdf', size: 1000 }) });
    expect(anonymous.status).toBe(401);
  });

  it('confirms only the editor\'s own uploads', async () => {
    const ticket = await uploadAs(editor, await realPdf(), 'application/pdf', 'a.pdf');
    const otherEditor = (await signInAs('province-list_editor')).accessToken;
    const res = await confirm(otherEditor, ticket.key, '空白表格');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('GUIDE_FILE_UPLOAD_NOT_FOUND');
    const missing = await confirm(editor, ticket.key.replace(/[0-9a-f-]{36}/, randomUUID()), '空白表格');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('GUIDE_FILE_UPLOAD_NOT_FOUND');
  });
});
