import { guideFileDownloadName, guideFilesOf, type GuideFileLink } from '@ah-tourism/shared';
import type { GuideVersions } from '../catalog/guide-cache';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { clientKey, takeFromWindow } from '../platform/rate-limit';
import { requestPresigner, s3 } from '../platform/s3';
import { guideFileKey } from './keys';

/** How long a download link works: enough to start a download on a slow connection, not to be passed around. */
export const GUIDE_FILE_LINK_TTL_SECONDS = 5 * 60;

/** Presigns a GET of one stored guide file, saved under the name it is shown with. */
export type GuideFilePresigner = (key: string, fileName: string, contentType: string, ttlSeconds: number) => Promise<string>;

export const s3GuideFilePresigner: GuideFilePresigner = async (key, fileName, contentType, ttlSeconds) => {
  const [{ client, sdk }, { getSignedUrl }] = await Promise.all([s3(), requestPresigner()]);
  const command = new sdk.GetObjectCommand({
    Bucket: config().materialsBucket,
    Key: key,
    ResponseContentType: contentType,
    ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
  return getSignedUrl(client, command, { expiresIn: ttlSeconds });
};

/** One source address's link requests this minute; beyond the limit the answer is 429 with Retry-After. */
export const takeGuideFileLinkRequest = (sourceIp: string | undefined) =>
  takeFromWindow('guide-file-links', clientKey(sourceIp ?? 'unknown'), config().guideFileLinksPerMinute);

/**
 * Short-lived links to the files of published guide versions, for anyone (guides are public). A file is
 * served only for a version that names it: an id from another guide, or from a draft, is not found.
 */
export function guideFileLinks(deps: { versions: GuideVersions; presign?: GuideFilePresigner; now?: () => number }) {
  const presign = deps.presign ?? s3GuideFilePresigner;
  const now = deps.now ?? Date.now;
  return {
    async link(implementationCode: string, version: number, fileId: string): Promise<GuideFileLink> {
      const item = await deps.versions.get(implementationCode, version);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND', '未找到该事项的这一版办事指南，请返回事项列表重新查找');
      const found = guideFilesOf(item.guide).find(({ file }) => file.fileId === fileId);
      if (!found) throw new AppError('GUIDE_FILE_NOT_FOUND');
      const fileName = guideFileDownloadName(found.file);
      const url = await presign(guideFileKey(found.file), fileName, found.file.contentType, GUIDE_FILE_LINK_TTL_SECONDS);
      return { url, fileName, expiresAt: new Date(now() + GUIDE_FILE_LINK_TTL_SECONDS * 1000).toISOString(), file: found.file };
    },
  };
}
