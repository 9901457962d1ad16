import Taro from '@tarojs/taro'
import type { ListDraftAction, ListEntry } from '@ah-tourism/shared'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextArea } from '@/components/form-field/text-area'
import { Section } from '@/components/section'
import { ProblemBox } from '@/features/staff/feedback-view'
import { actOnListDraft } from '@/features/staff/lists-api'
import { toApiError, type ApiError } from '@/services/api-error'
import { LIST_EDIT_STRINGS as S } from './strings'

type Acted = Exclude<ListDraftAction, 'edit'>

export interface ActionPanelProps {
  entry: ListEntry
  onDone: (next: ListEntry, message: string) => void
  onStale: (error: ApiError) => void
}

const REJECT_ID = 'le-reject-reason'

/** Submit, approve, send back (with a reason), publish or discard: only what the API lists for this person now. */
export function ActionPanel({ entry, onDone, onStale }: ActionPanelProps) {
  const draft = entry.draft
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [problems, setProblems] = useState<string[]>([])
  const [working, setWorking] = useState(false)
  if (!draft) return null
  const actions = draft.actions.filter((a): a is Acted => a !== 'edit')
  if (!actions.length) {
    return (
      <Section title={S.actions}>
        <View className='list-edit__muted'>{S.noActions}</View>
      </Section>
    )
  }

  const run = async (action: Acted) => {
    if (working) return
    if (action === 'reject' && !reason.trim()) {
      setReasonError(S.rejectMissing)
      return
    }
    if (action === 'publish' || action === 'discard') {
      const { confirm } = await Taro.showModal({ title: action === 'publish' ? S.publish : S.discard, content: action === 'publish' ? S.confirmPublish : S.confirmDiscard })
      if (!confirm) return
    }
    setWorking(true)
    setProblems([])
    try {
      const next = await actOnListDraft(entry.current.implementationCode, { action, revision: draft.revision, ...(action === 'reject' ? { reason: reason.trim() } : {}) })
      setWorking(false)
      setReason('')
      onDone(next, S.done[action])
    } catch (caught) {
      setWorking(false)
      const error = toApiError(caught)
      if (error.status === 409) onStale(error)
      else if (action === 'reject' && error.details.some((d) => d.path === 'reason')) setReasonError(error.details.find((d) => d.path === 'reason')!.message)
      else setProblems([error.message, ...error.details.map((d) => d.message)])
    }
  }

  const labels: Record<Acted, string> = { submit: S.submit, approve: S.approve, reject: S.reject, publish: S.publish, discard: S.discard }
  return (
    <Section title={S.actions}>
      {actions.includes('reject') ? (
        <FormField id={REJECT_ID} label={S.rejectReason} error={reasonError}>
          <TextArea
            id={REJECT_ID}
            value={reason}
            label={S.rejectReason}
            placeholder={S.rejectPlaceholder}
            maxLength={300}
            invalid={!!reasonError}
            describedBy={describedBy(REJECT_ID, false, !!reasonError)}
            onChange={(value) => {
              setReason(value)
              setReasonError(undefined)
            }}
          />
        </FormField>
      ) : null}
      <ProblemBox title={S.otherProblems} messages={problems} />
      <View className='list-edit__buttons'>
        {actions.map((action) => (
          <ActionButton key={action} block variant={action === 'discard' || action === 'reject' ? 'secondary' : 'primary'} disabled={working} onTap={() => void run(action)}>
            {working ? S.working : labels[action]}
          </ActionButton>
        ))}
      </View>
    </Section>
  )
}
