import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { SelectInput } from '@/components/form-field/select-input'
import { useRegions } from '@/features/region/use-regions'
import { toApiError } from '@/services/api-error'
import { organisationOfRegion, type OrganisationRef } from './api'
import { STAFF_FEATURE_STRINGS as S } from './strings'
import './organisation-picker.scss'

export interface OrganisationPickerProps {
  /** Element id of the control (the FormField around it has the same id). */
  id: string
  /** Spoken name of the select. */
  label: string
  value: OrganisationRef | null
  invalid?: boolean
  describedBy?: string
  onChange: (organisation: OrganisationRef | null) => void
}

/**
 * Chooses an organisation by its region (安徽省 → the department, a city → its bureau), as the
 * catalog knows them: the province and its cities from /regions, the organisation from the region's
 * items. Keeps the list in step with the data without a list of its own.
 */
export function OrganisationPicker({ id, label, value, invalid = false, describedBy, onChange }: OrganisationPickerProps) {
  const { state, reload } = useRegions(true)
  const [region, setRegion] = useState('')
  const [lookup, setLookup] = useState<{ status: 'idle' | 'resolving' } | { status: 'error'; message: string }>({ status: 'idle' })

  const choose = async (regionCode: string) => {
    setRegion(regionCode)
    onChange(null)
    if (!regionCode) return
    setLookup({ status: 'resolving' })
    try {
      const organisation = await organisationOfRegion(regionCode)
      setLookup(organisation ? { status: 'idle' } : { status: 'error', message: S.noOrganisation })
      onChange(organisation)
    } catch (error) {
      setLookup({ status: 'error', message: toApiError(error).message })
    }
  }

  if (state.status === 'error') {
    return (
      <View className='organisation-picker__state' role='alert'>
        <Text>{state.error.message || S.regionsFailed}</Text>
        <ActionButton variant='text' size='sm' label={S.regionsRetryLabel} onTap={reload}>
          {S.retry}
        </ActionButton>
      </View>
    )
  }
  if (state.status !== 'ready') return <Text className='organisation-picker__state'>{S.regionsLoading}</Text>
  return (
    <View className='organisation-picker'>
      <SelectInput
        id={id}
        value={region}
        label={label}
        placeholder={S.regionPlaceholder}
        options={state.regions.map((r) => ({ value: r.code, label: r.name }))}
        invalid={invalid}
        describedBy={describedBy}
        onChange={(code) => void choose(code)}
      />
      <View className='organisation-picker__state' aria-live='polite'>
        {lookup.status === 'resolving' ? <Text>{S.resolving}</Text> : null}
        {lookup.status === 'error' ? <Text className='organisation-picker__error'>{lookup.message}</Text> : null}
        {lookup.status === 'idle' && value ? <Text className='organisation-picker__chosen'>{S.chosen(value.name)}</Text> : null}
      </View>
    </View>
  )
}
