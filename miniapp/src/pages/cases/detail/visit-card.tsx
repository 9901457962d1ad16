import type { CaseDetail, CaseStatus, VisitSlots } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { bookVisit, getVisitSlots } from '@/features/cases/api'
import { DetailRow } from '@/features/cases/case-view'
import { chinaClock, chinaDay, chinaTimeRange } from '@/features/cases/format'
import { isStale } from '@/features/cases/use-case-page'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError, type ApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { DETAIL_STRINGS as S } from './strings'

type Visit = NonNullable<CaseDetail['visit']>
type Booking = NonNullable<Visit['booking']>
type Slot = VisitSlots['slots'][number]

/** The statuses before the visit can be booked, by when the guide says it happens. */
const BEFORE_BOOKING: Record<Visit['when'], readonly CaseStatus[]> = {
  after_acceptance: ['pre_review', 'supplement_requested'],
  after_approval: ['pre_review', 'supplement_requested', 'accepted', 'special_procedure', 'reviewed'],
}

export interface VisitCardProps {
  caseNumber: string
  status: CaseStatus
  visit: Visit
  onBooked: (booking: Booking) => void
  /** The case changed meanwhile (409 other than a full slot): show the message and reload. */
  onStale: (error: ApiError) => void
}

type SlotsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: VisitSlots }

/** Slots by China-time day, in time order. */
function byDay(slots: Slot[]): { day: string; slots: Slot[] }[] {
  const days: { day: string; slots: Slot[] }[] = []
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = chinaDay(slot.startsAt)
    const last = days[days.length - 1]
    if (last?.day === day) last.slots.push(slot)
    else days.push({ day, slots: [slot] })
  }
  return days
}

/**
 * 现场办理（最多跑一次）: why a negative-list item needs the one visit, the booked time and place,
 * and (while the case allows it) 预约时段 / 改约 from GET /cases/{no}/visit-slots, booked with
 * PUT /cases/{no}/visit. A slot filled meanwhile (409 VISIT_SLOT_FULL) says so and reloads the slots.
 */
export function VisitCard({ caseNumber, status, visit, onBooked, onStale }: VisitCardProps) {
  const [open, setOpen] = useState(false)
  const [slots, setSlots] = useState<SlotsState>({ status: 'loading' })
  const [selected, setSelected] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per booking of a slot: a retry after a timeout books it once.
  const retry = useRetryKey()
  const booking = visit.booking

  const loadSlots = async () => {
    setSlots({ status: 'loading' })
    try {
      setSlots({ status: 'ready', data: await getVisitSlots(caseNumber) })
    } catch (caught) {
      const error = toApiError(caught)
      if (isStale(error)) {
        setOpen(false)
        onStale(error)
      } else {
        setSlots({ status: 'error', message: error.message })
      }
    }
  }

  const openPicker = () => {
    setOpen(true)
    setSelected(null)
    setProblem(null)
    void loadSlots()
  }

  const submit = async () => {
    if (busy) return
    if (!selected) return setProblem(S.visitPick)
    setBusy(true)
    setProblem(null)
    try {
      const booked = await bookVisit(caseNumber, selected, retry.for({ caseNumber, selected }))
      retry.done()
      setOpen(false)
      onBooked(booked)
    } catch (caught) {
      const error = toApiError(caught)
      if (KEY_REFUSED.has(error.code)) retry.done()
      if (error.code === 'VISIT_SLOT_FULL') {
        setProblem(error.message)
        setSelected(null)
        void loadSlots()
      } else if (isStale(error)) {
        setOpen(false)
        onStale(error)
      } else {
        setProblem(error.details.find((d) => d.path === 'slotId')?.message ?? error.message)
      }
    }
    setBusy(false)
  }

  const renderSlots = () => {
    if (slots.status === 'loading') return <StatusView kind='loading' title={S.visitLoading} compact />
    if (slots.status === 'error') return <StatusView kind='error' title={slots.message} actionText={S.retry} actionLabel={S.visitRetry} onAction={() => void loadSlots()} compact />
    const { data } = slots
    const current = data.booking?.slotId ?? booking?.slotId
    if (!data.slots.length) return <Text className='case-note'>{S.visitNoSlots}</Text>
    return (
      <View className='visit__days'>
        <Text className='visit__text'>{S.visitPlaceValue(data.place)}</Text>
        {byDay(data.slots).map(({ day, slots: daySlots }) => (
          <View key={day} className='visit__day' role='group' aria-label={day}>
            <Text className='visit__day-title'>{day}</Text>
            <View className='visit__slots'>
              {daySlots.map((slot) => {
                const time = `${chinaClock(slot.startsAt)}–${chinaClock(slot.endsAt)}`
                const mine = slot.slotId === current
                const full = slot.remaining <= 0
                const disabled = mine || full
                const chosen = slot.slotId === selected
                const state = mine ? S.visitMine : full ? S.visitFull : S.visitRemaining(slot.remaining)
                const classes = ['visit__slot', chosen ? 'visit__slot--selected' : '', disabled ? 'visit__slot--disabled' : ''].filter(Boolean).join(' ')
                return (
                  <View
                    key={slot.slotId}
                    className={classes}
                    role='radio'
                    aria-role='radio'
                    aria-checked={chosen ? 'true' : 'false'}
                    aria-disabled={disabled ? 'true' : undefined}
                    aria-label={S.visitSlotLabel(day, time, state)}
                    onClick={
                      disabled
                        ? undefined
                        : () => {
                            setSelected(slot.slotId)
                            setProblem(null)
                          }
                    }
                  >
                    <Text className='visit__slot-time'>{time}</Text>
                    <Text className='visit__slot-state'>{state}</Text>
                  </View>
                )
              })}
            </View>
          </View>
        ))}
      </View>
    )
  }

  return (
    <Section title={S.visitTitle}>
      {visit.purpose ? <Text className='visit__text'>{S.visitPurpose(visit.purpose)}</Text> : null}
      {visit.reason ? <Text className='visit__text'>{S.visitReason(visit.reason)}</Text> : null}
      {!booking && BEFORE_BOOKING[visit.when].includes(status) ? (
        <Text className='case-note'>{S.visitOpensLater[visit.when]}</Text>
      ) : booking ? (
        <View className='visit__booking'>
          <DetailRow label={S.visitTime}>
            <Text>{chinaTimeRange(booking.startsAt, booking.endsAt)}</Text>
          </DetailRow>
          <DetailRow label={S.visitPlace}>
            <Text>{booking.place}</Text>
          </DetailRow>
        </View>
      ) : (
        <Text className='case-note'>{S.visitNotBooked}</Text>
      )}
      {visit.canBook && !open ? (
        <View className='visit__end'>
          <ActionButton block variant={booking ? 'secondary' : 'primary'} onTap={openPicker}>
            {booking ? S.visitChange : S.visitBook}
          </ActionButton>
        </View>
      ) : null}
      {open ? (
        <View className='visit__picker'>
          {renderSlots()}
          {problem ? (
            <View className='visit__problem' role='alert'>
              {problem}
            </View>
          ) : null}
          <View className='case-buttons'>
            <ActionButton variant='text' onTap={() => setOpen(false)}>
              {S.cancel}
            </ActionButton>
            <ActionButton disabled={busy || slots.status !== 'ready'} onTap={() => void submit()}>
              {busy ? S.visitBooking : S.visitConfirm}
            </ActionButton>
          </View>
        </View>
      ) : null}
    </Section>
  )
}
