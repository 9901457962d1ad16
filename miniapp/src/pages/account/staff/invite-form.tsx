import type { StaffPermission } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { STAFF_PERMISSIONS, STAFF_PERMISSION_KEYS } from '@ah-tourism/shared/src/auth/roles'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { CheckGroup } from '@/components/form-field/check-group'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { createInvitation, type Invitation } from '@/features/account/api'
import { useRetryKey } from '@/hooks/use-retry-key'
import { toApiError } from '@/services/api-error'
import { KEY_REFUSED } from '@/services/retry-key'
import { STAFF_STRINGS as S } from './strings'

const PERMISSION_OPTIONS = STAFF_PERMISSION_KEYS.map((key) => ({ value: key, label: STAFF_PERMISSIONS[key] }))

interface Problems {
  name?: string
  permissions?: string
  other?: string
}

function check(name: string, permissions: StaffPermission[]): Problems {
  const problems: Problems = {}
  const length = Array.from(name.trim()).length
  if (length < 2) problems.name = S.nameMissing
  else if (length > 20) problems.name = S.nameTooLong
  if (!permissions.length) problems.permissions = S.permissionsMissing
  return problems
}

/** 邀请工作人员: name and permissions → a one-time invitation code (shown by the page, once). */
export function InviteForm({ organisationCode, onInvited }: { organisationCode: string; onInvited: (invitation: Invitation, name: string) => void }) {
  const [name, setName] = useState('')
  const [permissions, setPermissions] = useState<StaffPermission[]>([])
  const [problems, setProblems] = useState<Problems>({})
  const [submitting, setSubmitting] = useState(false)
  // One key per invitation: a retry after a timeout gets the same code, not a second invited person.
  const retry = useRetryKey()

  const submit = async () => {
    if (submitting) return
    const found = check(name, permissions)
    setProblems(found)
    if (Object.keys(found).length) return
    setSubmitting(true)
    try {
      const body = { name: name.trim(), permissions }
      const invitation = await createInvitation(organisationCode, body, retry.for({ organisationCode, body }))
      retry.done()
      onInvited(invitation, name.trim())
      setName('')
      setPermissions([])
    } catch (caught) {
      const error = toApiError(caught)
      if (KEY_REFUSED.has(error.code)) retry.done()
      const at = (path: string) => error.details.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message
      const fromServer = { name: at('name'), permissions: at('permissions') }
      setProblems(fromServer.name || fromServer.permissions ? fromServer : { other: error.message })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Section title={S.invite}>
      <Text className='staff__text'>{S.inviteText}</Text>
      <FormField id='f-name' label={S.name} required error={problems.name}>
        <TextInput
          id='f-name'
          value={name}
          label={S.nameLabel}
          placeholder={S.namePlaceholder}
          maxLength={20}
          invalid={!!problems.name}
          describedBy={describedBy('f-name', false, !!problems.name)}
          onChange={(value) => {
            setName(value)
            setProblems((p) => ({ ...p, name: undefined, other: undefined }))
          }}
        />
      </FormField>
      <FormField id='f-permissions' label={S.permissions} required error={problems.permissions}>
        <CheckGroup
          label={S.permissions}
          options={PERMISSION_OPTIONS}
          values={permissions}
          invalid={!!problems.permissions}
          describedBy={describedBy('f-permissions', false, !!problems.permissions)}
          onChange={(values) => {
            setPermissions(values as StaffPermission[])
            setProblems((p) => ({ ...p, permissions: undefined, other: undefined }))
          }}
        />
      </FormField>
      {problems.other ? (
        <View className='staff__error' role='alert'>
          {problems.other}
        </View>
      ) : null}
      <ActionButton block disabled={submitting} onTap={() => void submit()}>
        {submitting ? S.submitting : S.submit}
      </ActionButton>
    </Section>
  )
}
