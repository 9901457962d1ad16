import Taro from '@tarojs/taro'
import type { CallBackMethod, RectificationAction, RectificationDetail, RectificationOutcome } from '@ah-tourism/shared'
import { Text } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { DateInput } from '@/components/form-field/date-input'
import { SwitchRow } from '@/components/form-field/switch-row'
import { TextArea } from '@/components/form-field/text-area'
import { Section } from '@/components/section'
import { actOnRectification } from '@/features/staff/feedback-api'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { ProblemBox } from '@/features/staff/feedback-view'
import { textProblem, useFeedbackAction, type IssueMap } from '@/features/staff/use-feedback-action'
import type { ApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import { CALL_BACK_METHOD_NAMES, RECTIFICATION_OUTCOME_NAMES } from '@/features/staff/labels'
import { RECTIFICATION_STRINGS as S } from './strings'

const NOTE_MAX = 500
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const DECISIONS = options(S.decisions)

/** Today in China (UTC+8), as YYYY-MM-DD, whatever the phone's zone. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

export interface RectificationFormProps {
  detail: RectificationDetail
  onDone: (next: RectificationDetail, message: string) => void
  onStale: (error: ApiError) => void
}

function ActionSection(props: { id: string; title: string; text: string; problems: string[]; submitText: string; submitting: boolean; onSubmit: () => void; children: ReactNode }) {
  return (
    <Section id={props.id} title={props.title}>
      <Text className='rectification__text'>{props.text}</Text>
      {props.children}
      <ProblemBox title={S.otherProblems} messages={props.problems} />
      <ActionButton block disabled={props.submitting} onTap={props.onSubmit}>
        {props.submitting ? F.submitting : props.submitText}
      </ActionButton>
    </Section>
  )
}

/** One form's state: what was typed, the issues found on the phone (shown after a first try) and the API's. */
function useForm<D extends Record<string, unknown>>(formId: string, initial: D, check: (draft: D) => IssueMap) {
  const [draft, setDraft] = useState(initial)
  const [attempted, setAttempted] = useState(false)
  const action = useFeedbackAction()
  const issues = check(draft)
  const errorFor = (path: string) => action.serverIssues[path] ?? (attempted ? issues[path] : undefined)
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) => {
      setDraft((previous) => ({ ...previous, [key]: value }))
      action.clearIssue(String(key))
    }
  /** True when the draft may be sent; otherwise the first field to fix is brought into view. */
  const ready = () => {
    setAttempted(true)
    const first = Object.keys(issues)[0]
    if (!first) return true
    void Taro.showToast({ title: F.fixProblems, icon: 'none' })
    scrollToId(`${formId}-${first}`)
    return false
  }
  return { draft, set, errorFor, ready, ...action }
}

function NoteField({ id, path, title, value, placeholder, error, onChange }: { id: string; path: string; title: string; value: string; placeholder: string; error?: string; onChange: (value: string) => void }) {
  const fieldId = `${id}-${path}`
  return (
    <FormField id={fieldId} label={title} required error={error}>
      <TextArea id={fieldId} value={value} label={title} placeholder={placeholder} maxLength={NOTE_MAX} invalid={!!error} describedBy={describedBy(fieldId, false, !!error)} onChange={onChange} />
    </FormField>
  )
}

const send = (detail: RectificationDetail, action: RectificationAction) => () => actOnRectification(detail.subjectId, action)

/** 记录回访: how the evaluator was contacted, whether they were reached, and what they said. */
export function CallBackForm({ detail, onDone, onStale }: RectificationFormProps) {
  const form = useForm('f-call-back', { method: 'phone' as CallBackMethod | '', reached: true, note: '' }, (d) => {
    const issues: IssueMap = {}
    if (!d.method) issues.method = S.issues.method
    const note = textProblem(d.note, S.issues.note, NOTE_MAX, F.tooLong)
    if (note) issues.note = note
    return issues
  })
  const id = 'f-call-back'
  const submit = () => {
    if (!form.ready() || !form.draft.method) return
    const { method, reached, note } = form.draft
    void form.run({
      send: send(detail, { action: 'call_back', version: detail.version, method, reached, note: note.trim() }),
      fields: ['method', 'note'],
      onDone: (next) => onDone(next, S.callBackSaved),
      onStale,
    })
  }
  return (
    <ActionSection id={id} title={S.callBack} text={S.callBackText} problems={form.problems} submitText={S.saveCallBack} submitting={form.submitting} onSubmit={submit}>
      <FormField id={`${id}-method`} label={S.method} required error={form.errorFor('method')}>
        <ChoiceGroup label={S.method} options={options(CALL_BACK_METHOD_NAMES)} value={form.draft.method} invalid={!!form.errorFor('method')} onChange={(value) => form.set('method')(value as CallBackMethod)} />
      </FormField>
      <SwitchRow title={S.reached} note={S.reachedNote} checked={form.draft.reached} onChange={form.set('reached')} />
      <NoteField id={id} path='note' title={S.note} value={form.draft.note} placeholder={S.notePlaceholder} error={form.errorFor('note')} onChange={form.set('note')} />
    </ActionSection>
  )
}

/** 答复: the outcome the standard allows, the answer to the evaluator and, for 限期整改, the date. */
export function RespondForm({ detail, onDone, onStale }: RectificationFormProps) {
  const form = useForm('f-respond', { outcome: '' as RectificationOutcome | '', response: '', rectifyBy: '' }, (d) => {
    const issues: IssueMap = {}
    if (!d.outcome) issues.outcome = S.issues.outcome
    const response = textProblem(d.response, S.issues.response, NOTE_MAX, F.tooLong)
    if (response) issues.response = response
    if (d.outcome === 'by_date') {
      if (!d.rectifyBy) issues.rectifyBy = S.issues.rectifyBy
      else if (d.rectifyBy < today()) issues.rectifyBy = S.issues.rectifyByPast
    }
    return issues
  })
  const id = 'f-respond'
  const { outcome } = form.draft
  const submit = () => {
    if (!form.ready() || !outcome) return
    const action: RectificationAction = { action: 'respond', version: detail.version, outcome, response: form.draft.response.trim() }
    if (outcome === 'by_date') action.rectifyBy = form.draft.rectifyBy
    void form.run({ send: send(detail, action), fields: ['outcome', 'response', 'rectifyBy'], onDone: (next) => onDone(next, S.responded), onStale })
  }
  const dateError = form.errorFor('rectifyBy')
  return (
    <ActionSection id={id} title={S.respond} text={S.respondText} problems={form.problems} submitText={S.submitResponse} submitting={form.submitting} onSubmit={submit}>
      <FormField id={`${id}-outcome`} label={S.outcome} required hint={outcome ? S.outcomeHints[outcome] : undefined} error={form.errorFor('outcome')}>
        <ChoiceGroup label={S.outcome} options={options(RECTIFICATION_OUTCOME_NAMES)} value={outcome} invalid={!!form.errorFor('outcome')} onChange={(value) => form.set('outcome')(value as RectificationOutcome)} />
      </FormField>
      <NoteField id={id} path='response' title={S.responseText} value={form.draft.response} placeholder={S.responsePlaceholder} error={form.errorFor('response')} onChange={form.set('response')} />
      {outcome === 'by_date' ? (
        <FormField id={`${id}-rectifyBy`} label={S.rectifyBy} required error={dateError}>
          <DateInput
            id={`${id}-rectifyBy`}
            value={form.draft.rectifyBy}
            label={S.rectifyBy}
            placeholder={S.rectifyByPlaceholder}
            invalid={!!dateError}
            describedBy={describedBy(`${id}-rectifyBy`, false, !!dateError)}
            onChange={form.set('rectifyBy')}
          />
        </FormField>
      ) : null}
    </ActionSection>
  )
}

/** 整改完成: what was changed, confirmed by the organisation. */
export function CompleteForm({ detail, onDone, onStale }: RectificationFormProps) {
  const form = useForm('f-complete', { note: '' }, (d) => {
    const issues: IssueMap = {}
    const note = textProblem(d.note, S.issues.completeNote, NOTE_MAX, F.tooLong)
    if (note) issues.note = note
    return issues
  })
  const id = 'f-complete'
  const submit = () => {
    if (!form.ready()) return
    void form.run({ send: send(detail, { action: 'complete', version: detail.version, note: form.draft.note.trim() }), fields: ['note'], onDone: (next) => onDone(next, S.completed), onStale })
  }
  return (
    <ActionSection id={id} title={S.complete} text={S.completeText} problems={form.problems} submitText={S.submitComplete} submitting={form.submitting} onSubmit={submit}>
      <NoteField id={id} path='note' title={S.completeNote} value={form.draft.note} placeholder={S.completePlaceholder} error={form.errorFor('note')} onChange={form.set('note')} />
    </ActionSection>
  )
}

/** 复核 (provincial administrators): whether the organisation's appeal stands, and why. */
export function DecideAppealForm({ detail, onDone, onStale }: RectificationFormProps) {
  const form = useForm('f-decide', { decision: '' as 'upheld' | 'dismissed' | '', note: '' }, (d) => {
    const issues: IssueMap = {}
    if (!d.decision) issues.decision = S.issues.decision
    const note = textProblem(d.note, S.issues.decisionNote, NOTE_MAX, F.tooLong)
    if (note) issues.note = note
    return issues
  })
  const id = 'f-decide'
  const submit = () => {
    const { decision, note } = form.draft
    if (!form.ready() || !decision) return
    void form.run({ send: send(detail, { action: 'decide_appeal', version: detail.version, decision, note: note.trim() }), fields: ['decision', 'note'], onDone: (next) => onDone(next, S.decided), onStale })
  }
  return (
    <ActionSection id={id} title={S.decide} text={S.decideText} problems={form.problems} submitText={S.submitDecision} submitting={form.submitting} onSubmit={submit}>
      <FormField id={`${id}-decision`} label={S.decision} required error={form.errorFor('decision')}>
        <ChoiceGroup label={S.decision} options={DECISIONS} value={form.draft.decision} invalid={!!form.errorFor('decision')} onChange={(value) => form.set('decision')(value as 'upheld' | 'dismissed')} />
      </FormField>
      <NoteField id={id} path='note' title={S.decisionNote} value={form.draft.note} placeholder={S.decisionPlaceholder} error={form.errorFor('note')} onChange={form.set('note')} />
    </ActionSection>
  )
}
