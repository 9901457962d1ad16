import { Text, View } from '@tarojs/components'

export interface SwitchRowProps {
  title: string
  note?: string
  checked: boolean
  onChange: (checked: boolean) => void
}

/** An on/off choice with its explanation; the whole row is the tap target. */
export function SwitchRow({ title, note, checked, onChange }: SwitchRowProps) {
  return (
    <View
      className='switch-row'
      role='switch'
      aria-role='switch'
      aria-checked={checked ? 'true' : 'false'}
      aria-label={title}
      onClick={() => onChange(!checked)}
    >
      <View className='switch-row__text'>
        <Text className='switch-row__title'>{title}</Text>
        {note ? <Text className='switch-row__note'>{note}</Text> : null}
      </View>
      <View className={`switch-row__track${checked ? ' switch-row__track--on' : ''}`} aria-hidden='true'>
        <View className='switch-row__thumb' />
      </View>
    </View>
  )
}
