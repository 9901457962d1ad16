import Taro from '@tarojs/taro'
import type { ComplaintRequest } from '@ah-tourism/shared'
import { complaintRequestSchema } from '@ah-tourism/shared/src/feedback/api'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { DateInput } from '@/components/form-field/date-input'
import { SelectInput } from '@/components/form-field/select-input'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput, type TextInputMode } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { submitComplaint } from '@/features/feedback/api'
import { lengthOf } from '@/features/feedback/format'
import { COMPLAINT_PAGE, complaintDetailUrl } from '@/features/feedback/routes'
import { FEEDBACK_STRINGS } from '@/features/feedback/strings'
import { check, issuesFrom, type IssueMap } from '@/features/feedback/validate'
import { useRegions } from '@/features/region/use-regions'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { scrollToId } from '@/services/scroll'
import { useAppState } from '@/store/app-store'
import { COMPLAINT_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '../feedback.scss'

type Kind = ComplaintRequest['business']['kind']

interface ComplaintForm {
  regionCode: string
  businessName: string
  kind: Kind | ''
  creditCode: string
  tripStart: string
  tripEnd: string
  account: string
  amount: string
  request: string
  contactMobile: string
}

const ACCOUNT_MAX = 2000
const REQUEST_MAX = 500

/** Form keys and the API's paths, in the order the fields appear (the first problem is scrolled to). */
const PATHS: [keyof ComplaintForm, string][] = [
  ['regionCode', 'regionCode'],
  ['businessName', 'business.name'],
  ['kind', 'business.kind'],
  ['creditCode', 'business.creditCode'],
  ['tripStart', 'tripStart'],
  ['tripEnd', 'tripEnd'],
  ['account', 'account'],
  ['amount', 'amount'],
  ['request', 'request'],
  ['contactMobile', 'contactMobile'],
]
const idOf = (path: string) => `f-complaint-${path.replace(/[^A-Za-z0-9]+/g, '-')}`
const KIND_OPTIONS = Object.entries(FEEDBACK_STRINGS.businessKinds).map(([value, label]) => ({ value, label }))

/** The request as the API reads it; empty optional fields are left out. */
function toRequest(form: ComplaintForm): Record<string, unknown> {
  const amount = form.amount.trim()
  const creditCode = form.creditCode.trim().toUpperCase()
  return {
    regionCode: form.regionCode,
    business: { name: form.businessName, kind: form.kind || undefined, ...(creditCode ? { creditCode } : {}) },
    tripStart: form.tripStart,
    tripEnd: form.tripEnd,
    account: form.account,
    ...(amount ? { amount: Number(amount) } : {}),
    request: form.request,
    ...(form.contactMobile.trim() ? { contactMobile: form.contactMobile.trim() } : {}),
  }
}

/**
 * 旅游投诉: pages/feedback/complaint/index — a structured complaint (POST /complaints): where and who
 * the business is, the trip, what happened, the amount, what the complainant asks for and how to
 * reach them. Checked with the shared schema first; the API's field problems land on their fields.
 * Once filed, the complaint's own page replaces this one.
 */
export default function ComplaintPage() {
  usePageTitle()
  const user = useSignedIn(COMPLAINT_PAGE)
  const region = useAppState((state) => state.region)
  const { state: regions, reload: reloadRegions } = useRegions(true)
  const [form, setForm] = useState<ComplaintForm>(() => ({
    // The region chosen on 首页 is a good first guess when it is a city.
    regionCode: region.code.endsWith('0000') ? '' : region.code,
    businessName: '',
    kind: '',
    creditCode: '',
    tripStart: '',
    tripEnd: '',
    account: '',
    amount: '',
    request: '',
    contactMobile: '',
  }))
  const [issues, setIssues] = useState<IssueMap>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per complaint: a retry after a timeout files nothing twice.
  const retry = useRetryKey()

  const set = (key: keyof ComplaintForm, path: string) => (value: string) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    setIssues(({ [path]: _dropped, ...rest }) => rest)
  }

  const showIssues = (found: IssueMap, message: string) => {
    setIssues(found)
    const placed = PATHS.map(([, path]) => path).filter((path) => found[path])
    const unplaced = Object.entries(found).filter(([path]) => !PATHS.some(([, p]) => p === path)).map(([, text]) => text)
    setProblem([message, ...unplaced].join(S.problemSeparator))
    if (placed[0]) scrollToId(idOf(placed[0]))
  }

  const submit = async () => {
    if (busy) return
    setProblem(null)
    const found: IssueMap = {}
    if (form.amount.trim() && !/^\d+(\.\d{1,2})?$/.test(form.amount.trim())) found.amount = S.amountInvalid
    // zod's own message for a missing choice lists the raw keys: say it in words.
    if (!form.kind) found['business.kind'] = S.kindMissing
    const checked = check<ComplaintRequest>(complaintRequestSchema, toRequest(form))
    const all = { ...(checked.issues ?? {}), ...found }
    if (!checked.data || Object.keys(found).length) {
      showIssues(all, S.fix(Object.keys(all).length))
      return
    }
    setBusy(true)
    try {
      const complaint = await submitComplaint(checked.data, retry.for(checked.data))
      retry.done()
      // Replaced, so 返回 does not come back to a filed form.
      void Taro.redirectTo({ url: `${complaintDetailUrl(complaint.complaintNumber)}&submitted=1` })
    } catch (caught) {
      const error = toApiError(caught)
      if (KEY_REFUSED.has(error.code)) retry.done()
      if (error.details.length) showIssues(issuesFrom(error.details), error.message)
      else setProblem(error.message)
      setBusy(false)
    }
  }

  if (!user) return <SignInRequired returnUrl={COMPLAINT_PAGE} description={S.signInHint} />

  const regionOptions = regions.status === 'ready' ? regions.regions.map((r) => ({ value: r.code, label: r.name })) : []

  const text = (key: keyof ComplaintForm, path: string, label: string, options: { required?: boolean; hint?: string; placeholder?: string; maxLength?: number; mode?: TextInputMode; upper?: boolean; spoken?: string }) => {
    const id = idOf(path)
    const error = issues[path]
    return (
      <FormField id={id} label={label} required={options.required} hint={options.hint} error={error}>
        <TextInput
          id={id}
          value={form[key]}
          label={options.spoken ?? label}
          placeholder={options.placeholder}
          maxLength={options.maxLength}
          mode={options.mode}
          invalid={!!error}
          describedBy={describedBy(id, !!options.hint, !!error)}
          onChange={(value) => set(key, path)(options.upper ? value.toUpperCase() : value)}
        />
      </FormField>
    )
  }

  const longText = (key: 'account' | 'request', path: string, label: string, placeholder: string, max: number) => {
    const id = idOf(path)
    const error = issues[path]
    const used = lengthOf(form[key])
    return (
      <FormField id={id} label={label} required error={error}>
        <TextArea id={id} value={form[key]} label={label} placeholder={placeholder} maxLength={max} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set(key, path)} />
        <Text className={`feedback-counter${used > max ? ' feedback-counter--over' : ''}`} aria-label={S.counterLabel(used, max)} aria-live='polite'>
          {S.counter(used, max)}
        </Text>
      </FormField>
    )
  }

  const date = (key: 'tripStart' | 'tripEnd', label: string) => {
    const id = idOf(key)
    const error = issues[key]
    return (
      <FormField id={id} label={label} required error={error}>
        <DateInput id={id} value={form[key]} label={label} placeholder={S.choose} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set(key, key)} />
      </FormField>
    )
  }

  const regionId = idOf('regionCode')
  const kindId = idOf('business.kind')

  return (
    <View className='feedback-page'>
      <View className='feedback-header'>
        <View className='feedback-header__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='feedback-header__text'>{S.intro}</Text>
      </View>

      <Section title={S.business}>
        <FormField id={regionId} label={S.region} required error={issues.regionCode}>
          {regions.status === 'error' ? (
            <StatusView kind='error' compact title={regions.error.message} actionText={FEEDBACK_STRINGS.retry} actionLabel={S.regionsRetry} onAction={reloadRegions} />
          ) : regions.status !== 'ready' ? (
            <Text className='feedback-note'>{S.regionsLoading}</Text>
          ) : (
            <SelectInput
              id={regionId}
              value={form.regionCode}
              label={S.regionLabel}
              placeholder={S.regionPlaceholder}
              options={regionOptions}
              invalid={!!issues.regionCode}
              describedBy={describedBy(regionId, false, !!issues.regionCode)}
              onChange={set('regionCode', 'regionCode')}
            />
          )}
        </FormField>
        {text('businessName', 'business.name', S.businessName, { required: true, placeholder: S.businessNamePlaceholder, maxLength: 100, spoken: S.businessNameLabel })}
        <FormField id={kindId} label={S.businessKind} required error={issues['business.kind']}>
          <ChoiceGroup label={S.businessKindLabel} options={KIND_OPTIONS} value={form.kind} invalid={!!issues['business.kind']} onChange={set('kind', 'business.kind')} />
        </FormField>
        {text('creditCode', 'business.creditCode', S.creditCode, { hint: S.creditCodeHint, maxLength: 18, upper: true })}
      </Section>

      <Section title={S.trip}>
        {date('tripStart', S.tripStart)}
        {date('tripEnd', S.tripEnd)}
        {longText('account', 'account', S.account, S.accountPlaceholder, ACCOUNT_MAX)}
        {text('amount', 'amount', S.amount, { placeholder: S.amountPlaceholder, maxLength: 12, mode: 'decimal' })}
      </Section>

      <Section title={S.requestSection}>
        {longText('request', 'request', S.request, S.requestPlaceholder, REQUEST_MAX)}
        {text('contactMobile', 'contactMobile', S.contactMobile, { hint: S.contactMobileHint, maxLength: 11, mode: 'tel' })}
      </Section>

      <View className='feedback-body'>
        {problem ? (
          <View className='feedback-problem' role='alert'>
            {problem}
          </View>
        ) : null}
        <ActionButton block disabled={busy} onTap={() => void submit()}>
          {busy ? S.submitting : S.submit}
        </ActionButton>
      </View>
    </View>
  )
}
