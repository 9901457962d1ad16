import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A label above its value; reads well at large text sizes where two columns would not. */
export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <View className='info-row__value'>{children}</View>
    </View>
  )
}
