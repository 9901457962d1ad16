import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface ActionButtonProps {
  children: ReactNode
  onTap: () => void
  /** Spoken name when the visible text is not enough (icon-only or ambiguous buttons). */
  label?: string
  variant?: 'primary' | 'secondary' | 'text'
  size?: 'md' | 'sm'
  block?: boolean
  disabled?: boolean
  className?: string
}

/** The words a button shows (its text children, without arrow marks); '' when it shows something else. */
function visibleWords(children: ReactNode): string {
  const parts = Array.isArray(children) ? children : [children]
  if (!parts.every((part) => typeof part === 'string' || typeof part === 'number')) return ''
  return parts.join('').replace(/[‹›]/g, '').trim()
}

/**
 * A button that looks the same on weapp and H5. Taro's Button carries each platform's native look
 * (and no role in H5), so this is a View with role, label and a 44px minimum tap area.
 */
export function ActionButton({ children, onTap, label, variant = 'primary', size = 'md', block = false, disabled = false, className = '' }: ActionButtonProps) {
  // Voice control users say what they see: the spoken name starts with the visible words when it adds to them.
  const shown = visibleWords(children)
  const name = label && shown && !label.includes(shown) ? `${shown}：${label}` : label
  const classes = ['action-button', `action-button--${variant}`, `action-button--${size}`, block ? 'action-button--block' : '', disabled ? 'action-button--disabled' : '', className]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      className={classes}
      hoverClass='action-button--pressed'
      role='button'
      aria-role='button'
      aria-label={name}
      aria-disabled={disabled ? 'true' : undefined}
      onClick={disabled ? undefined : onTap}
    >
      {children}
    </View>
  )
}
