import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import type { Invitation } from '@/features/account/api'
import { displayCode } from '@/features/account/invitation-code'
import { chinaDateTime } from '@/features/cases/format'
import { STAFF_STRINGS as S } from './strings'

/** The new invitation code, in large type, shown this once (the API never returns it again). */
export function InvitationCard({ invitation, name, onDone }: { invitation: Invitation; name: string; onDone: () => void }) {
  const code = displayCode(invitation.code)

  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: code })
      // WeChat confirms a copy itself; the browser does not.
      if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: S.copied, icon: 'none' })
    } catch {
      void Taro.showToast({ title: S.copyFailed, icon: 'none' })
    }
  }

  return (
    <View className='invitation' role='status'>
      <View className='invitation__title' role='heading' aria-level={2}>
        {S.codeTitle(name)}
      </View>
      <Text className='invitation__code' userSelect aria-label={S.codeSpoken(code.split('').join(' '))}>
        {code}
      </Text>
      <Text className='invitation__expires'>{S.codeExpires(chinaDateTime(invitation.expiresAt))}</Text>
      <Text className='invitation__once'>{S.codeOnce}</Text>
      <View className='invitation__actions'>
        <ActionButton block onTap={() => void copy()}>
          {S.copy}
        </ActionButton>
        <ActionButton block variant='secondary' onTap={onDone}>
          {S.done}
        </ActionButton>
      </View>
    </View>
  )
}
