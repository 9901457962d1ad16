import type { GuideFile } from './guide-file';

export type { GuideFile };

/*
 * What the app needs to show and save guide files, without zod (the mini-program imports this module
 * directly): the accepted types, names and sizes as shown, and every file a guide refers to.
 */
export const GUIDE_FILE_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'application/msword': { extension: 'doc', label: 'Word' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word' },
  'application/vnd.ms-excel': { extension: 'xls', label: 'Excel' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', label: 'Excel' },
  'image/jpeg': { extension: 'jpg', label: 'JPG' },
  'image/png': { extension: 'png', label: 'PNG' },
} as const;

export type GuideFileContentType = keyof typeof GUIDE_FILE_TYPES;
export const GUIDE_FILE_CONTENT_TYPES = Object.keys(GUIDE_FILE_TYPES) as [GuideFileContentType, ...GuideFileContentType[]];

/** The largest guide file a list editor may upload. */
export const MAX_GUIDE_FILE_BYTES = 10 * 1024 * 1024;

/** `旅行社业务经营许可申请书（空白表格）` + PDF → the name a downloaded copy is saved under. */
export function guideFileDownloadName(file: Pick<GuideFile, 'name' | 'contentType'>): string {
  const extension = GUIDE_FILE_TYPES[file.contentType].extension;
  const base = file.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/** 1536 → "1.5 KB"; for the size shown beside a download button. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "PDF，3页，52 KB": what a download button says about its file. */
export function describeGuideFile(file: GuideFile): string {
  const parts: string[] = [GUIDE_FILE_TYPES[file.contentType].label];
  if (file.pages) parts.push(`${file.pages}页`);
  parts.push(formatFileSize(file.size));
  return parts.join('，');
}

/** The kinds of file a guide offers, by where they sit. */
export type GuideFileRole = 'blank_form' | 'sample' | 'result_sample';

/** Every file a guide refers to, with where it sits; a file used twice is listed twice. */
export function guideFilesOf(guide: {
  materials: readonly { id: string; blankForm?: GuideFile; sample?: GuideFile }[];
  result: { sample?: GuideFile };
}): { role: GuideFileRole; materialId?: string; file: GuideFile }[] {
  const files: { role: GuideFileRole; materialId?: string; file: GuideFile }[] = [];
  for (const material of guide.materials) {
    if (material.blankForm) files.push({ role: 'blank_form', materialId: material.id, file: material.blankForm });
    if (material.sample) files.push({ role: 'sample', materialId: material.id, file: material.sample });
  }
  if (guide.result.sample) files.push({ role: 'result_sample', file: guide.result.sample });
  return files;
}
