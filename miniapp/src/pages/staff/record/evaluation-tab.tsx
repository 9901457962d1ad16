import type { EvaluationRequest, FieldIssue } from '@ah-tourism/shared'
import { isBadReview } from '@ah-tourism/shared/src/feedback/model'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { describedBy, FormField } from '@/components/form-field'
import { TextInput } from '@/components/form-field/text-input'
import { evaluateCase } from '@/features/feedback/api'
import { EvaluationForm } from '@/features/feedback/evaluation-form'
import { rectificationUrl, staffCaseUrl } from '@/features/staff/routes'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { scrollToId } from '@/services/scroll'
import type { RecordContext } from './person'
import { RECORD_STRINGS as S } from './strings'

const CASE_NUMBER = /^\d{14}[0-9A-Z]{8}$/
const CASE_ID = 'f-record-caseNumber'

/** 评价: the case the person is evaluating, then the standard evaluation form filled in as they say. */
export function EvaluationTab({ takePerson, placePersonIssues, onSaved }: RecordContext) {
  const [caseNumber, setCaseNumber] = useState('')
  const [caseError, setCaseError] = useState<string | undefined>()
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<{ message: string; details: FieldIssue[] } | null>(null)
  // One key per evaluation recorded: a retry after a timeout records it once.
  const retry = useRetryKey()

  const submit = async (request: EvaluationRequest) => {
    setError(null)
    const number = caseNumber.trim().toUpperCase()
    const numberError = CASE_NUMBER.test(number) ? undefined : S.caseNumberInvalid
    setCaseError(numberError)
    const person = takePerson()
    if (!person) return
    if (numberError) {
      scrollToId(CASE_ID)
      return
    }
    setSubmitting(true)
    try {
      const recorded = { ...request, onBehalf: person }
      await evaluateCase(number, recorded, retry.for({ number, recorded }))
      retry.done()
      const bad = isBadReview(request.level)
      onSaved({ kind: 'evaluation', number, url: bad ? rectificationUrl(number) : staffCaseUrl(number), linkText: bad ? S.open.badReview : S.open.evaluation })
    } catch (caught) {
      const apiError = toApiError(caught)
      if (KEY_REFUSED.has(apiError.code)) retry.done()
      setError({ message: apiError.message, details: placePersonIssues(apiError.details) })
      setSubmitting(false)
    }
  }

  return (
    <View className='record__panel'>
      <FormField id={CASE_ID} label={S.caseNumber} required hint={S.caseNumberHint} error={caseError}>
        <TextInput
          id={CASE_ID}
          value={caseNumber}
          label={S.caseNumber}
          placeholder={S.caseNumberPlaceholder}
          maxLength={22}
          invalid={!!caseError}
          describedBy={describedBy(CASE_ID, true, !!caseError)}
          onChange={(value) => {
            setCaseNumber(value.trim().toUpperCase())
            setCaseError(undefined)
          }}
        />
      </FormField>
      <EvaluationForm title={S.evaluationTitle} submitting={submitting} error={error} onSubmit={submit} />
    </View>
  )
}
