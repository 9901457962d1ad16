import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PHONE_LINK_STRINGS as S } from './strings'
import './index.scss'

export interface PhoneLinkProps {
  phone: string
  /** What the number is for, e.g. "咨询电话"; part of the spoken name. */
  purpose: string
}

/** Mini-program variant: a tap opens the system dialler. (H5: phone-link.h5.tsx, a tel: link.) */
export function PhoneLink({ phone, purpose }: PhoneLinkProps) {
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: phone }).catch(() => {
      // The user cancelled the dial sheet: nothing to do.
    })
  }
  return (
    <View className='phone-link' role='button' aria-role='button' aria-label={S.call(purpose, phone)} hoverClass='phone-link--pressed' onClick={call}>
      <Text className='phone-link__glyph' aria-hidden='true'>☎</Text>
      <Text className='phone-link__number'>{phone}</Text>
    </View>
  )
}
