import { useEffect, useState } from 'react'
import type { MonthInputProps } from './month-input'
import { monthName } from './report'
import { REPORT_STRINGS as R } from './strings'

/** Years offered before the latest one. */
const YEARS_BACK = 10

const split = (value: string) => ({ year: value.slice(0, 4), month: value.slice(5, 7) })

/**
 * H5 variant: a year and a month chosen from two selects in the app's language (年, 月 / Year, Month),
 * whatever language the browser speaks (a browser's own month input follows the browser's, not the app's). The
 * value changes when both are chosen; months after `end` are not offered.
 */
export function MonthInput({ id, value, label, end, invalid = false, onChange }: MonthInputProps) {
  const [picked, setPicked] = useState(() => split(value))
  useEffect(() => setPicked(split(value)), [value])
  const last = split(end)
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => String(Number(last.year) - index))
  const lastMonth = picked.year === last.year ? Number(last.month) : 12
  const months = Array.from({ length: lastMonth }, (_, index) => String(index + 1).padStart(2, '0'))

  const pick = (next: { year: string; month: string }) => {
    const month = next.year === last.year && next.month > last.month ? '' : next.month
    setPicked({ year: next.year, month })
    onChange(next.year && month ? `${next.year}-${month}` : '')
  }
  const className = `form-control month-input__part${invalid ? ' form-control--invalid' : ''}`
  return (
    <div className='month-input' role='group' aria-label={label}>
      <select
        id={`${id}-input`}
        className={`${className}${picked.year ? '' : ' form-control--empty'}`}
        value={picked.year}
        aria-label={R.yearLabel(label)}
        aria-invalid={invalid ? 'true' : undefined}
        onChange={(event) => pick({ ...picked, year: event.target.value })}
      >
        <option value=''>{R.yearPlaceholder}</option>
        {years.map((year) => (
          <option key={year} value={year}>{R.year(year)}</option>
        ))}
      </select>
      <select
        id={`${id}-month`}
        className={`${className}${picked.month ? '' : ' form-control--empty'}`}
        value={picked.month}
        aria-label={R.monthLabel(label)}
        aria-invalid={invalid ? 'true' : undefined}
        onChange={(event) => pick({ ...picked, month: event.target.value })}
      >
        <option value=''>{R.monthPlaceholder}</option>
        {months.map((month) => (
          <option key={month} value={month}>{monthName(`${last.year}-${month}`)}</option>
        ))}
      </select>
    </div>
  )
}
