import Taro from '@tarojs/taro'
import { errorFromFailure, errorFromResponse } from '@/services/api-error'
import { API_BASE } from '@/services/config'
import { accessToken, toQueryString } from '@/services/http'
import { EXPORT_PATH, type AssessmentQuery } from './api'
import { exportFileName, type ExportOutcome } from './export-name'
import { REPORT_STRINGS as R } from './strings'

/**
 * Mini-program variant: downloads the CSV with the session (`Taro.downloadFile` sends the
 * Authorization header), then offers to send it to a chat with `wx.shareFileMessage`, from where it
 * opens in a spreadsheet on the computer (`openDocument` does not open CSV). If sharing is not possible
 * the file is kept with `saveFile` and its place is shown. (H5: export.h5.ts, a browser download.)
 */
export async function exportCsv(query: AssessmentQuery, scopeName: string): Promise<ExportOutcome> {
  const token = await accessToken()
  let result: { statusCode: number; tempFilePath: string }
  try {
    result = await Taro.downloadFile({
      url: `${API_BASE}${EXPORT_PATH}${toQueryString({ scope: query.scope, from: query.from, to: query.to })}`,
      header: { Authorization: `Bearer ${token}`, Accept: 'text/csv' },
    })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  if (result.statusCode < 200 || result.statusCode >= 300) throw errorFromResponse(result.statusCode, {})
  const fileName = exportFileName(scopeName, query)
  const { confirm } = await Taro.showModal({
    title: R.exportReady,
    content: R.exportHint(fileName),
    confirmText: R.sendToChat,
    cancelText: R.cancel,
  })
  if (!confirm) return 'cancelled'
  try {
    await Taro.shareFileMessage({ filePath: result.tempFilePath, fileName })
    return 'shared'
  } catch {
    await Taro.saveFile({ tempFilePath: result.tempFilePath })
    return 'saved'
  }
}
