import { errorFromFailure, errorFromResponse } from '@/services/api-error'
import { API_BASE } from '@/services/config'
import { accessToken } from '@/services/http'
import { reportPath } from './api'

export type ReportOutcome = 'shared' | 'saved' | 'cancelled'

/** H5 variant: fetches the row report with the session's Authorization header and hands it to the browser as a download. */
export async function downloadReport(importId: string, fileName: string): Promise<ReportOutcome> {
  const token = await accessToken()
  let response: Response
  try {
    response = await fetch(`${API_BASE}${reportPath(importId)}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/csv' } })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  if (!response.ok) throw errorFromResponse(response.status, await response.json().catch(() => ({})))
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return 'saved'
}
