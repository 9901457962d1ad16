import Taro from '@tarojs/taro'
import type { StaffCaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import type { CaseTransition } from '@ah-tourism/shared/src/cases/status'
import type { CommitmentConsequence } from '@ah-tourism/shared/src/application/commitment-consequences'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { isStale } from '@/features/cases/use-case-page'
import { actOnCase } from '@/features/staff/api'
import { OrganisationPicker } from '@/features/staff/organisation-picker'
import { toApiError, type ApiError } from '@/services/api-error'
import { scrollToId } from '@/services/scroll'
import {
  DELIVERY_METHODS,
  emptyDraft,
  formPath,
  PROCEDURES,
  requirementsOf,
  toRequest,
  validateDraft,
  type ActionDraft,
  type DeliveryMethod,
  type IssueMap,
  type Procedure,
} from './action-form'
import { DefectsField, fieldId } from './defects-field'
import { COMMITMENT_CONSEQUENCE_NAMES, TRANSITION_NAMES } from '@/features/staff/labels'
import { CASE_STRINGS as S } from './strings'

/** Moving the case on (受理, 审查完成, 准予许可, 送达…) is the main button; the others are secondary. */
const FORWARD = new Set<CaseTransition>(['accept', 'end_special_procedure', 'complete_review', 'approve', 'deliver'])
const FORM_ID = 'staff-action'
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** Whether a field of the form is on screen (so an API issue can be shown next to it). */
const onScreen = (id: string) => typeof document === 'undefined' || document.getElementById(id) !== null

interface ActionFormProps {
  action: CaseTransition
  detail: StaffCaseDetail
  onCancel: () => void
  onDone: (next: StaffCaseDetail, label: string) => void
  onStale: (error: ApiError) => void
}

function ActionForm({ action, detail, onCancel, onDone, onStale }: ActionFormProps) {
  const [draft, setDraft] = useState<ActionDraft>(emptyDraft)
  const [attempted, setAttempted] = useState(false)
  const [serverIssues, setServerIssues] = useState<IssueMap>({})
  const [problems, setProblems] = useState<string[]>([])
  const [submitting, setSubmitting] = useState(false)
  const issues = validateDraft(action, draft)
  const label = TRANSITION_NAMES[action]

  const errorFor = (path: string) => serverIssues[path] ?? (attempted ? issues[path] : undefined)
  const change = (path: string, next: (draft: ActionDraft) => ActionDraft) => {
    setDraft(next)
    setServerIssues((previous) => {
      if (!(path in previous) && !('defects' in previous)) return previous
      const rest = { ...previous }
      delete rest[path]
      delete rest.defects
      return rest
    })
  }
  const set = <K extends keyof ActionDraft>(key: K, path: string) => (value: ActionDraft[K]) => change(path, (d) => ({ ...d, [key]: value }))

  const scrollTo = (paths: string[]) => {
    const first = paths.map(fieldId).find(onScreen)
    if (first) scrollToId(first)
  }

  // Opened from the list of actions: bring the form into view.
  useEffect(() => scrollToId(FORM_ID), [])

  const submit = async () => {
    if (submitting) return
    setAttempted(true)
    setProblems([])
    const found = Object.keys(issues)
    if (found.length) {
      void Taro.showToast({ title: S.fixProblems(found.length), icon: 'none' })
      scrollTo(found)
      return
    }
    setSubmitting(true)
    const { request, defectPaths } = toRequest(action, draft, detail)
    try {
      const next = await actOnCase(detail.caseNumber, request)
      onDone(next, label)
      return
    } catch (caught) {
      const error = toApiError(caught)
      if (isStale(error)) {
        onStale(error)
        return
      }
      const placed: IssueMap = {}
      const unplaced: string[] = []
      for (const issue of error.details) {
        const path = formPath(issue.path, defectPaths)
        if (onScreen(fieldId(path))) placed[path] ??= issue.message
        else unplaced.push(issue.message)
      }
      setServerIssues(placed)
      setProblems([error.message, ...unplaced])
      scrollTo(Object.keys(placed))
    }
    setSubmitting(false)
  }

  const field = (path: string, title: string, body: (id: string, error: string | undefined) => JSX.Element, hint?: string) => {
    const id = fieldId(path)
    const error = errorFor(path)
    return (
      <FormField key={path} id={id} label={title} required hint={hint} error={error}>
        {body(id, error)}
      </FormField>
    )
  }
  const text = (path: 'opinion' | 'reason' | 'legalRemedy', title: string, placeholder?: string, hint?: string) =>
    field(
      path,
      title,
      (id, error) => (
        <TextArea
          id={id}
          value={draft[path]}
          label={title}
          placeholder={placeholder}
          maxLength={path === 'legalRemedy' ? 500 : 1000}
          invalid={!!error}
          describedBy={describedBy(id, !!hint, !!error)}
          onChange={set(path, path)}
        />
      ),
      hint,
    )

  const parts = requirementsOf(action).map((requirement) => {
    switch (requirement) {
      case 'opinion':
        return text('opinion', S.opinionLabels[action] ?? S.opinion, S.opinionPlaceholders[action])
      case 'reason':
        return text('reason', S.reasonLabels[action] ?? S.reason)
      case 'legal_remedy':
        return text('legalRemedy', S.legalRemedy, undefined, S.legalRemedyHint)
      case 'procedure':
        return field(
          'procedure',
          S.procedure,
          (_, error) => <ChoiceGroup label={S.procedure} options={options(PROCEDURES)} value={draft.procedure} invalid={!!error} onChange={(value) => set('procedure', 'procedure')(value as Procedure)} />,
          S.procedureHint,
        )
      case 'target_organisation':
        return field('targetOrganisationCode', S.target, (id, error) => (
          <OrganisationPicker id={id} label={S.targetLabel} value={draft.target} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set('target', 'targetOrganisationCode')} />
        ))
      case 'delivery':
        return (
          <View key='delivery'>
            {field('delivery', S.delivery, () => (
              <ChoiceGroup label={S.delivery} options={options(DELIVERY_METHODS)} value={draft.delivery} onChange={(value) => set('delivery', 'delivery')(value as DeliveryMethod)} />
            ))}
            {draft.delivery === 'post'
              ? field('delivery.trackingNumber', S.trackingNumber, (id, error) => (
                  <TextInput id={id} value={draft.trackingNumber} label={S.trackingNumber} placeholder={S.trackingNumberPlaceholder} maxLength={30} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set('trackingNumber', 'delivery.trackingNumber')} />
                ))
              : null}
            {draft.delivery === 'pickup'
              ? field('delivery.hall', S.hall, (id, error) => (
                  <TextInput id={id} value={draft.hall} label={S.hall} placeholder={S.hallPlaceholder} maxLength={100} invalid={!!error} describedBy={describedBy(id, false, !!error)} onChange={set('hall', 'delivery.hall')} />
                ))
              : null}
          </View>
        )
      case 'commitment':
        return (
          <View key='commitment'>
            {field('commitment.materialId', S.commitmentMaterial, (_, error) => (
              <ChoiceGroup
                label={S.commitmentMaterial}
                options={detail.materials.filter((m) => m.commitment).map((m) => ({ value: m.materialId, label: m.name }))}
                value={draft.commitmentMaterial}
                invalid={!!error}
                onChange={set('commitmentMaterial', 'commitment.materialId')}
              />
            ))}
            {field(
              'commitment.consequence',
              S.consequence,
              (_, error) => (
                <ChoiceGroup label={S.consequence} options={options(COMMITMENT_CONSEQUENCE_NAMES)} value={draft.consequence} invalid={!!error} onChange={(value) => set('consequence', 'commitment.consequence')(value as CommitmentConsequence)} />
              ),
              S.consequenceHint,
            )}
          </View>
        )
      case 'defects':
        return (
          <DefectsField
            key='defects'
            detail={detail}
            draft={draft}
            errorFor={errorFor}
            onMaterial={(id, check) => change(`material.${id}`, (d) => ({ ...d, materials: { ...d.materials, [id]: check } }))}
            onCondition={(index, check) => change(`condition.${index}`, (d) => ({ ...d, conditions: { ...d.conditions, [index]: check } }))}
          />
        )
      default:
        return null
    }
  })

  return (
    <Section title={label} id={FORM_ID}>
      {parts}
      {problems.length ? (
        <View className='staff-case__problem' role='alert'>
          <Text className='staff-case__problem-title'>{S.otherProblems}</Text>
          {problems.map((message) => (
            <Text key={message} className='staff-case__problem-text'>
              {message}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='case-buttons'>
        <ActionButton variant='text' onTap={onCancel}>
          {S.cancel}
        </ActionButton>
        <ActionButton disabled={submitting} onTap={() => void submit()}>
          {submitting ? S.submitting : (S.submit[action] ?? label)}
        </ActionButton>
      </View>
    </Section>
  )
}

export interface ActionPanelProps {
  detail: StaffCaseDetail
  onDone: (next: StaffCaseDetail, label: string) => void
  onStale: (error: ApiError) => void
}

/**
 * 办理: only the actions the API allows this person on this case now (`detail.actions`); each opens
 * its form, sent with the version on screen.
 */
export function ActionPanel({ detail, onDone, onStale }: ActionPanelProps) {
  const [active, setActive] = useState<CaseTransition | null>(null)
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
      <View className='staff-case__actions'>
        {detail.actions.map((action) => (
          <ActionButton
            key={action}
            block
            variant={FORWARD.has(action) ? 'primary' : 'secondary'}
            onTap={() => setActive(action)}
          >
            {TRANSITION_NAMES[action]}
          </ActionButton>
        ))}
      </View>
    </Section>
  )
}
