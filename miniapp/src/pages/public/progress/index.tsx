import type { PublicProgress, PublicProgressRequest } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { DetailRow } from '@/features/cases/case-view'
import { chinaDate, chinaDateTime } from '@/features/cases/format'
import { queryProgress } from '@/features/feedback/api'
import { plainDate } from '@/features/feedback/format'
import { issuesFrom, type IssueMap } from '@/features/feedback/validate'
import { toApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import { PROGRESS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

type VerifyBy = 'name' | 'mobileLast4'

const NUMBER_ID = 'f-progress-number'
const NAME_ID = 'f-progress-name'
const MOBILE_ID = 'f-progress-mobile'
const RESULT_ID = 'progress-result'

/** A plain date (2026-12-31) or an ISO time → 2026年12月31日 */
const dayText = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? plainDate(value) : chinaDate(value))

/**
 * The request, checked as publicProgressRequestSchema checks it, with its messages. By hand: this
 * subpackage is opened without signing in and stays small, without zod.
 */
function toRequest(caseNumber: string, verifyBy: VerifyBy, name: string, mobileLast4: string): PublicProgressRequest | { issues: IssueMap } {
  const issues: IssueMap = {}
  const number = caseNumber.trim().toUpperCase()
  if (!/^\d{14}[0-9A-Z]{8}$/.test(number)) issues.caseNumber = S.caseNumberMissing
  if (verifyBy === 'name' && !name.trim()) issues.name = S.nameMissing
  if (verifyBy === 'name' && name.trim().length > 60) issues.name = S.nameTooLong
  if (verifyBy === 'mobileLast4' && !/^\d{4}$/.test(mobileLast4.trim())) issues.mobileLast4 = S.mobileMissing
  if (Object.keys(issues).length) return { issues }
  return { caseNumber: number, ...(verifyBy === 'name' ? { name: name.trim() } : { mobileLast4: mobileLast4.trim() }) }
}

/** What the query answered: the case (masked), or why not (404: no match; 429: too many queries). */
type Outcome = { kind: 'found'; progress: PublicProgress } | { kind: 'problem'; message: string; hint?: string }

function ProgressResult({ progress }: { progress: PublicProgress }) {
  return (
    <Section title={S.result} id={RESULT_ID}>
      <View className='progress-result' role='region' aria-label={S.result}>
        <View className='progress-result__top'>
          <View className='progress-result__title' role='heading' aria-level={3}>
            {progress.itemName}
          </View>
          <Text className={`progress-result__status${progress.finished ? ' progress-result__status--finished' : ''}`}>{progress.statusLabel}</Text>
        </View>
        <Text className='progress-result__hint'>{progress.statusHint}</Text>
        <DetailRow label={S.caseNumber}>
          <Text className='progress-result__number' userSelect>
            {progress.caseNumber}
          </Text>
        </DetailRow>
        <DetailRow label={S.organisation}>
          <Text>{progress.organisationName}</Text>
        </DetailRow>
        <DetailRow label={S.applicant}>
          <Text>{progress.applicantName}</Text>
        </DetailRow>
        <DetailRow label={S.submittedAt}>
          <Text>{chinaDateTime(progress.submittedAt)}</Text>
        </DetailRow>
        {progress.promisedBy ? (
          <DetailRow label={S.promisedBy}>
            <Text className='progress-result__strong'>{dayText(progress.promisedBy)}</Text>
          </DetailRow>
        ) : null}
        {progress.steps.length ? (
          <View className='progress-steps'>
            <View className='progress-steps__title' role='heading' aria-level={3}>
              {S.steps}
            </View>
            <View role='list'>
              {[...progress.steps].reverse().map((step, index) => (
                <View key={`${step.at}-${index}`} className='progress-steps__step' role='listitem'>
                  <View className={`progress-steps__dot${index === 0 ? ' progress-steps__dot--latest' : ''}`} aria-hidden='true' />
                  <View className='progress-steps__body'>
                    <Text className='progress-steps__label'>{step.label}</Text>
                    <Text className='progress-steps__time'>{chinaDateTime(step.at)}</Text>
                  </View>
                </View>
              ))}
            </View>
          </View>
        ) : null}
        <Text className='progress-result__note'>{S.masked}</Text>
        <Text className='progress-result__note'>{S.signInForMore}</Text>
      </View>
    </Section>
  )
}

/**
 * 办件进度查询: pages/public/progress/index, no sign-in. The case number with the applicant's name
 * or the last 4 digits of their mobile (POST /public/progress); the answer shows only what may be
 * public (masked applicant, status, dates, steps). A wrong pair answers 404 with the API's message;
 * too many tries answer 429.
 */
export default function PublicProgressPage() {
  usePageTitle()
  const [caseNumber, setCaseNumber] = useState('')
  const [verifyBy, setVerifyBy] = useState<VerifyBy>('name')
  const [name, setName] = useState('')
  const [mobileLast4, setMobileLast4] = useState('')
  const [issues, setIssues] = useState<IssueMap>({})
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const clearIssue = (path: string) => setIssues(({ [path]: _dropped, ...rest }) => rest)

  const submit = async () => {
    if (busy) return
    const request = toRequest(caseNumber, verifyBy, name, mobileLast4)
    if ('issues' in request) {
      setIssues(request.issues)
      setOutcome({ kind: 'problem', message: S.fix })
      scrollToId(request.issues.caseNumber ? NUMBER_ID : verifyBy === 'name' ? NAME_ID : MOBILE_ID)
      return
    }
    setIssues({})
    setBusy(true)
    try {
      setOutcome({ kind: 'found', progress: await queryProgress(request) })
      setTimeout(() => scrollToId(RESULT_ID), 50)
    } catch (caught) {
      const error = toApiError(caught)
      if (error.details.length) setIssues(issuesFrom(error.details))
      const hint = error.code === 'PUBLIC_QUERY_CASE_LOCKED' ? S.caseLockedHint : error.status === 429 ? S.rateLimitedHint : undefined
      setOutcome({ kind: 'problem', message: error.message, hint })
    }
    setBusy(false)
  }

  const numberError = issues.caseNumber
  const nameError = issues.name
  const mobileError = issues.mobileLast4

  return (
    <View className='progress'>
      <View className='progress__header'>
        <View className='progress__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='progress__intro'>{S.intro}</Text>
      </View>

      <View className='progress__form' role='search' aria-label={S.title}>
        <FormField id={NUMBER_ID} label={S.caseNumber} required hint={S.caseNumberHint} error={numberError}>
          <TextInput
            id={NUMBER_ID}
            value={caseNumber}
            label={S.caseNumber}
            placeholder={S.caseNumberPlaceholder}
            maxLength={22}
            invalid={!!numberError}
            describedBy={describedBy(NUMBER_ID, true, !!numberError)}
            onChange={(value) => {
              setCaseNumber(value.toUpperCase())
              clearIssue('caseNumber')
            }}
          />
        </FormField>

        <FormField id='f-progress-verify' label={S.verifyBy} required>
          <ChoiceGroup
            label={S.verifyBy}
            options={[
              { value: 'name', label: S.byName },
              { value: 'mobileLast4', label: S.byMobile },
            ]}
            value={verifyBy}
            onChange={(value) => {
              setVerifyBy(value as VerifyBy)
              setIssues(({ name: _n, mobileLast4: _m, ...rest }) => rest)
            }}
          />
        </FormField>

        {verifyBy === 'name' ? (
          <FormField id={NAME_ID} label={S.byName} required error={nameError}>
            <TextInput
              id={NAME_ID}
              value={name}
              label={S.byName}
              placeholder={S.namePlaceholder}
              maxLength={60}
              invalid={!!nameError}
              describedBy={describedBy(NAME_ID, false, !!nameError)}
              onChange={(value) => {
                setName(value)
                clearIssue('name')
              }}
            />
          </FormField>
        ) : (
          <FormField id={MOBILE_ID} label={S.byMobile} required error={mobileError}>
            <TextInput
              id={MOBILE_ID}
              value={mobileLast4}
              label={S.byMobile}
              placeholder={S.mobilePlaceholder}
              mode='tel'
              maxLength={11}
              invalid={!!mobileError}
              describedBy={describedBy(MOBILE_ID, false, !!mobileError)}
              onChange={(value) => {
                // A whole mobile pasted here: its last four digits are what is asked for.
                const digits = value.replace(/\D/g, '')
                setMobileLast4(digits.length === 11 ? digits.slice(-4) : digits.slice(0, 4))
                clearIssue('mobileLast4')
              }}
            />
          </FormField>
        )}

        {outcome?.kind === 'problem' ? (
          <View className='progress__problem' role='alert'>
            <Text>{outcome.message}</Text>
            {outcome.hint ? <Text className='progress__problem-hint'>{outcome.hint}</Text> : null}
          </View>
        ) : null}

        <ActionButton block disabled={busy} onTap={() => void submit()}>
          {busy ? S.submitting : S.submit}
        </ActionButton>
      </View>

      {outcome?.kind === 'found' ? <ProgressResult progress={outcome.progress} /> : null}
    </View>
  )
}
