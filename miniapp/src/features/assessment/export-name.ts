import type { AssessmentQuery } from './api'
import { REPORT_STRINGS as R } from './strings'

export type ExportOutcome = 'shared' | 'saved' | 'cancelled'

/** The file's name: 网上考核_安徽省_2026-01_2026-06.csv. */
export function exportFileName(scopeName: string, query: AssessmentQuery): string {
  return R.exportFileName(scopeName.replace(/[\\/:*?"<>|\s]+/g, ''), query.from, query.to)
}
