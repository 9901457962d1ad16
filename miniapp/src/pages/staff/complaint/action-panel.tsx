import Taro from '@tarojs/taro'
import type { ComplaintAction, ComplaintActionRequest, ComplaintDetail, ComplaintOutcome } from '@ah-tourism/shared'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import type { OrganisationRef } from '@/features/staff/api'
import { actOnComplaint } from '@/features/staff/feedback-api'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { ProblemBox } from '@/features/staff/feedback-view'
import { OrganisationPicker } from '@/features/staff/organisation-picker'
import { textProblem, useFeedbackAction, type IssueMap } from '@/features/staff/use-feedback-action'
import type { ApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import { COMPLAINT_ACTION_NAMES, COMPLAINT_OUTCOME_NAMES } from '@/features/staff/labels'
import { COMPLAINT_STRINGS as S } from './strings'

const FORM_ID = 'complaint-action'
const MAX = { note: 1000, reason: 500 }
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/
const OUTCOMES = Object.entries(COMPLAINT_OUTCOME_NAMES).map(([value, label]) => ({ value, label }))
/** Moving the complaint on is the main button; the others are secondary. */
const FORWARD = new Set<ComplaintAction>(['accept', 'close'])
const fieldId = (path: string) => `f-complaint-${path}`

interface Draft {
  note: string
  reason: string
  target: OrganisationRef | null
  outcome: ComplaintOutcome | ''
  refund: string
}

const EMPTY: Draft = { note: '', reason: '', target: null, outcome: '', refund: '' }

/** What each action asks, checked as the API will. */
function check(action: ComplaintAction, draft: Draft, own: string): IssueMap {
  const issues: IssueMap = {}
  const put = (path: string, message: string | undefined) => {
    if (message) issues[path] = message
  }
  const optional = (value: string, max: number) => (Array.from(value.trim()).length > max ? F.tooLong(max) : undefined)
  if (action === 'accept') put('note', optional(draft.note, MAX.note))
  if (action === 'refuse') put('reason', textProblem(draft.reason, S.issues.reason, MAX.reason, F.tooLong))
  if (action === 'transfer') {
    put('targetOrganisationCode', !draft.target ? S.issues.target : draft.target.code === own ? S.issues.targetSelf : undefined)
    put('reason', textProblem(draft.reason, S.issues.transferReason, MAX.reason, F.tooLong))
  }
  if (action === 'mediate') put('note', textProblem(draft.note, S.issues.mediate, MAX.note, F.tooLong))
  if (action === 'close') {
    put('outcome', draft.outcome ? undefined : S.issues.outcome)
    const refund = draft.refund.trim()
    put('refundAmount', refund && (!AMOUNT.test(refund) || Number(refund) > 10_000_000) ? S.issues.refund : undefined)
    put('note', optional(draft.note, MAX.note))
  }
  return issues
}

function toRequest(action: ComplaintAction, draft: Draft, version: number): ComplaintActionRequest {
  const request: ComplaintActionRequest = { action, version }
  const note = draft.note.trim()
  const reason = draft.reason.trim()
  if ((action === 'accept' || action === 'mediate' || action === 'close') && note) request.note = note
  if (action === 'refuse' || action === 'transfer') request.reason = reason
  if (action === 'transfer' && draft.target) request.targetOrganisationCode = draft.target.code
  if (action === 'close') {
    if (draft.outcome) request.outcome = draft.outcome
    if (draft.refund.trim()) request.refundAmount = Number(draft.refund.trim())
  }
  return request
}

interface ActionFormProps {
  action: ComplaintAction
  detail: ComplaintDetail
  onCancel: () => void
  onDone: (next: ComplaintDetail, label: string) => void
  onStale: (error: ApiError) => void
}

function ActionForm({ action, detail, onCancel, onDone, onStale }: ActionFormProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [attempted, setAttempted] = useState(false)
  const { submitting, serverIssues, problems, run, clearIssue } = useFeedbackAction()
  const issues = check(action, draft, detail.organisationCode)
  const label = COMPLAINT_ACTION_NAMES[action]
  const errorFor = (path: string) => serverIssues[path] ?? (attempted ? issues[path] : undefined)
  const set =
    <K extends keyof Draft>(key: K, path: string = key) =>
    (value: Draft[K]) => {
      setDraft((previous) => ({ ...previous, [key]: value }))
      clearIssue(path)
    }

  // Opened from the list of actions: bring the form into view.
  useEffect(() => scrollToId(FORM_ID), [])

  const submit = () => {
    setAttempted(true)
    const first = Object.keys(issues)[0]
    if (first) {
      void Taro.showToast({ title: F.fixProblems, icon: 'none' })
      scrollToId(fieldId(first))
      return
    }
    void run({
      send: () => actOnComplaint(detail.complaintNumber, toRequest(action, draft, detail.version)),
      fields: ['note', 'reason', 'targetOrganisationCode', 'outcome', 'refundAmount'],
      onDone: (next) => onDone(next, label),
      onStale,
    })
  }

  const text = (key: 'note' | 'reason', title: string, placeholder: string, required: boolean) => {
    const id = fieldId(key)
    const error = errorFor(key)
    return (
      <FormField id={id} label={title} required={required} error={error}>
        <TextArea id={id} value={draft[key]} label={title} placeholder={placeholder} maxLength={MAX[key]} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set(key)} />
      </FormField>
    )
  }

  const targetError = errorFor('targetOrganisationCode')
  const outcomeError = errorFor('outcome')
  const refundError = errorFor('refundAmount')

  return (
    <Section id={FORM_ID} title={label}>
      {action === 'accept' ? text('note', S.acceptNote, S.acceptPlaceholder, false) : null}
      {action === 'refuse' ? text('reason', S.refuseReason, S.refusePlaceholder, true) : null}
      {action === 'transfer' ? (
        <>
          <FormField id={fieldId('targetOrganisationCode')} label={S.target} required error={targetError}>
            <OrganisationPicker
              id={fieldId('targetOrganisationCode')}
              label={S.targetLabel}
              value={draft.target}
              invalid={!!targetError}
              describedBy={describedBy(fieldId('targetOrganisationCode'), false, !!targetError)}
              onChange={set('target', 'targetOrganisationCode')}
            />
          </FormField>
          {text('reason', S.transferReason, S.transferPlaceholder, true)}
        </>
      ) : null}
      {action === 'mediate' ? text('note', S.mediateNote, S.mediatePlaceholder, true) : null}
      {action === 'close' ? (
        <>
          <FormField id={fieldId('outcome')} label={S.closeOutcome} required error={outcomeError}>
            <ChoiceGroup label={S.closeOutcome} options={OUTCOMES} value={draft.outcome} invalid={!!outcomeError} onChange={(value) => set('outcome')(value as ComplaintOutcome)} />
          </FormField>
          <FormField id={fieldId('refundAmount')} label={S.refund} error={refundError}>
            <TextInput
              id={fieldId('refundAmount')}
              value={draft.refund}
              label={S.refund}
              placeholder={S.refundPlaceholder}
              mode='decimal'
              maxLength={11}
              invalid={!!refundError}
              describedBy={describedBy(fieldId('refundAmount'), false, !!refundError)}
              onChange={set('refund', 'refundAmount')}
            />
          </FormField>
          {text('note', S.closeNote, S.closePlaceholder, false)}
        </>
      ) : null}
      <ProblemBox title={S.otherProblems} messages={problems} />
      <View className='case-buttons'>
        <ActionButton variant='text' onTap={onCancel}>
          {S.cancel}
        </ActionButton>
        <ActionButton disabled={submitting} onTap={submit}>
          {submitting ? F.submitting : (S.submit[action] ?? label)}
        </ActionButton>
      </View>
    </Section>
  )
}

export interface ComplaintActionPanelProps {
  detail: ComplaintDetail
  onDone: (next: ComplaintDetail, label: string) => void
  onStale: (error: ApiError) => void
}

/** 办理: only the actions the API allows on this complaint now (`detail.actions`); each opens its form. */
export function ComplaintActionPanel({ detail, onDone, onStale }: ComplaintActionPanelProps) {
  const [active, setActive] = useState<ComplaintAction | null>(null)
  if (!detail.actions.length) {
    return (
      <Section title={S.actions}>
        <StatusView kind='empty' compact title={S.noActions} description={S.noActionsHint} />
      </Section>
    )
  }
  if (active) return <ActionForm action={active} detail={detail} onCancel={() => setActive(null)} onDone={onDone} onStale={onStale} />
  return (
    <Section title={S.actions}>
      <View className='complaint__actions'>
        {detail.actions.map((action) => (
          <ActionButton key={action} block variant={FORWARD.has(action) ? 'primary' : 'secondary'} onTap={() => setActive(action)}>
            {COMPLAINT_ACTION_NAMES[action]}
          </ActionButton>
        ))}
      </View>
    </Section>
  )
}
