import Taro from '@tarojs/taro'
import type { ItemSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput } from '@/components/form-field/text-input'
import { SearchBar } from '@/components/search-bar'
import { listItems } from '@/features/catalog/api'
import { askConsultation } from '@/features/feedback/api'
import { ProblemBox } from '@/features/staff/feedback-view'
import { CONSULTATIONS_PAGE } from '@/features/staff/routes'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { scrollToId } from '@/services/scroll'
import type { RecordContext } from './person'
import { RECORD_STRINGS as S } from './strings'

const IMPLEMENTATION_CODE = /^[0-9A-Z]{35}$/
const QUESTION_MAX = 500
const ID = { code: 'f-record-implementationCode', question: 'f-record-question' }

type Search = { status: 'idle' } | { status: 'loading' } | { status: 'done'; items: ItemSummary[] } | { status: 'error'; message: string }

/**
 * 咨询: the item (found by name in the staff member's region, or its implementation code typed in)
 * and the question as the person put it.
 */
export function ConsultationTab({ regionCode, takePerson, placePersonIssues, onSaved }: RecordContext & { regionCode: string }) {
  const [search, setSearch] = useState<Search>({ status: 'idle' })
  const [code, setCode] = useState('')
  const [question, setQuestion] = useState('')
  const [issues, setIssues] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  // One key per consultation recorded: a retry after a timeout records it once.
  const retry = useRetryKey()

  const find = (keyword: string) => {
    if (!keyword) return setSearch({ status: 'idle' })
    setSearch({ status: 'loading' })
    listItems({ region: regionCode, keyword, limit: 10 }).then(
      ({ items }) => setSearch({ status: 'done', items }),
      (error: unknown) => setSearch({ status: 'error', message: toApiError(error).message }),
    )
  }

  const check = () => {
    const found: Record<string, string> = {}
    if (!IMPLEMENTATION_CODE.test(code.trim())) found.implementationCode = S.codeInvalid
    const text = question.trim()
    if (!text) found.question = S.questionMissing
    else if (Array.from(text).length > QUESTION_MAX) found.question = S.tooLong(QUESTION_MAX)
    return found
  }

  const submit = async () => {
    if (busy) return
    setProblems([])
    const found = check()
    setIssues(found)
    const person = takePerson()
    if (!person) return
    const first = (['implementationCode', 'question'] as const).find((path) => found[path])
    if (first) {
      void Taro.showToast({ title: S.fix, icon: 'none' })
      scrollToId(first === 'question' ? ID.question : ID.code)
      return
    }
    setBusy(true)
    try {
      const request = { implementationCode: code.trim(), question: question.trim(), onBehalf: person }
      const consultation = await askConsultation(request, retry.for(request))
      retry.done()
      onSaved({ kind: 'consultation', number: consultation.consultationId, url: CONSULTATIONS_PAGE, linkText: S.open.consultation })
    } catch (caught) {
      const error = toApiError(caught)
      if (KEY_REFUSED.has(error.code)) retry.done()
      const placed: Record<string, string> = {}
      const unplaced: string[] = []
      for (const issue of placePersonIssues(error.details)) {
        if (issue.path === 'implementationCode' || issue.path === 'question') placed[issue.path] ??= issue.message
        else unplaced.push(issue.message)
      }
      setIssues(placed)
      setProblems([error.message, ...unplaced.filter((m) => m !== error.message)])
      setBusy(false)
    }
  }

  const codeError = issues.implementationCode
  const questionError = issues.question
  return (
    <View className='record__panel'>
      <FormField id='f-record-find' label={S.findItem}>
        <SearchBar value='' placeholder={S.findPlaceholder} label={S.findItem} submitText={S.find} clearLabel={S.findClear} onSearch={find} onClear={() => setSearch({ status: 'idle' })} />
      </FormField>
      <View aria-live='polite'>
        {search.status === 'loading' ? <Text className='case-note'>{S.finding}</Text> : null}
        {search.status === 'error' ? (
          <View className='form-field__error' role='alert'>
            {search.message}
          </View>
        ) : null}
        {search.status === 'done' && !search.items.length ? <Text className='case-note'>{S.noItems}</Text> : null}
        {search.status === 'done' && search.items.length ? (
          <View className='record__found'>
            <ChoiceGroup
              label={S.foundItems}
              options={search.items.map((item) => ({ value: item.implementationCode, label: S.itemOption(item.name, item.organisationName) }))}
              value={code}
              onChange={(value) => {
                setCode(value)
                setIssues(({ implementationCode: _dropped, ...rest }) => rest)
              }}
            />
          </View>
        ) : null}
      </View>
      <FormField id={ID.code} label={S.code} required error={codeError}>
        <TextInput
          id={ID.code}
          value={code}
          label={S.code}
          placeholder={S.codePlaceholder}
          maxLength={35}
          invalid={!!codeError}
          describedBy={describedBy(ID.code, false, !!codeError)}
          onChange={(value) => {
            setCode(value.trim().toUpperCase())
            setIssues(({ implementationCode: _dropped, ...rest }) => rest)
          }}
        />
      </FormField>
      <FormField id={ID.question} label={S.question} required error={questionError}>
        <TextArea
          id={ID.question}
          value={question}
          label={S.question}
          placeholder={S.questionPlaceholder}
          maxLength={QUESTION_MAX}
          invalid={!!questionError}
          describedBy={describedBy(ID.question, false, !!questionError)}
          onChange={(value) => {
            setQuestion(value)
            setIssues(({ question: _dropped, ...rest }) => rest)
          }}
        />
      </FormField>
      <ProblemBox title={S.otherProblems} messages={problems} />
      <ActionButton block disabled={busy} onTap={() => void submit()}>
        {busy ? S.submitting : S.submitConsultation}
      </ActionButton>
    </View>
  )
}
