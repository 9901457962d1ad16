import type { SessionUser } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { permissionLabels } from '@/features/account/labels'
import { MINE_STRINGS as S } from './strings'

interface AccountHeaderProps {
  user: SessionUser | null
  onSignIn: () => void
  onSignOut: () => void
  /** Local builds only: sign in as another persona. */
  onSwitch?: () => void
}

/** Who is signed in: the name, and for staff their organisation, permissions and admin badge. */
export function AccountHeader({ user, onSignIn, onSignOut, onSwitch }: AccountHeaderProps) {
  if (!user) {
    return (
      <View className='mine__card'>
        <View className='mine__avatar' aria-hidden='true'>
          <Text>{S.mark}</Text>
        </View>
        <View className='mine__intro'>
          <View className='mine__title' role='heading' aria-level={1}>
            {S.signedOut}
          </View>
          <Text className='mine__text'>{S.signedOutText}</Text>
        </View>
        <ActionButton className='mine__card-action' variant='secondary' size='sm' label={S.signInLabel} onTap={onSignIn}>
          {S.signIn}
        </ActionButton>
      </View>
    )
  }

  const { staff } = user
  const initial = Array.from(user.displayName.trim())[0] ?? S.mark
  return (
    <View className='mine__card mine__card--signed-in'>
      <View className='mine__who'>
        <View className='mine__avatar' aria-hidden='true'>
          <Text>{initial}</Text>
        </View>
        <View className='mine__intro'>
          <View className='mine__title' role='heading' aria-level={1}>
            {user.displayName}
          </View>
          {staff ? <Text className='mine__text'>{staff.organisationName}</Text> : <Text className='mine__text'>{S.applicantText}</Text>}
          {staff || user.provincialAdmin ? (
            <View className='mine__badges'>
              {staff ? <Text className='mine__badge'>{S.staffTag}</Text> : null}
              {user.provincialAdmin ? <Text className='mine__badge mine__badge--admin'>{S.provincialAdmin}</Text> : null}
            </View>
          ) : null}
        </View>
      </View>
      {staff && staff.permissions.length ? (
        <View className='mine__permissions' aria-label={S.permissionsLabel(permissionLabels(staff.permissions).join(S.listSeparator))}>
          {permissionLabels(staff.permissions).map((label) => (
            <Text key={label} className='mine__permission'>
              {label}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='mine__card-actions'>
        {onSwitch ? (
          <ActionButton variant='secondary' size='sm' onTap={onSwitch}>
            {S.switchPersona}
          </ActionButton>
        ) : null}
        <ActionButton variant='secondary' size='sm' onTap={onSignOut}>
          {S.signOut}
        </ActionButton>
      </View>
    </View>
  )
}
