import type { GuideFile, ImplementationItem } from '@ah-tourism/shared';
import { guideVersions } from '../catalog/guide-cache';
import { AppError } from '../platform/errors';
import { GUIDE_FILE_LINK_TTL_SECONDS, guideFileLinks } from './links';

const file = (name: string, c: string): GuideFile => ({ name, fileId: c.repeat(64), contentType: 'application/pdf', size: 1000, pages: 1 });
const BLANK_V1 = file('申请书（空白表格）', 'a');
const BLANK_V2 = file('申请书（空白表格）', 'b');
const RESULT = file('许可证（样本）', 'c');
const CODE = '000000000000000000000000000000000XX';

const version = (v: number, blankForm: GuideFile) =>
  ({ implementationCode: CODE, version: v, guide: { materials: [{ id: 'form', blankForm }], result: { sample: RESULT } } }) as unknown as ImplementationItem;

function service() {
  const stored = new Map([[1, version(1, BLANK_V1)], [2, version(2, BLANK_V2)]]);
  const presigned: unknown[][] = [];
  const links = guideFileLinks({
    versions: guideVersions({ getGuideVersion: async (_code, v) => stored.get(v) }),
    presign: async (...args) => {
      presigned.push(args);
      return `https://bucket.example/${args[0]}?signed`;
    },
    now: () => Date.parse('2026-12-01T00:00:00Z'),
  });
  return { links, presigned };
}

describe('links to guide files', () => {
  it('presigns a file of that version for five minutes, saved under its name', async () => {
    const { links, presigned } = service();
    const link = await links.link(CODE, 1, BLANK_V1.fileId);
    expect(link).toEqual({
      url: `https://bucket.example/guide-files/${BLANK_V1.fileId}.pdf?signed`,
      fileName: '申请书（空白表格）.pdf',
      expiresAt: '2026-12-01T00:05:00.000Z',
      file: BLANK_V1,
    });
    expect(presigned).toEqual([[`guide-files/${BLANK_V1.fileId}.pdf`, '申请书（空白表格）.pdf', 'application/pdf', GUIDE_FILE_LINK_TTL_SECONDS]]);
    expect((await links.link(CODE, 2, RESULT.fileId)).file).toEqual(RESULT);
  });

  it('keeps each version\'s own files: version 1 still serves its form after version 2 changed it', async () => {
    const { links } = service();
    expect((await links.link(CODE, 1, BLANK_V1.fileId)).file).toEqual(BLANK_V1);
    await expect(links.link(CODE, 1, BLANK_V2.fileId)).rejects.toMatchObject({ code: 'GUIDE_FILE_NOT_FOUND' });
    await expect(links.link(CODE, 2, BLANK_V1.fileId)).rejects.toMatchObject({ code: 'GUIDE_FILE_NOT_FOUND' });
  });

  it('answers not found for a version that was never published', async () => {
    const { links, presigned } = service();
    const error = await links.link(CODE, 3, BLANK_V1.fileId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CATALOG_ITEM_NOT_FOUND', status: 404 });
    expect(presigned).toEqual([]);
  });
});
