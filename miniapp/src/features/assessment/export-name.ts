import type { AssessmentQuery } from './api'

export type ExportOutcome = 'shared' | 'saved' | 'cancelled'

/** The file's name: 网上考核_安徽省_2026-01_2026-06.csv. */
export function exportFileName(scopeName: string, query: AssessmentQuery): string {
  return `网上考核_${scopeName.replace(/[\\/:*?"<>|\s]+/g, '')}_${query.from}_${query.to}.csv`
}
