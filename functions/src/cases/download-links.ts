import { config } from '../platform/config';
import { requestPresigner, s3 } from '../platform/s3';

const DOWNLOAD_TTL_SECONDS = 5 * 60;

export interface DownloadLinks {
  downloadUrl(key: string, fileName: string): Promise<{ url: string; expiresAt: string }>;
}

/** Five-minute presigned GETs of material files, saved under their original names (S3 modules load on first use). */
export function s3DownloadLinks(): DownloadLinks {
  const bucket = config().materialsBucket;
  return {
    async downloadUrl(key, fileName) {
      const [{ client, sdk }, { getSignedUrl }] = await Promise.all([s3(), requestPresigner()]);
      const url = await getSignedUrl(
        client,
        new sdk.GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }),
        { expiresIn: DOWNLOAD_TTL_SECONDS },
      );
      return { url, expiresAt: new Date(Date.now() + DOWNLOAD_TTL_SECONDS * 1000).toISOString() };
    },
  };
}
