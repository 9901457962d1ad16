import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/** Wording of a guide's file field for list editors (guide-file-field.tsx, guide-file-upload.ts). */
export const GUIDE_FILE_FIELD_STRINGS = localize('features/catalog/GUIDE_FILE_FIELD_STRINGS', {
  none: '未上传文件',
  choose: '选择文件',
  replace: '更换文件',
  remove: '删除',
  uploading: '正在上传并检查文件…',
  chooseLabel: (label: string) => `为“${label}”选择文件上传`,
  removeLabel: (label: string) => `删除“${label}”的文件`,
  chatLabel: '从聊天文件中选择（PDF、Word、Excel、JPG、PNG）',
} as const, en.GUIDE_FILE_FIELD_STRINGS)

export const GUIDE_FILE_UPLOAD_STRINGS = localize('features/catalog/GUIDE_FILE_UPLOAD_STRINGS', {
  wrongType: '只能上传 PDF、Word（DOC/DOCX）、Excel（XLS/XLSX）、JPG 或 PNG 文件',
  emptyFile: '文件是空的，请重新选择',
  tooLarge: (mb: number) => `文件不能超过${mb}MB，请压缩或拆分后上传`,
} as const, en.GUIDE_FILE_UPLOAD_STRINGS)
