import Taro, { useDidShow } from '@tarojs/taro'
import type { StaffMember } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { listStaff, revokeStaff, type Invitation } from '@/features/account/api'
import { permissionLabels } from '@/features/account/labels'
import { STAFF_PAGE } from '@/features/account/routes'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { chinaDateTime } from '@/features/cases/format'
import { openMineTab } from '@/features/cases/routes'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { InvitationCard } from './invitation-card'
import { InviteForm } from './invite-form'
import { STAFF_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const CREDIT_CODE = /^[0-9A-Z]{18}$/

function MemberRow({ member, busy, onRevoke }: { member: StaffMember; busy: boolean; onRevoke: (member: StaffMember) => void }) {
  const expired = member.status === 'invited' && !!member.invitationExpiresAt && Date.parse(member.invitationExpiresAt) < Date.now()
  let when = ''
  if (member.status === 'invited') when = expired ? S.inviteExpired : member.invitationExpiresAt ? S.inviteValid(chinaDateTime(member.invitationExpiresAt)) : ''
  if (member.status === 'active' && member.boundAt) when = S.boundAt(chinaDateTime(member.boundAt))
  if (member.status === 'revoked' && member.revokedAt) when = S.revokedAt(chinaDateTime(member.revokedAt))
  return (
    <View className='member'>
      <View className='member__top'>
        <Text className='member__name'>{member.name}</Text>
        <Text className={`member__status member__status--${member.status}`}>{S.status[member.status]}</Text>
      </View>
      <Text className='member__permissions'>{permissionLabels(member.permissions).join(S.listSeparator)}</Text>
      {when ? <Text className={`member__when${expired ? ' member__when--expired' : ''}`}>{when}</Text> : null}
      {member.status !== 'revoked' ? (
        <View className='member__actions'>
          <ActionButton variant='secondary' size='sm' label={S.revokeLabel(member.name)} disabled={busy} onTap={() => onRevoke(member)}>
            {S.revoke}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

/**
 * 人员管理: pages/account/staff/index — the staff of the admin's organisation: who is invited, active
 * or revoked; 邀请 (a one-time code, shown once) and 停用. Provincial administrators can manage
 * another organisation by its unified social credit code.
 */
export default function StaffPage() {
  usePageTitle()
  const user = useSignedIn(STAFF_PAGE)
  const own = user?.staff?.organisationCode ?? ''
  const [chosen, setChosen] = useState<string | null>(null)
  const organisationCode = chosen ?? own
  const [codeInput, setCodeInput] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [invitation, setInvitation] = useState<{ invitation: Invitation; name: string } | null>(null)
  const [revoking, setRevoking] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  const load = useCallback(() => (organisationCode ? listStaff(organisationCode) : Promise.resolve([] as StaffMember[])), [organisationCode])
  const { remote, reload } = useRemote(load, `${organisationCode}:${version}`)

  // Back from signing in again (the session had run out): try once more.
  useDidShow(() => {
    if (remote.status === 'error') reload()
  })

  const canManage = !!user && (user.provincialAdmin || !!user.staff?.permissions.includes('org_admin'))

  const switchOrganisation = () => {
    const code = codeInput.trim().toUpperCase()
    if (!CREDIT_CODE.test(code)) {
      setCodeError(S.codeFormat)
      return
    }
    setCodeError(null)
    setInvitation(null)
    setChosen(code)
  }

  const revoke = async (member: StaffMember) => {
    const { confirm } = await Taro.showModal({
      title: S.revokeTitle,
      content: S.revokeConfirm(member.name),
      confirmText: S.revokeConfirmText,
      confirmColor: '#b42318',
    })
    if (!confirm) return
    setRevoking(member.staffId)
    try {
      await revokeStaff(organisationCode, member.staffId)
      void Taro.showToast({ title: S.revoked, icon: 'none' })
      setVersion((n) => n + 1)
    } catch (caught) {
      void Taro.showToast({ title: toApiError(caught).message, icon: 'none' })
    } finally {
      setRevoking(null)
    }
  }

  if (!user) return <SignInRequired returnUrl={STAFF_PAGE} />
  if (!canManage) return <StatusView kind='empty' title={S.forbidden} description={S.forbiddenHint} actionText={S.toMine} onAction={openMineTab} />

  const renderMembers = () => {
    if (!organisationCode) return null
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') {
      return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    if (!remote.data.length) return <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} />
    return (
      <View className='staff__members' role='list'>
        {remote.data.map((member) => (
          <View key={member.staffId} className='staff__member' role='listitem'>
            <MemberRow member={member} busy={revoking !== null} onRevoke={(m) => void revoke(m)} />
          </View>
        ))}
      </View>
    )
  }

  const ownName = user.staff && organisationCode === own ? user.staff.organisationName : null
  const count = remote.status === 'ready' ? remote.data.length : 0

  return (
    <View className='staff'>
      <View className='staff__header'>
        <View className='staff__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        {organisationCode ? (
          <>
            <Text className='staff__organisation'>{ownName ?? S.organisationCode(organisationCode)}</Text>
            {ownName ? <Text className='staff__code'>{S.organisationCode(organisationCode)}</Text> : null}
          </>
        ) : null}
      </View>

      {user.provincialAdmin ? (
        <Section title={S.otherOrganisation}>
          <FormField id='f-organisation' label={S.codeField} required error={codeError ?? undefined}>
            <TextInput
              id='f-organisation'
              value={codeInput}
              label={S.codeLabel}
              placeholder={S.codePlaceholder}
              maxLength={18}
              invalid={!!codeError}
              describedBy={describedBy('f-organisation', false, !!codeError)}
              onChange={(value) => {
                setCodeInput(value)
                setCodeError(null)
              }}
            />
          </FormField>
          <View className='staff__organisation-actions'>
            <ActionButton variant='secondary' size='sm' onTap={switchOrganisation}>
              {S.codeSubmit}
            </ActionButton>
            {own && organisationCode !== own ? (
              <ActionButton variant='text' size='sm' onTap={() => setChosen(null)}>
                {S.ownOrganisation}
              </ActionButton>
            ) : null}
          </View>
        </Section>
      ) : null}

      {organisationCode ? (
        <>
          {invitation ? (
            <InvitationCard invitation={invitation.invitation} name={invitation.name} onDone={() => setInvitation(null)} />
          ) : (
            <InviteForm
              organisationCode={organisationCode}
              onInvited={(created, name) => {
                setInvitation({ invitation: created, name })
                setVersion((n) => n + 1)
              }}
            />
          )}
          <Section title={S.members} note={count ? S.membersNote(count) : undefined} flush>
            {renderMembers()}
          </Section>
        </>
      ) : null}
    </View>
  )
}
