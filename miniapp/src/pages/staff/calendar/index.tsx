import { useRouter } from '@tarojs/taro'
import type { CalendarYear } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { CaseNotice } from '@/features/cases/case-view'
import { chinaDateTime } from '@/features/cases/format'
import { openMineTab } from '@/features/cases/routes'
import { getCalendarYear, saveCalendarYear } from '@/features/staff/api'
import { CALENDAR_PAGE } from '@/features/staff/routes'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { CALENDAR_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

type ListKey = 'holidays' | 'workdays'
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
/** 调休: only a Saturday or Sunday can become a working day. */
const WEEKEND: string[] = [S.weekdays[0], S.weekdays[6]]
const FIRST_YEAR = 2020
const LAST_YEAR = 2100

/** This year in China (UTC+8), whatever the phone's zone. */
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

/** `?year=2031` when it is a year the calendar covers, else this year. */
function yearParam(raw: string | undefined): number {
  const year = Number(raw)
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : thisYear()
}

/** `2031-01-01` → its weekday, or null when there is no such day. */
function weekdayOf(day: string): string | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return S.weekdays[date.getUTCDay()] ?? null
}

function DayList({ title, days, onRemove }: { title: string; days: string[]; onRemove?: (day: string) => void }) {
  return (
    <Section title={title} note={S.daysNote(days.length)}>
      {days.length ? (
        <View className='calendar__days' role='list' aria-label={title}>
          {days.map((day) => (
            <View key={day} className='calendar__day' role='listitem'>
              <Text className='calendar__day-text'>{`${day} ${weekdayOf(day) ?? ''}`}</Text>
              {onRemove ? (
                <View className='calendar__day-remove' role='button' aria-role='button' aria-label={S.remove(day)} onClick={() => onRemove(day)}>
                  <Text aria-hidden='true'>✕</Text>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : (
        <Text className='case-note'>{S.none}</Text>
      )}
    </Section>
  )
}

/**
 * 工作日历: pages/staff/calendar/index[?year=2031] — the working-day calendar of a year as deadlines use it, with
 * where its data comes from (a year without data counts Monday to Friday). Provincial administrators
 * add holidays and 调休 working days and save them (PUT /admin/calendar/{year}).
 */
export default function CalendarPage() {
  usePageTitle()
  const user = useSignedIn(CALENDAR_PAGE)
  const userId = user?.userId ?? ''
  const canEdit = !!user?.provincialAdmin
  const { params } = useRouter()
  const [year, setYear] = useState(() => yearParam(params.year))
  const load = useCallback(() => getCalendarYear(year), [year])
  const { remote, reload, replace } = useRemote(load, `${userId}:${year}`)
  const [edits, setEdits] = useState<{ year: number; holidays: string[]; workdays: string[] } | null>(null)
  const [input, setInput] = useState('')
  const [inputError, setInputError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; message: string } | null>(null)

  const changeYear = (next: number) => {
    setYear(next)
    setEdits(null)
    setInput('')
    setInputError(null)
    setNotice(null)
  }

  if (!user) return <SignInRequired returnUrl={CALENDAR_PAGE} />
  if (!user.staff && !user.provincialAdmin) return <StatusView kind='empty' title={S.forbidden} actionText={S.toMine} onAction={openMineTab} />

  const data: CalendarYear | null = remote.status === 'ready' ? remote.data : null
  const shown = edits && edits.year === year ? edits : data ? { year, holidays: data.holidays, workdays: data.workdays } : null
  const dirty = !!edits && edits.year === year

  const edit = (key: ListKey, change: (days: string[]) => string[]) => {
    if (!shown) return
    setEdits({ ...shown, [key]: change(shown[key]).sort() })
    setNotice(null)
  }

  const add = (key: ListKey) => {
    if (!shown) return
    const day = input.trim()
    const match = DAY.exec(day)
    let problem: string | null = null
    if (!match) problem = S.dateFormat
    else if (!weekdayOf(day)) problem = S.dateInvalid
    else if (Number(match[1]) !== year) problem = S.dateOtherYear(year)
    else if (shown.holidays.includes(day)) problem = S.dateTwice(S.holidays)
    else if (shown.workdays.includes(day)) problem = S.dateTwice(S.workdays)
    else if (key === 'workdays' && !WEEKEND.includes(weekdayOf(day) ?? '')) problem = S.workdayNotWeekend
    setInputError(problem)
    if (problem) return
    edit(key, (days) => [...days, day])
    setInput('')
  }

  const save = async () => {
    if (!shown || saving) return
    setSaving(true)
    try {
      replace(await saveCalendarYear(year, { holidays: shown.holidays, workdays: shown.workdays }))
      setEdits(null)
      setNotice({ tone: 'success', message: S.saved })
    } catch (caught) {
      const error = toApiError(caught)
      setNotice({ tone: 'warning', message: [error.message, ...error.details.map((d) => d.message)].join(SF.clauseSeparator) })
    }
    setSaving(false)
  }

  const renderYear = () => {
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    if (!data || !shown) return null
    return (
      <>
        <View className='calendar__source' role='status'>
          <Text className={`calendar__source-tag calendar__source-tag--${data.source}`}>{S.sources[data.source]}</Text>
          <Text className='calendar__note'>{data.note}</Text>
          {data.updatedAt ? <Text className='case-note'>{S.updatedAt(chinaDateTime(data.updatedAt))}</Text> : null}
        </View>
        <DayList title={S.holidays} days={shown.holidays} onRemove={canEdit ? (day) => edit('holidays', (days) => days.filter((d) => d !== day)) : undefined} />
        <DayList title={S.workdays} days={shown.workdays} onRemove={canEdit ? (day) => edit('workdays', (days) => days.filter((d) => d !== day)) : undefined} />
        {canEdit ? (
          <Section title={S.edit}>
            <Text className='case-note'>{S.editText}</Text>
            <FormField id='f-calendar-day' label={S.date} required error={inputError ?? undefined}>
              <TextInput
                id='f-calendar-day'
                value={input}
                label={S.dateLabel}
                placeholder={S.datePlaceholder(year)}
                maxLength={10}
                invalid={!!inputError}
                describedBy={describedBy('f-calendar-day', false, !!inputError)}
                onChange={(value) => {
                  setInput(value)
                  setInputError(null)
                }}
              />
            </FormField>
            <View className='calendar__add'>
              <ActionButton variant='secondary' size='sm' onTap={() => add('holidays')}>
                {S.addHoliday}
              </ActionButton>
              <ActionButton variant='secondary' size='sm' onTap={() => add('workdays')}>
                {S.addWorkday}
              </ActionButton>
            </View>
            {dirty ? (
              <View className='calendar__unsaved' role='status'>
                {S.unsaved}
              </View>
            ) : null}
            <View className='case-buttons'>
              {dirty ? (
                <ActionButton variant='text' onTap={() => setEdits(null)}>
                  {S.discard}
                </ActionButton>
              ) : null}
              <ActionButton disabled={!dirty || saving} onTap={() => void save()}>
                {saving ? S.saving : S.save}
              </ActionButton>
            </View>
          </Section>
        ) : (
          <Text className='calendar__admin-only'>{S.adminOnly}</Text>
        )}
      </>
    )
  }

  return (
    <View className='calendar'>
      <View className='calendar__header'>
        <View className='calendar__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='case-note'>{S.text}</Text>
        <View className='calendar__years'>
          <ActionButton variant='secondary' size='sm' label={S.previousYearLabel(year - 1)} disabled={year <= FIRST_YEAR} onTap={() => changeYear(year - 1)}>
            {`‹ ${S.previousYear}`}
          </ActionButton>
          <View className='calendar__year' role='heading' aria-level={2}>
            {S.year(year)}
          </View>
          <ActionButton variant='secondary' size='sm' label={S.nextYearLabel(year + 1)} disabled={year >= LAST_YEAR} onTap={() => changeYear(year + 1)}>
            {`${S.nextYear} ›`}
          </ActionButton>
        </View>
      </View>
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={() => setNotice(null)} /> : null}
      {renderYear()}
    </View>
  )
}
