import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthStore, UserRecord } from '../auth/store';
import { guideFileUploadChecks } from './upload-checks';
import { guideFileUploadTickets } from './upload-tickets';

const PDF = readFileSync(path.resolve(__dirname, '../../../data/guide-files/shouquan-weituoshu-blank.pdf'));
const EDITOR = { userId: 'u-editor', sessionId: 's', provincialAdmin: false };
const REVIEWER = { userId: 'u-reviewer', sessionId: 's', provincialAdmin: false };
const staff = (permissions: string[]) => ({ staffId: 'st', organisationCode: 'org', organisationName: '局', regionCode: '341000', level: 'city', permissions });
const USERS: Record<string, UserRecord> = {
  'u-editor': { userId: 'u-editor', displayName: '冯编制', openid: 'o1', createdAt: '2026-01-01', staff: staff(['list_editor']) } as UserRecord,
  'u-reviewer': { userId: 'u-reviewer', displayName: '赵审查', openid: 'o2', createdAt: '2026-01-01', staff: staff(['review']) } as UserRecord,
};
const people = { user: async (id: string) => USERS[id] } as unknown as AuthStore;

/** S3 stood in by a map: uploads by key, published files by key. */
function memoryStorage() {
  const objects = new Map<string, Uint8Array>();
  const published: string[] = [];
  return {
    objects,
    published,
    ticket: async (key: string) => ({ url: 'https://bucket.example', fields: { key } }),
    read: async (key: string) => objects.get(key),
    publish: async (key: string, bytes: Uint8Array) => {
      published.push(key);
      objects.set(key, bytes);
    },
  };
}

describe('list editors\' uploads of guide files', () => {
  it('tickets a key under the editor\'s own prefix with the extension of the declared type', async () => {
    const tickets = guideFileUploadTickets({ people, storage: memoryStorage() });
    const ticket = await tickets.ticket(EDITOR, { contentType: 'application/vnd.ms-excel', size: 100 });
    expect(ticket.key).toMatch(/^guide-file-uploads\/u-editor\/[0-9a-f-]{36}\.xls$/);
    expect(ticket.maxBytes).toBe(10 * 1024 * 1024);
    await expect(tickets.ticket(REVIEWER, { contentType: 'application/pdf', size: 100 })).rejects.toMatchObject({ code: 'AUTH_FORBIDDEN' });
    await expect(tickets.ticket({ userId: 'gone', sessionId: 's', provincialAdmin: false }, { contentType: 'application/pdf', size: 100 })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it('stores a sound file under its hash and answers the same reference every time it is confirmed', async () => {
    const storage = memoryStorage();
    const checks = guideFileUploadChecks({ people, storage });
    const key = 'guide-file-uploads/u-editor/00000000-0000-4000-8000-000000000000.pdf';
    storage.objects.set(key, PDF);
    const first = await checks.confirm(EDITOR, { key, name: '授权委托书（空白表格）' });
    const fileId = createHash('sha256').update(PDF).digest('hex');
    expect(first).toEqual({ name: '授权委托书（空白表格）', fileId, contentType: 'application/pdf', size: PDF.length, pages: 1 });
    expect(await checks.confirm(EDITOR, { key, name: '授权委托书（空白表格）' })).toEqual(first);
    expect(storage.published).toEqual([`guide-files/${fileId}.pdf`, `guide-files/${fileId}.pdf`]);
  });

  it('refuses other users\' keys, keys no ticket could name, missing and empty uploads, and content of another type', async () => {
    const storage = memoryStorage();
    const checks = guideFileUploadChecks({ people, storage });
    const own = (name: string) => `guide-file-uploads/u-editor/${name}`;
    storage.objects.set('guide-file-uploads/u-other/00000000-0000-4000-8000-000000000000.pdf', PDF);
    storage.objects.set(own('00000000-0000-4000-8000-000000000001.pdf'), new Uint8Array());
    storage.objects.set(own('00000000-0000-4000-8000-000000000002.docx'), PDF);
    const confirm = (key: string) => checks.confirm(EDITOR, { key, name: '表' });
    await expect(confirm('guide-file-uploads/u-other/00000000-0000-4000-8000-000000000000.pdf')).rejects.toMatchObject({ code: 'GUIDE_FILE_UPLOAD_NOT_FOUND' });
    await expect(confirm(own('../u-other/00000000-0000-4000-8000-000000000000.pdf'))).rejects.toMatchObject({ code: 'GUIDE_FILE_UPLOAD_NOT_FOUND' });
    await expect(confirm(own('00000000-0000-4000-8000-000000000009.pdf'))).rejects.toMatchObject({ code: 'GUIDE_FILE_UPLOAD_NOT_FOUND' });
    await expect(confirm(own('00000000-0000-4000-8000-000000000001.pdf'))).rejects.toMatchObject({ code: 'GUIDE_FILE_INVALID', message: '文件是空的，请重新选择文件上传' });
    await expect(confirm(own('00000000-0000-4000-8000-000000000002.docx'))).rejects.toMatchObject({ code: 'GUIDE_FILE_INVALID', message: '文件内容与所选类型不符，请确认文件类型后重新上传' });
    await expect(checks.confirm(REVIEWER, { key: own('x.pdf'), name: '表' })).rejects.toMatchObject({ code: 'AUTH_FORBIDDEN' });
    expect(storage.published).toEqual([]);
  });
});
