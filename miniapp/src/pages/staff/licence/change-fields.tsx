import { View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextInput } from '@/components/form-field/text-input'
import { MAX, type DetailDraft, type LicenceDraft } from './licence-draft'
import { STAFF_LICENCE_STRINGS as S } from './strings'

export const fieldId = (path: string) => `f-licence-${path.replace(/[^A-Za-z0-9]+/g, '-')}`

export interface ChangeFieldsProps {
  draft: LicenceDraft
  errorFor: (path: string) => string | undefined
  onChange: (path: string, next: Partial<LicenceDraft>) => void
}

/** 变更换发: the licence's scope, registered details and holder name as they will be, each line editable. */
export function ChangeFields({ draft, errorFor, onChange }: ChangeFieldsProps) {
  const setScope = (scope: string[]) => onChange('scope', { scope })
  const setDetails = (details: DetailDraft[]) => onChange('details', { details })
  const lineError = (prefix: string, index: number) => errorFor(`${prefix}.${index}`)

  return (
    <View>
      <FormField id={fieldId('scope')} label={S.scope} required hint={S.scopeHint} error={errorFor('scope')}>
        <View className='licence-lines' role='list'>
          {draft.scope.map((item, index) => {
            const id = fieldId(`scope.${index}`)
            const error = lineError('scope', index)
            return (
              <View key={index} className='licence-lines__row' role='listitem'>
                <View className='licence-lines__inputs'>
                  <TextInput
                    id={id}
                    value={item}
                    label={S.scopeItem(index + 1)}
                    maxLength={MAX.scopeItem}
                    invalid={!!error}
                    describedBy={describedBy(id, false, !!error)}
                    onChange={(value) => setScope(draft.scope.map((v, i) => (i === index ? value : v)))}
                  />
                  {error ? (
                    <View className='form-field__error' id={`${id}-error`} role='alert'>
                      {error}
                    </View>
                  ) : null}
                </View>
                <ActionButton variant='text' size='sm' label={S.removeLabel(S.scopeItem(index + 1))} disabled={draft.scope.length <= 1} onTap={() => setScope(draft.scope.filter((_, i) => i !== index))}>
                  {S.remove}
                </ActionButton>
              </View>
            )
          })}
        </View>
        {draft.scope.length < MAX.scopeItems ? (
          <ActionButton variant='secondary' size='sm' onTap={() => setScope([...draft.scope, ''])}>
            {S.scopeAdd}
          </ActionButton>
        ) : null}
      </FormField>

      <FormField id={fieldId('details')} label={S.details} required hint={S.detailsHint}>
        <View className='licence-lines' role='list'>
          {draft.details.map((detail, index) => {
            const error = lineError('details', index)
            const update = (next: Partial<DetailDraft>) => setDetails(draft.details.map((d, i) => (i === index ? { ...d, ...next } : d)))
            return (
              <View key={index} className='licence-lines__row' role='listitem'>
                <View className='licence-lines__inputs licence-lines__inputs--pair'>
                  <TextInput id={fieldId(`details.${index}.name`)} value={detail.name} label={S.detailName(index + 1)} placeholder={S.detailNamePlaceholder} maxLength={MAX.detailName} invalid={!!error} onChange={(name) => update({ name })} />
                  <TextInput id={fieldId(`details.${index}.value`)} value={detail.value} label={S.detailValue(index + 1)} placeholder={S.detailValuePlaceholder} maxLength={MAX.detailValue} invalid={!!error} onChange={(value) => update({ value })} />
                  {error ? (
                    <View className='form-field__error' role='alert'>
                      {error}
                    </View>
                  ) : null}
                </View>
                <ActionButton variant='text' size='sm' label={S.removeLabel(S.detailItem(index + 1))} onTap={() => setDetails(draft.details.filter((_, i) => i !== index))}>
                  {S.remove}
                </ActionButton>
              </View>
            )
          })}
        </View>
        <ActionButton variant='secondary' size='sm' onTap={() => setDetails([...draft.details, { name: '', value: '' }])}>
          {S.detailAdd}
        </ActionButton>
      </FormField>

      <FormField id={fieldId('holderName')} label={S.holderName} required hint={S.holderNameHint} error={errorFor('holderName')}>
        <TextInput
          id={fieldId('holderName')}
          value={draft.holderName}
          label={S.holderName}
          maxLength={MAX.holderName}
          invalid={!!errorFor('holderName')}
          describedBy={describedBy(fieldId('holderName'), true, !!errorFor('holderName'))}
          onChange={(holderName) => onChange('holderName', { holderName })}
        />
      </FormField>
      {errorFor('changes') ? (
        <View className='form-field__error' role='alert'>
          {errorFor('changes')}
        </View>
      ) : null}
    </View>
  )
}
