import Taro from '@tarojs/taro'
import { clientError, errorFromFailure } from '@/services/api-error'
import type { DownloadLink } from './api'

/** The document viewer's file types, by content type; PDF otherwise. */
const DOCUMENT_TYPES: Record<string, 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx'> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
}

/**
 * Mini-program variant: downloads the file from its short-lived link and opens it (PDF in the
 * document viewer with its menu, so it can be saved or forwarded; Word and Excel files too; pictures in the
 * image viewer). (H5: open-file.h5.ts.) On WeChat the bucket host
 * must be listed among the download domains.
 */
export async function openDownloadedFile(link: Pick<DownloadLink, 'url' | 'fileName'>, contentType: string): Promise<void> {
  let result: { statusCode: number; tempFilePath: string }
  try {
    result = await Taro.downloadFile({ url: link.url })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  // An expired link answers 403: the caller may ask for a new one.
  if (result.statusCode === 403) throw clientError('LINK_EXPIRED')
  if (result.statusCode < 200 || result.statusCode >= 300) throw clientError('RESPONSE_INVALID')
  if (contentType.startsWith('image/')) {
    await Taro.previewImage({ urls: [result.tempFilePath], current: result.tempFilePath })
  } else {
    await Taro.openDocument({ filePath: result.tempFilePath, fileType: DOCUMENT_TYPES[contentType] ?? 'pdf', showMenu: true })
  }
}
