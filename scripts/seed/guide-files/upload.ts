import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ImplementationItem } from '../../../shared/src/catalog/guide';
import { guideFileKey } from '../../../functions/src/guidefiles/keys';
import { DEFAULT_GUIDE_FILES_DIR, seedGuideFileObjects } from './seed-files';

/**
 * Puts the files the seed guides name into the bucket under guide-files/<sha256>.<ext>. Content-addressed:
 * a file already there (same key, so same bytes) is left alone, so seeding again writes nothing.
 * Answers how many files were written and how many were there already.
 */
export async function putSeedGuideFiles(
  client: S3Client,
  bucket: string,
  items: readonly ImplementationItem[],
  dir: string = DEFAULT_GUIDE_FILES_DIR,
): Promise<{ written: number; present: number }> {
  const counts = { written: 0, present: 0 };
  for (const { file, bytes } of seedGuideFileObjects(items, dir)) {
    const Key = guideFileKey(file);
    const there = await client.send(new HeadObjectCommand({ Bucket: bucket, Key })).then(
      (head) => head.ContentLength === file.size,
      () => false,
    );
    if (there) {
      counts.present += 1;
      continue;
    }
    await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: bytes, ContentType: file.contentType }));
    counts.written += 1;
  }
  return counts;
}

/** `npx tsx scripts/seed/guide-files/upload.ts <bucket>`: the same files to a deployed stage's materials bucket. */
async function main(): Promise<void> {
  const bucket = process.argv[2];
  if (!bucket) throw new Error('Usage: npx tsx scripts/seed/guide-files/upload.ts <materials bucket>');
  const { loadCatalogSeed } = await import('../catalog-data');
  const client = new S3Client({});
  try {
    const { written, present } = await putSeedGuideFiles(client, bucket, loadCatalogSeed().items);
    console.log(`guide files: ${written} written, ${present} already there`);
  } finally {
    client.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
