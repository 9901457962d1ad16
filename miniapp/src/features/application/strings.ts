import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'
/** Messages of the upload helpers (the page's own wording is in pages/cases/apply/strings.ts). */
export const APPLICATION_STRINGS = localize('features/application/APPLICATION_STRINGS', {
  wrongType: '只能上传 PDF、JPG 或 PNG 文件',
  emptyFile: '文件是空的，请重新选择',
  tooLarge: (mb: number) => `文件不能超过${mb}MB，请压缩或拆分后上传`,
  pickFromChat: '从聊天文件中选择（PDF、JPG、PNG）',
  pickFromAlbum: '从手机相册选择图片',
  takePhoto: '拍照',
  pickFailed: '没有选到文件，请重试',

  // an upload slot
  upload: '上传文件',
  uploadMore: '继续上传',
  uploading: (name: string) => `正在上传“${name}”…`,
  replace: '替换',
  replaceLabel: (name: string) => `替换文件${name}`,
  remove: '删除',
  removeLabel: (name: string) => `删除文件${name}`,
  tooMany: (n: number) => `每项材料最多上传${n}个文件`,
  pdf: 'PDF',
  image: '图片',

  // names of a picked file that has none of its own (a photo) or none left after cleaning
  photoFileName: '拍照',
  imageFileName: '图片',
  unnamedFileName: '文件',
} as const, en.APPLICATION_STRINGS)
