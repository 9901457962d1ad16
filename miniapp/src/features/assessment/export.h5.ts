import { errorFromFailure, errorFromResponse } from '@/services/api-error'
import { API_BASE } from '@/services/config'
import { accessToken, toQueryString } from '@/services/http'
import { EXPORT_PATH, type AssessmentQuery } from './api'
import { exportFileName, type ExportOutcome } from './export-name'

/**
 * H5 variant: fetches the CSV with the session's Authorization header (a plain link could not send
 * it) and hands it to the browser as a download named after the scope and period.
 */
export async function exportCsv(query: AssessmentQuery, scopeName: string): Promise<ExportOutcome> {
  const token = await accessToken()
  let response: Response
  try {
    response = await fetch(`${API_BASE}${EXPORT_PATH}${toQueryString({ scope: query.scope, from: query.from, to: query.to })}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/csv' },
    })
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => ({}))
    throw errorFromResponse(response.status, body)
  }
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = exportFileName(scopeName, query)
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return 'saved'
}
