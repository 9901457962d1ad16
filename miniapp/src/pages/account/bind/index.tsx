import Taro from '@tarojs/taro'
import type { StaffMembership } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextInput } from '@/components/form-field/text-input'
import { StatusView } from '@/components/status-view'
import { bindStaff } from '@/features/account/api'
import { isCodeFormat, normaliseCode } from '@/features/account/invitation-code'
import { permissionLabels } from '@/features/account/labels'
import { BIND_PAGE } from '@/features/account/routes'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openMineTab } from '@/features/cases/routes'
import { toApiError } from '@/services/api-error'
import { askToSubscribe, STAFF_TEMPLATE_KEYS, SUBSCRIBE_AVAILABLE } from '@/services/subscribe'
import { BIND_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const FIELD_ID = 'f-code'

function codeProblem(code: string): string | null {
  if (!code) return S.codeEmpty
  return isCodeFormat(code) ? null : S.codeFormat
}

function Membership({ staff }: { staff: StaffMembership }) {
  return (
    <View className='bind__facts'>
      <View className='bind__fact'>
        <Text className='bind__label'>{S.organisation}</Text>
        <Text className='bind__value'>{staff.organisationName}</Text>
      </View>
      <View className='bind__fact'>
        <Text className='bind__label'>{S.permissions}</Text>
        <View className='bind__tags'>
          {permissionLabels(staff.permissions).map((label) => (
            <Text key={label} className='bind__tag'>
              {label}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}

/** 工作人员绑定: pages/account/bind/index — redeem an invitation code; the session becomes a staff session. */
export default function BindPage() {
  usePageTitle()
  const user = useSignedIn(BIND_PAGE)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [bound, setBound] = useState<StaffMembership | null>(null)

  const submit = async () => {
    if (submitting) return
    const normalised = normaliseCode(code)
    const problem = codeProblem(normalised)
    if (problem) {
      setError(problem)
      return
    }
    setSubmitting(true)
    setError(null)
    try {
      const session = await bindStaff(normalised)
      setBound(session.user.staff ?? null)
    } catch (caught) {
      const apiError = toApiError(caught)
      setError(apiError.details.find((issue) => issue.path === 'code')?.message ?? apiError.message)
    } finally {
      setSubmitting(false)
    }
  }

  const askReminders = () => {
    askToSubscribe(STAFF_TEMPLATE_KEYS).then(
      (outcome) => {
        if (outcome.status === 'answered') void Taro.showToast({ title: outcome.accepted.length ? S.remindersOn : S.remindersOff, icon: 'none' })
      },
      (caught: unknown) => void Taro.showToast({ title: toApiError(caught).message, icon: 'none' }),
    )
  }

  if (!user) return <SignInRequired returnUrl={BIND_PAGE} />

  if (bound) {
    return (
      <View className='bind'>
        <View className='bind__card bind__card--done' role='status'>
          <View className='bind__mark' aria-hidden='true'>
            <Text>✓</Text>
          </View>
          <View className='bind__title' role='heading' aria-level={1}>
            {S.done}
          </View>
          <Text className='bind__text'>{S.doneText(bound.organisationName)}</Text>
          <Membership staff={bound} />
        </View>
        <View className='bind__actions'>
          {SUBSCRIBE_AVAILABLE ? (
            <View className='bind__reminders'>
              <Text className='bind__text'>{S.remindersText}</Text>
              <ActionButton block onTap={askReminders}>
                {S.reminders}
              </ActionButton>
            </View>
          ) : null}
          <ActionButton block variant='secondary' onTap={openMineTab}>
            {S.toMine}
          </ActionButton>
        </View>
      </View>
    )
  }

  if (user.staff) {
    return <StatusView kind='empty' title={S.already} description={S.alreadyText(user.staff.organisationName)} actionText={S.toMine} onAction={openMineTab} />
  }

  return (
    <View className='bind'>
      <View className='bind__card'>
        <View className='bind__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='bind__text'>{S.text}</Text>
        <FormField id={FIELD_ID} label={S.code} required hint={S.codeHint} error={error ?? undefined}>
          <TextInput
            id={FIELD_ID}
            value={code}
            label={S.codeLabel}
            placeholder={S.codePlaceholder}
            maxLength={12}
            invalid={!!error}
            describedBy={describedBy(FIELD_ID, true, !!error)}
            onChange={(value) => {
              setCode(value)
              if (error) setError(null)
            }}
          />
        </FormField>
        <ActionButton block disabled={submitting} onTap={() => void submit()}>
          {submitting ? S.submitting : S.submit}
        </ActionButton>
      </View>
    </View>
  )
}
