import { GUIDE_FILE_TYPES, type GuideFile, type GuideFileContentType } from '@ah-tourism/shared';

/*
 * Guide files in the materials bucket (README, "Guide files"):
 *   guide-files/<sha256>.<ext>                  a published file: written once, never changed, so every
 *                                               guide version keeps exactly the bytes it was published with
 *   guide-file-uploads/<user id>/<uuid>.<ext>   a list editor's upload, before it is checked; expires in a day
 */
export const GUIDE_FILES_PREFIX = 'guide-files/';
export const GUIDE_FILE_UPLOADS_PREFIX = 'guide-file-uploads/';

export const guideFileKey = (file: Pick<GuideFile, 'fileId' | 'contentType'>) =>
  `${GUIDE_FILES_PREFIX}${file.fileId}.${GUIDE_FILE_TYPES[file.contentType].extension}`;

export const guideFileUploadPrefix = (userId: string) => `${GUIDE_FILE_UPLOADS_PREFIX}${userId}/`;

const TYPE_OF_EXTENSION = new Map<string, GuideFileContentType>(
  (Object.keys(GUIDE_FILE_TYPES) as GuideFileContentType[]).map((type) => [GUIDE_FILE_TYPES[type].extension, type] as const),
);

/** The type an upload declared, read back from the extension its ticket put on the (server-chosen) key. */
export function declaredGuideFileType(key: string): GuideFileContentType | undefined {
  const extension = /\.([a-z]+)$/.exec(key)?.[1];
  return extension ? TYPE_OF_EXTENSION.get(extension) : undefined;
}
