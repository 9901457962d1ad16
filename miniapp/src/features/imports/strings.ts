import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/** Words of the import helpers (the file dialog and the row report's download). */
export const IMPORT_STRINGS = localize('features/imports/IMPORT_STRINGS', {
  fileInputLabel: '选择要导入的文件',
  reportReady: '导入报告已生成',
  reportHint: (fileName: string) => `${fileName}\n发送到微信聊天后，可在电脑上用表格软件打开。`,
  sendToChat: '发送到聊天',
  cancel: '取消',
} as const, en.IMPORT_STRINGS)
