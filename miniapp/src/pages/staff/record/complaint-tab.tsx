import Taro from '@tarojs/taro'
import type { ComplaintRequest } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { DateInput } from '@/components/form-field/date-input'
import { SelectInput } from '@/components/form-field/select-input'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput, type TextInputMode } from '@/components/form-field/text-input'
import { StatusView } from '@/components/status-view'
import { submitComplaint } from '@/features/feedback/api'
import { useRegions } from '@/features/region/use-regions'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { ProblemBox } from '@/features/staff/feedback-view'
import { complaintUrl } from '@/features/staff/routes'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { scrollToId } from '@/services/scroll'
import type { RecordContext } from './person'
import { COMPLAINT_BUSINESS_KIND_NAMES } from '@/features/staff/labels'
import { RECORD_STRINGS as S } from './strings'

type Kind = ComplaintRequest['business']['kind']

interface Draft {
  regionCode: string
  businessName: string
  kind: Kind | ''
  creditCode: string
  tripStart: string
  tripEnd: string
  account: string
  amount: string
  request: string
}

const EMPTY: Draft = { regionCode: '', businessName: '', kind: '', creditCode: '', tripStart: '', tripEnd: '', account: '', amount: '', request: '' }
const MAX = { businessName: 100, account: 2000, request: 500 }
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/
const KIND_OPTIONS = Object.entries(COMPLAINT_BUSINESS_KIND_NAMES).map(([value, label]) => ({ value, label }))
/** Each field's API path, in the order they appear (the first problem is scrolled to). */
const PATHS: Record<keyof Draft, string> = {
  regionCode: 'regionCode',
  businessName: 'business.name',
  kind: 'business.kind',
  creditCode: 'business.creditCode',
  tripStart: 'tripStart',
  tripEnd: 'tripEnd',
  account: 'account',
  amount: 'amount',
  request: 'request',
}
const idOf = (path: string) => `f-record-${path.replace(/[^A-Za-z0-9]+/g, '-')}`

function check(d: Draft): Record<string, string> {
  const issues: Record<string, string> = {}
  const text = (key: 'businessName' | 'account' | 'request', missing: string) => {
    const value = d[key].trim()
    if (!value) issues[PATHS[key]] = missing
    else if (Array.from(value).length > MAX[key]) issues[PATHS[key]] = S.tooLong(MAX[key])
  }
  if (!d.regionCode) issues.regionCode = S.regionMissing
  text('businessName', S.businessNameMissing)
  if (!d.kind) issues['business.kind'] = S.businessKindMissing
  if (d.creditCode.trim() && !CREDIT_CODE.test(d.creditCode.trim())) issues['business.creditCode'] = S.creditCodeInvalid
  if (!d.tripStart) issues.tripStart = S.tripStartMissing
  if (!d.tripEnd) issues.tripEnd = S.tripEndMissing
  else if (d.tripStart && d.tripEnd < d.tripStart) issues.tripEnd = S.tripOrder
  text('account', S.accountMissing)
  const amount = d.amount.trim()
  if (amount && (!AMOUNT.test(amount) || Number(amount) > 10_000_000)) issues.amount = S.amountInvalid
  text('request', S.requestMissing)
  return issues
}

/** 投诉: the structured complaint (where and who the business is, the trip, what happened, the amount, the request). */
export function ComplaintTab({ takePerson, placePersonIssues, onSaved }: RecordContext) {
  const { state: regions, reload: reloadRegions } = useRegions(true)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [issues, setIssues] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  // One key per complaint recorded: a retry after a timeout records it once.
  const retry = useRetryKey()

  const set = (key: keyof Draft) => (value: string) => {
    setDraft((previous) => ({ ...previous, [key]: value }))
    setIssues(({ [PATHS[key]]: _dropped, ...rest }) => rest)
  }

  const submit = async () => {
    if (busy) return
    setProblems([])
    const found = check(draft)
    setIssues(found)
    const person = takePerson()
    if (!person) return
    const first = Object.values(PATHS).find((path) => found[path])
    if (first) {
      void Taro.showToast({ title: S.fix, icon: 'none' })
      scrollToId(idOf(first))
      return
    }
    const creditCode = draft.creditCode.trim()
    const amount = draft.amount.trim()
    const request: ComplaintRequest = {
      regionCode: draft.regionCode,
      business: { name: draft.businessName.trim(), kind: draft.kind as Kind, ...(creditCode ? { creditCode } : {}) },
      tripStart: draft.tripStart,
      tripEnd: draft.tripEnd,
      account: draft.account.trim(),
      ...(amount ? { amount: Number(amount) } : {}),
      request: draft.request.trim(),
      // The person's mobile is also the complaint's contact, so the handling organisation can reach them.
      ...(person.mobile ? { contactMobile: person.mobile } : {}),
      onBehalf: person,
    }
    setBusy(true)
    try {
      const complaint = await submitComplaint(request, retry.for(request))
      retry.done()
      onSaved({ kind: 'complaint', number: complaint.complaintNumber, url: complaintUrl(complaint.complaintNumber), linkText: S.open.complaint })
    } catch (caught) {
      const error = toApiError(caught)
      if (KEY_REFUSED.has(error.code)) retry.done()
      const rest = placePersonIssues(error.details)
      const placed: Record<string, string> = {}
      const unplaced: string[] = []
      for (const issue of rest) {
        if (Object.values(PATHS).includes(issue.path)) placed[issue.path] ??= issue.message
        else unplaced.push(issue.message)
      }
      setIssues(placed)
      setProblems([error.message, ...unplaced.filter((m) => m !== error.message)])
      setBusy(false)
    }
  }

  const text = (key: keyof Draft, label: string, options: { required?: boolean; hint?: string; placeholder?: string; maxLength?: number; mode?: TextInputMode; upper?: boolean }) => {
    const path = PATHS[key]
    const id = idOf(path)
    const error = issues[path]
    return (
      <FormField id={id} label={label} required={options.required} hint={options.hint} error={error}>
        <TextInput
          id={id}
          value={draft[key]}
          label={label}
          placeholder={options.placeholder}
          maxLength={options.maxLength}
          mode={options.mode}
          invalid={!!error}
          describedBy={describedBy(id, !!options.hint, !!error)}
          onChange={(value) => set(key)(options.upper ? value.toUpperCase() : value)}
        />
      </FormField>
    )
  }

  const longText = (key: 'account' | 'request', label: string, placeholder: string) => {
    const id = idOf(PATHS[key])
    const error = issues[PATHS[key]]
    return (
      <FormField id={id} label={label} required error={error}>
        <TextArea id={id} value={draft[key]} label={label} placeholder={placeholder} maxLength={MAX[key]} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set(key)} />
      </FormField>
    )
  }

  const date = (key: 'tripStart' | 'tripEnd', label: string) => {
    const id = idOf(key)
    const error = issues[key]
    return (
      <FormField id={id} label={label} required error={error}>
        <DateInput id={id} value={draft[key]} label={label} placeholder={S.choose} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set(key)} />
      </FormField>
    )
  }

  const regionId = idOf('regionCode')
  const kindId = idOf('business.kind')
  return (
    <View className='record__panel'>
      <FormField id={regionId} label={S.region} required error={issues.regionCode}>
        {regions.status === 'error' ? (
          <StatusView kind='error' compact title={regions.error.message} actionText={F.retry} actionLabel={S.regionsRetry} onAction={reloadRegions} />
        ) : regions.status !== 'ready' ? (
          <Text className='case-note'>{S.regionsLoading}</Text>
        ) : (
          <SelectInput
            id={regionId}
            value={draft.regionCode}
            label={S.region}
            placeholder={S.regionPlaceholder}
            options={regions.regions.map((r) => ({ value: r.code, label: r.name }))}
            invalid={!!issues.regionCode}
            describedBy={describedBy(regionId, false, !!issues.regionCode)}
            onChange={set('regionCode')}
          />
        )}
      </FormField>
      {text('businessName', S.businessName, { required: true, placeholder: S.businessNamePlaceholder, maxLength: MAX.businessName })}
      <FormField id={kindId} label={S.businessKind} required error={issues['business.kind']}>
        <ChoiceGroup label={S.businessKind} options={KIND_OPTIONS} value={draft.kind} invalid={!!issues['business.kind']} onChange={set('kind')} />
      </FormField>
      {text('creditCode', S.creditCode, { hint: S.creditCodeHint, maxLength: 18, upper: true })}
      {date('tripStart', S.tripStart)}
      {date('tripEnd', S.tripEnd)}
      {longText('account', S.account, S.accountPlaceholder)}
      {text('amount', S.amount, { placeholder: S.amountPlaceholder, maxLength: 11, mode: 'decimal' })}
      {longText('request', S.request, S.requestPlaceholder)}
      <ProblemBox title={S.otherProblems} messages={problems} />
      <ActionButton block disabled={busy} onTap={() => void submit()}>
        {busy ? S.submitting : S.submitComplaint}
      </ActionButton>
    </View>
  )
}
