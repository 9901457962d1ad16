/// <reference types="jest" />
import * as shared from '@ah-tourism/shared/src/text/china-time'
import { useLanguageForThisRun } from '@/i18n/catalogue'
import { CATALOG_STRINGS, visitsText, workingDaysText } from '@/features/catalog/labels'
import { calendarDate, chinaClock, chinaDate, chinaDateTime, chinaDay, chinaTimeRange, workingDays } from './format'
import { caseProgress } from './progress'
import { CASE_VIEW_STRINGS } from './strings'

const instants = ['2026-11-27T10:04:32Z', '2026-12-04T16:45:00.000Z', '2026-01-01T01:30:00Z', 'not a time']

afterEach(() => useLanguageForThisRun('zh-CN'))

describe('dates and times in the language of the run (China time)', () => {
  it('in Chinese, read exactly as the texts the server writes', () => {
    for (const iso of instants) {
      expect(chinaDateTime(iso)).toBe(shared.chinaDateTime(iso))
      expect(chinaDate(iso)).toBe(shared.chinaDate(iso))
      expect(chinaDay(iso)).toBe(shared.chinaDay(iso))
      expect(chinaClock(iso)).toBe(shared.chinaClock(iso))
      expect(chinaTimeRange(iso, '2026-12-04T17:15:00Z')).toBe(shared.chinaTimeRange(iso, '2026-12-04T17:15:00Z'))
    }
    expect(calendarDate('2026-11-01')).toBe('2026年11月1日')
    expect(workingDays(3)).toBe('3个工作日')
    expect(workingDaysText(0)).toBe('即时办结')
    expect(visitsText(1)).toBe('最多跑1次')
  })

  it('in English, day month year and a 24-hour clock, still in China time', () => {
    useLanguageForThisRun('en')
    expect(chinaDateTime('2026-12-04T16:45:00.000Z')).toBe('5 Dec 2026 00:45')
    expect(chinaDate('2026-11-27T10:04:32Z')).toBe('27 Nov 2026')
    expect(chinaDay('2026-01-01T01:30:00Z')).toBe('1 Jan 2026')
    expect(chinaTimeRange('2026-12-07T01:00:00Z', '2026-12-07T01:30:00Z')).toBe('7 Dec 2026 09:00–09:30')
    expect(calendarDate('2026-11-01')).toBe('1 Nov 2026')
    expect(chinaDate('not a time')).toBe('not a time')
  })

  it('in English, counts take their plural form', () => {
    useLanguageForThisRun('en')
    expect(workingDays(1)).toBe('1 working day')
    expect(workingDays(20)).toBe('20 working days')
    expect(workingDaysText(0)).toBe('Completed on the spot')
    expect(visitsText(2)).toBe('At most 2 visits')
    expect(CATALOG_STRINGS.promised(workingDaysText(1))).toBe('Promised: 1 working day')
    expect(CASE_VIEW_STRINGS.remaining(1)).toBe('1 working day left')
    expect(CASE_VIEW_STRINGS.documentsNote(3)).toBe('3 documents')
  })
})

describe('the step bar in English', () => {
  it('names the steps, where the case is and what is next', () => {
    useLanguageForThisRun('en')
    const progress = caseProgress({ status: 'supplement_requested', organisationName: 'Huangshan Culture and Tourism Bureau', deadlines: [], actions: [] } as never)
    expect(progress.steps.map((step) => step.label)).toEqual(['Submit', 'Pre-review', 'Review', 'Decision', 'Delivery', 'Closed'])
    expect(progress).toMatchObject({ now: 'Waiting for your corrected materials', holder: 'You', next: 'Upload the materials listed in the notice and submit again' })
  })
})
