import Taro from '@tarojs/taro'
import { errorFromFailure, errorFromResponse } from '@/services/api-error'
import { API_BASE } from '@/services/config'
import { accessToken } from '@/services/http'
import { reportPath } from './api'
import { IMPORT_STRINGS as S } from './strings'

export type ReportOutcome = 'shared' | 'saved' | 'cancelled'

/**
 * Mini-program variant: downloads the row report with the session, then offers to send it to a chat
 * (`openDocument` does not open CSV); if sharing is not possible the file is kept. (H5: report.h5.ts.)
 */
export async function downloadReport(importId: string, fileName: string): Promise<ReportOutcome> {
  const token = await accessToken()
  let result: { statusCode: number; tempFilePath: string }
  try {
    result = await Taro.downloadFile({ url: `${API_BASE}${reportPath(importId)}`, header: { Authorization: `Bearer ${token}`, Accept: 'text/csv' } })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  if (result.statusCode < 200 || result.statusCode >= 300) throw errorFromResponse(result.statusCode, {})
  const { confirm } = await Taro.showModal({ title: S.reportReady, content: S.reportHint(fileName), confirmText: S.sendToChat, cancelText: S.cancel })
  if (!confirm) return 'cancelled'
  try {
    await Taro.shareFileMessage({ filePath: result.tempFilePath, fileName })
    return 'shared'
  } catch {
    await Taro.saveFile({ tempFilePath: result.tempFilePath })
    return 'saved'
  }
}
