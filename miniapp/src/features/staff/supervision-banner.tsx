import { View } from '@tarojs/components'
import './supervision-banner.scss'

/** 只读监督: provincial staff are looking at another organisation's cases and cannot act on them. */
export function SupervisionBanner({ text, inset = false }: { text: string; inset?: boolean }) {
  return (
    <View className={`supervision-banner${inset ? ' supervision-banner--inset' : ''}`} role='status'>
      {text}
    </View>
  )
}
