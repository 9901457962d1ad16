import Taro from '@tarojs/taro'
import type { CaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextArea } from '@/components/form-field/text-area'
import { Section } from '@/components/section'
import { withdrawCase } from '@/features/cases/api'
import { isStale } from '@/features/cases/use-case-page'
import { toApiError, type ApiError } from '@/services/api-error'
import { DETAIL_STRINGS as S } from './strings'

const REASON_MAX = 200

export interface WithdrawPanelProps {
  detail: CaseDetail
  onWithdrawn: (detail: CaseDetail) => void
  onStale: (error: ApiError) => void
}

/** 撤回申请: a reason, a confirmation, then POST /cases/{no}/withdraw at the version shown. */
export function WithdrawPanel({ detail, onWithdrawn, onStale }: WithdrawPanelProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const text = reason.trim()
    if (!text) return setError(S.withdrawReasonMissing)
    if (text.length > REASON_MAX) return setError(S.withdrawReasonTooLong)
    const { confirm } = await Taro.showModal({ title: S.withdrawTitle, content: S.withdrawConfirmText, confirmText: S.withdrawConfirm, confirmColor: '#b42318' })
    if (!confirm) return
    setBusy(true)
    try {
      onWithdrawn(await withdrawCase(detail.caseNumber, { version: detail.version, reason: text }))
    } catch (caught) {
      const failure = toApiError(caught)
      if (isStale(failure)) onStale(failure)
      else setError(failure.details.find((d) => d.path === 'reason')?.message ?? failure.message)
    }
    setBusy(false)
  }

  if (!open) {
    return (
      <View className='case-detail__end'>
        <ActionButton block variant='secondary' onTap={() => setOpen(true)}>
          {S.withdraw}
        </ActionButton>
      </View>
    )
  }
  return (
    <Section title={S.withdrawTitle}>
      <Text className='case-note'>{S.withdrawText}</Text>
      <FormField id='f-withdraw-reason' label={S.withdrawReason} required error={error ?? undefined}>
        <TextArea
          id='f-withdraw-reason'
          value={reason}
          label={S.withdrawReasonLabel}
          placeholder={S.withdrawReasonPlaceholder}
          maxLength={REASON_MAX}
          invalid={!!error}
          describedBy={describedBy('f-withdraw-reason', false, !!error)}
          onChange={(value) => {
            setReason(value)
            setError(null)
          }}
        />
      </FormField>
      <View className='case-buttons'>
        <ActionButton variant='text' onTap={() => setOpen(false)}>
          {S.cancel}
        </ActionButton>
        <ActionButton disabled={busy} onTap={() => void submit()}>
          {busy ? S.withdrawing : S.withdrawConfirm}
        </ActionButton>
      </View>
    </Section>
  )
}
