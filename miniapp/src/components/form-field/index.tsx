import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FORM_FIELD_STRINGS as S } from './strings'
import './index.scss'

export interface FormFieldProps {
  /** Element id; the error is `${id}-error` and the hint `${id}-hint`, for aria-describedby. */
  id: string
  label: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** ids for aria-describedby: the error first (it is what needs fixing), then the hint. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasError ? `${id}-error` : '', hasHint ? `${id}-hint` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** A label above its control, an optional hint, and the field's error right below it. */
export function FormField({ id, label, required = false, hint, error, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`} id={id}>
      <View className='form-field__label' aria-hidden='true'>
        {required ? <Text className='form-field__required'>*</Text> : null}
        <Text>{label}</Text>
        {!required ? <Text className='form-field__optional'>{S.optional}</Text> : null}
      </View>
      {children}
      {hint ? (
        <Text className='form-field__hint' id={`${id}-hint`}>
          {hint}
        </Text>
      ) : null}
      {error ? (
        <View className='form-field__error' id={`${id}-error`} role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
