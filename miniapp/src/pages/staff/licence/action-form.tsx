import Taro from '@tarojs/taro'
import type { LicenceAction, StaffLicence } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { DateInput } from '@/components/form-field/date-input'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { actOnLicence } from '@/features/licences/api'
import { toApiError, type ApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import { ChangeFields, fieldId } from './change-fields'
import { emptyDraft, MAX, toBody, validateDraft, type IssueMap, type LicenceDraft } from './licence-draft'
import { STAFF_LICENCE_STRINGS as S } from './strings'

const FORM_ID = 'licence-action'
/** The fields the API names that this form shows beside their control. */
const PLACED = new Set(['reason', 'legalBasis', 'effectiveOn'])
/** Not to be undone: asked once more before sending. */
const FINAL = new Set<LicenceAction>(['revoke', 'cancel'])
/** The answers that mean the licence changed since it was shown. */
export const isStale = (error: ApiError) => error.code === 'LICENCE_VERSION_CONFLICT' || error.code === 'LICENCE_ACTION_NOT_ALLOWED'

export interface LicenceActionFormProps {
  action: LicenceAction
  staffLicence: StaffLicence
  onCancel: () => void
  onDone: (next: StaffLicence, label: string) => void
  onStale: (error: ApiError) => void
}

/** One action on the licence: reason, legal basis, effective date (and for 变更换发 the new content), at the version shown. */
export function LicenceActionForm({ action, staffLicence, onCancel, onDone, onStale }: LicenceActionFormProps) {
  const { licence } = staffLicence
  const label = S.actionNames[action]
  const [draft, setDraft] = useState<LicenceDraft>(() => emptyDraft(licence))
  const [attempted, setAttempted] = useState(false)
  const [serverIssues, setServerIssues] = useState<IssueMap>({})
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const issues = validateDraft(action, draft, licence)

  useEffect(() => scrollToId(FORM_ID), [])

  const errorFor = (path: string) => serverIssues[path] ?? (attempted ? issues[path] : undefined)
  const change = (path: string, next: Partial<LicenceDraft>) => {
    setDraft((d) => ({ ...d, ...next }))
    setServerIssues(({ [path]: _dropped, ...rest }) => rest)
  }

  const submit = async () => {
    if (busy) return
    setAttempted(true)
    setProblems([])
    const found = Object.keys(issues)
    if (found.length) {
      void Taro.showToast({ title: S.fixProblems(found.length), icon: 'none' })
      scrollToId(fieldId(found[0]!))
      return
    }
    if (FINAL.has(action)) {
      const { confirm } = await Taro.showModal({ title: S.confirmTitle(label), content: S.confirmText(label, licence.number), confirmText: S.submit(label), confirmColor: '#b42318' })
      if (!confirm) return
    }
    setBusy(true)
    try {
      onDone(await actOnLicence(licence.licenceId, toBody(action, draft, licence)), label)
      return
    } catch (caught) {
      const error = toApiError(caught)
      if (isStale(error)) return onStale(error)
      const placed: IssueMap = {}
      const unplaced: string[] = []
      for (const issue of error.details) {
        if (PLACED.has(issue.path)) placed[issue.path] ??= issue.message
        else unplaced.push(issue.message)
      }
      setServerIssues(placed)
      setProblems([error.message, ...unplaced])
    }
    setBusy(false)
  }

  const reasonId = fieldId('reason')
  const basisId = fieldId('legalBasis')
  const dateId = fieldId('effectiveOn')
  return (
    <Section title={label} id={FORM_ID}>
      <Text className='case-note'>{S.actionHints[action]}</Text>
      <FormField id={reasonId} label={S.reason} required error={errorFor('reason')}>
        <TextArea id={reasonId} value={draft.reason} label={S.reason} placeholder={S.reasonPlaceholder} maxLength={MAX.reason} invalid={!!errorFor('reason')} describedBy={describedBy(reasonId, false, !!errorFor('reason'))} onChange={(reason) => change('reason', { reason })} />
      </FormField>
      <FormField id={basisId} label={S.legalBasis} required error={errorFor('legalBasis')}>
        <TextInput id={basisId} value={draft.legalBasis} label={S.legalBasis} placeholder={S.legalBasisPlaceholder} maxLength={MAX.legalBasis} invalid={!!errorFor('legalBasis')} describedBy={describedBy(basisId, false, !!errorFor('legalBasis'))} onChange={(legalBasis) => change('legalBasis', { legalBasis })} />
      </FormField>
      <FormField id={dateId} label={S.effectiveOn} hint={S.effectiveOnHint} error={errorFor('effectiveOn')}>
        <DateInput id={dateId} value={draft.effectiveOn} label={S.effectiveOn} placeholder={S.effectiveOnPlaceholder} invalid={!!errorFor('effectiveOn')} describedBy={describedBy(dateId, true, !!errorFor('effectiveOn'))} onChange={(effectiveOn) => change('effectiveOn', { effectiveOn })} />
      </FormField>
      {action === 'change' ? <ChangeFields draft={draft} errorFor={errorFor} onChange={change} /> : null}
      {problems.length ? (
        <View className='staff-licence__problem' role='alert'>
          <Text className='staff-licence__problem-title'>{S.otherProblems}</Text>
          {problems.map((message) => (
            <Text key={message}>{message}</Text>
          ))}
        </View>
      ) : null}
      <View className='case-buttons'>
        <ActionButton variant='text' onTap={onCancel}>
          {S.cancel}
        </ActionButton>
        <ActionButton disabled={busy} onTap={() => void submit()}>
          {busy ? S.submitting : S.submit(label)}
        </ActionButton>
      </View>
    </Section>
  )
}
