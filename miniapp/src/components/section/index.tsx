import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface SectionProps {
  title: string
  /** Shown after the title, e.g. a count. */
  note?: string
  /** A control at the right of the title row, e.g. "查看全部". */
  extra?: ReactNode
  children: ReactNode
  flush?: boolean
  id?: string
}

/** A titled white card; the title is a level-2 heading for screen readers. */
export function Section({ title, note, extra, children, flush = false, id }: SectionProps) {
  return (
    <View className={`section${flush ? ' section--flush' : ''}`} id={id}>
      <View className='section__header'>
        <View className='section__heading' role='heading' aria-level={2}>
          <Text className='section__title'>{title}</Text>
          {note ? <Text className='section__note'>{note}</Text> : null}
        </View>
        {extra}
      </View>
      <View className='section__body'>{children}</View>
    </View>
  )
}
