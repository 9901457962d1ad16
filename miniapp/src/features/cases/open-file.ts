import Taro from '@tarojs/taro'
import { clientError, errorFromFailure } from '@/services/api-error'
import type { DownloadLink } from './api'

/**
 * Mini-program variant: downloads the file from its short-lived link and opens it (PDF in the
 * document viewer, pictures in the image viewer). (H5: open-file.h5.ts.) On WeChat the bucket host
 * must be listed among the download domains.
 */
export async function openDownloadedFile(link: DownloadLink, contentType: string): Promise<void> {
  let result: { statusCode: number; tempFilePath: string }
  try {
    result = await Taro.downloadFile({ url: link.url })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  if (result.statusCode < 200 || result.statusCode >= 300) throw clientError('RESPONSE_INVALID')
  if (contentType.startsWith('image/')) {
    await Taro.previewImage({ urls: [result.tempFilePath], current: result.tempFilePath })
  } else {
    await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf', showMenu: true })
  }
}
