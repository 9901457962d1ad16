import { View, Text } from '@tarojs/components'
import { ActionButton } from '../action-button'
import './index.scss'

export interface StatusViewProps {
  kind: 'loading' | 'empty' | 'error'
  title: string
  description?: string
  actionText?: string
  actionLabel?: string
  onAction?: () => void
  compact?: boolean
}

const SYMBOLS = { empty: '∅', error: '!' } as const

/** The loading, empty and error states every list and detail page shows. */
export function StatusView({ kind, title, description, actionText, actionLabel, onAction, compact = false }: StatusViewProps) {
  return (
    <View
      className={`status-view status-view--${kind}${compact ? ' status-view--compact' : ''}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-live='polite'
    >
      {kind === 'loading' ? (
        <View className='status-view__spinner' aria-hidden='true' />
      ) : (
        <View className='status-view__symbol' aria-hidden='true'>
          <Text>{SYMBOLS[kind]}</Text>
        </View>
      )}
      <Text className='status-view__title'>{title}</Text>
      {description ? <Text className='status-view__description'>{description}</Text> : null}
      {actionText && onAction ? (
        <ActionButton className='status-view__action' variant={kind === 'error' ? 'primary' : 'secondary'} onTap={onAction} label={actionLabel}>
          {actionText}
        </ActionButton>
      ) : null}
    </View>
  )
}
