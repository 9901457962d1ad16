import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { JSX } from 'react'
import { ActionButton } from '@/components/action-button'
import { FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { SwitchRow } from '@/components/form-field/switch-row'
import { fieldId, moved, newMaterial, valueAt, withChoice, type EntryForm } from './entry-form'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { LIST_EDIT_STRINGS as S } from './strings'

export interface TextProps {
  path: string
  label: string
  required?: boolean
  /** Shown as required, but a blank value is left out (its absence is what the API names, in its own words). */
  absentWhenBlank?: boolean
  hint?: string
  multiline?: boolean
  /** The value is a list edited one entry per line. */
  lines?: boolean
  number?: boolean
}

type Material = Record<string, unknown>
type Choice = 'kind' | 'form' | 'necessity' | 'source'

export interface MaterialFieldsProps {
  form: EntryForm
  errors: Record<string, string>
  onChange: (path: string, value: unknown) => void
  /** The page's text field and file field, so that every field on the form looks and behaves the same. */
  text: (props: TextProps) => JSX.Element
  file: (path: string, label: string, fileName: string) => JSX.Element
}

const materialsOf = (form: EntryForm) => (valueAt(form, 'guide.materials') as Material[] | undefined) ?? []

/** A problem of a whole object (告知承诺 not applicable, too few materials), under what it is about. */
function ErrorLine({ path, errors }: { path: string; errors: Record<string, string> }) {
  return errors[path] ? (
    <View className='form-field__error' role='alert' id={fieldId(path)}>
      {errors[path]}
    </View>
  ) : null
}

/**
 * 申请材料, each in full: name, kind, form, necessity (with its condition), copies, source (with the
 * licence and its issuer), acceptance standard, notes, blank form and sample, and whether a commitment
 * may replace it (告知承诺); materials are added, moved and removed (after a confirmation). The rules
 * across materials (the authorisation letter, unique names) are the API's, shown where they belong.
 */
export function MaterialFields({ form, errors, onChange, text, file }: MaterialFieldsProps) {
  const materials = materialsOf(form)
  const setMaterials = (next: Material[]) => onChange('guide.materials', next)

  const choice = (i: number, field: Choice, label: string, options: Record<string, string>) => {
    const path = `guide.materials[${i}].${field}`
    return (
      <FormField key={path} id={fieldId(path)} label={label} required error={errors[path]}>
        <ChoiceGroup
          label={label}
          options={Object.entries(options).map(([value, name]) => ({ value, label: name }))}
          value={String(materials[i]?.[field] ?? '')}
          invalid={!!errors[path]}
          onChange={(value) => onChange(`guide.materials[${i}]`, withChoice(materials[i]!, field, value))}
        />
      </FormField>
    )
  }

  const remove = async (i: number) => {
    const name = String(materials[i]?.name ?? '') || S.unnamed
    const { confirm } = await Taro.showModal({ title: S.removeMaterial, content: S.confirmRemove(name) })
    if (confirm) setMaterials(materials.filter((_, j) => j !== i))
  }

  return (
    <>
      {materials.map((m, i) => {
        const p = `guide.materials[${i}]`
        const name = String(m.name ?? '')
        const commitment = m.commitment as { text?: string; consequence?: string } | undefined
        const commitmentApplies = m.source === 'applicant' && !m.requiredWhen
        return (
          <View key={String(m.id ?? i)} className='list-edit__group' role='group' aria-label={S.material(i + 1)}>
            <Text className='list-edit__group-title'>{S.material(i + 1)}</Text>
            {text({ path: `${p}.name`, label: S.materialName })}
            {choice(i, 'kind', S.kind, S.kinds)}
            {choice(i, 'form', S.materialForm, S.forms)}
            {choice(i, 'necessity', S.necessity, S.necessities)}
            {m.necessity === 'conditional' ? text({ path: `${p}.condition`, label: S.condition, absentWhenBlank: true, hint: S.conditionHint }) : null}
            {text({ path: `${p}.copies`, label: S.copies, hint: S.copiesHint, number: true })}
            {choice(i, 'source', S.source, S.sources)}
            {m.source === 'issued_licence' ? text({ path: `${p}.licenceName`, label: S.licenceName, absentWhenBlank: true }) : null}
            {m.source === 'issued_licence' ? text({ path: `${p}.issuer`, label: S.issuer, absentWhenBlank: true }) : null}
            {text({ path: `${p}.acceptanceStandard`, label: S.acceptanceStandard, multiline: true })}
            {text({ path: `${p}.notes`, label: S.materialNotes, required: false, multiline: true })}
            {m.form !== 'paper' ? <SwitchRow title={S.fileSpec} note={S.fileSpecNote} checked={!!m.fileSpec} onChange={(on) => onChange(`${p}.fileSpec`, on ? {} : undefined)} /> : null}
            <ErrorLine path={`${p}.fileSpec`} errors={errors} />
            {m.fileSpec ? text({ path: `${p}.fileSpec.types`, label: S.fileSpecTypes, required: false, lines: true, hint: S.fileSpecTypesHint }) : null}
            {m.fileSpec ? text({ path: `${p}.fileSpec.minWidth`, label: S.fileSpecMinWidth, required: false, number: true }) : null}
            {m.fileSpec ? text({ path: `${p}.fileSpec.minHeight`, label: S.fileSpecMinHeight, required: false, number: true }) : null}
            {m.fileSpec ? text({ path: `${p}.fileSpec.minKB`, label: S.fileSpecMinKB, required: false, number: true }) : null}
            {m.fileSpec ? text({ path: `${p}.fileSpec.maxKB`, label: S.fileSpecMaxKB, required: false, number: true }) : null}
            {file(`${p}.blankForm`, S.blankForm, SF.parenthetical(name, S.blankForm))}
            {file(`${p}.sample`, S.sample, SF.parenthetical(name, S.sample))}
            {commitment || commitmentApplies ? (
              <SwitchRow title={S.commitment} note={S.commitmentNote} checked={!!commitment} onChange={(on) => onChange(`${p}.commitment`, on ? { text: '' } : undefined)} />
            ) : null}
            <ErrorLine path={`${p}.commitment`} errors={errors} />
            {commitment ? text({ path: `${p}.commitment.text`, label: S.commitmentText, multiline: true }) : null}
            {commitment ? text({ path: `${p}.commitment.consequence`, label: S.commitmentConsequence, required: false, multiline: true }) : null}
            <View className='list-edit__material-actions'>
              {i > 0 ? (
                <ActionButton variant='secondary' size='sm' label={S.moveUpLabel(i + 1)} onTap={() => setMaterials(moved(materials, i, -1))}>
                  {S.moveUp}
                </ActionButton>
              ) : null}
              {i < materials.length - 1 ? (
                <ActionButton variant='secondary' size='sm' label={S.moveDownLabel(i + 1)} onTap={() => setMaterials(moved(materials, i, 1))}>
                  {S.moveDown}
                </ActionButton>
              ) : null}
              <ActionButton variant='secondary' size='sm' label={S.removeLabel(name || S.unnamed)} onTap={() => void remove(i)}>
                {S.removeMaterial}
              </ActionButton>
            </View>
          </View>
        )
      })}
      <ErrorLine path='guide.materials' errors={errors} />
      <View className='list-edit__material-actions'>
        <ActionButton variant='secondary' block onTap={() => setMaterials([...materials, newMaterial(materials)])}>
          {S.addMaterial}
        </ActionButton>
      </View>
    </>
  )
}
