// Types only: the shared layout's schemas stay out of the mini-program's packages.
import type { ImportResult, ImportSummary } from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'

/** 导入全国旅游监管服务平台办件: the organisation administrator's imports. */

export const IMPORTS_PATH = '/staff/imports'
export const reportPath = (importId: string) => `${IMPORTS_PATH}/${encodeURIComponent(importId)}/report`

export interface ImportFile {
  format: 'csv' | 'json'
  content: string
  fileName?: string
}

export async function importNationalRecords(file: ImportFile): Promise<ImportResult> {
  return (await requestJson<ImportResult>('POST', IMPORTS_PATH, { auth: true, body: file })).data
}

export async function listImports(): Promise<ImportSummary[]> {
  return (await getJson<{ items: ImportSummary[] }>(IMPORTS_PATH, { auth: true })).items
}

/** The format a file's name says; a name without .csv or .json is read as CSV when it does not start like JSON. */
export function formatOf(fileName: string, content: string): 'csv' | 'json' {
  if (/\.json$/i.test(fileName)) return 'json'
  if (/\.csv$/i.test(fileName)) return 'csv'
  return /^\uFEFF?\s*\[/.test(content) ? 'json' : 'csv'
}
