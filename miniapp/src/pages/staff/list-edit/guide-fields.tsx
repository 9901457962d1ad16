import { Text, View } from '@tarojs/components'
import { describedBy, FormField } from '@/components/form-field'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { SwitchRow } from '@/components/form-field/switch-row'
import { TextArea } from '@/components/form-field/text-area'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { GuideFileField } from '@/features/catalog/guide-file-field'
import type { GuideFile } from '@ah-tourism/shared/src/catalog/guide-file-format'
import { fieldId, linesOf, numberOrText, valueAt, type EntryForm } from './entry-form'
import { MaterialFields, type TextProps } from './material-fields'
export { formFields } from './form-places'
import { VISIT_WHEN_NAMES } from '@/features/staff/labels'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { LIST_EDIT_STRINGS as S } from './strings'

export { fieldId }

export interface FieldsProps {
  form: EntryForm
  errors: Record<string, string>
  /** Province-level editors of a province entry: name and legal basis. */
  catalogEditable: boolean
  onChange: (path: string, value: unknown) => void
}

/** The fields of the guide people maintain most: limits, conditions, materials, fees, place, phones, online depth, visits, negative list. */
export function GuideFields({ form, errors, catalogEditable, onChange }: FieldsProps) {
  const text = ({ path, label, required = true, absentWhenBlank = false, hint, multiline = false, lines = false, number = false }: TextProps) => {
    const id = fieldId(path)
    const raw = valueAt(form, path)
    const value = Array.isArray(raw) ? raw.join('\n') : raw === undefined || raw === null ? '' : String(raw)
    const error = errors[path]
    const change = (typed: string) => {
      if (lines) onChange(path, linesOf(typed))
      else if (number) onChange(path, numberOrText(typed))
      else onChange(path, (required && !absentWhenBlank) || typed.trim() ? typed : undefined)
    }
    const described = describedBy(id, !!hint, !!error)
    return (
      <FormField key={path} id={id} label={label} required={required} hint={hint} error={error}>
        {multiline || lines ? (
          <TextArea id={id} value={value} label={label} invalid={!!error} describedBy={described} onChange={change} />
        ) : (
          <TextInput id={id} value={value} label={label} mode={number ? 'decimal' : 'text'} invalid={!!error} describedBy={described} onChange={change} />
        )}
      </FormField>
    )
  }
  const choice = (path: string, label: string, options: Record<string, string>, parse: (value: string) => unknown = Number) => {
    const id = fieldId(path)
    return (
      <FormField key={path} id={id} label={label} required error={errors[path]}>
        <ChoiceGroup label={label} options={Object.entries(options).map(([value, text]) => ({ value, label: text }))} value={String(valueAt(form, path) ?? '')} invalid={!!errors[path]} onChange={(value) => onChange(path, parse(value))} />
      </FormField>
    )
  }
  // Blank forms, samples and the result sample: real files, uploaded and checked, kept by their hash.
  const file = (path: string, label: string, fileName: string) => (
    <View key={path} id={fieldId(path)}>
      <GuideFileField label={label} fileName={fileName} value={valueAt(form, path) as GuideFile | undefined} onChange={(next) => onChange(path, next)} />
      {errors[path] ? (
        <View className='form-field__error' role='alert'>
          {errors[path]}
        </View>
      ) : null}
    </View>
  )
  const materials = (valueAt(form, 'guide.materials') as unknown[] | undefined) ?? []
  const legalBasis = (valueAt(form, 'guide.legalBasis') as unknown[] | undefined) ?? []
  const charged = valueAt(form, 'guide.fees.charged') === true
  const listed = valueAt(form, 'guide.negativeList.listed') === true

  return (
    <>
      <Section title={S.catalogElements}>
        {catalogEditable ? (
          <>
            {text({ path: 'name', label: S.name })}
            {legalBasis.map((_, i) => (
              <View key={i} className='list-edit__group' role='group' aria-label={S.legalBasis(i + 1)}>
                <Text className='list-edit__group-title'>{S.legalBasis(i + 1)}</Text>
                {text({ path: `guide.legalBasis[${i}].law`, label: S.law })}
                {text({ path: `guide.legalBasis[${i}].articles`, label: S.articles })}
                {text({ path: `guide.legalBasis[${i}].excerpt`, label: S.excerpt, required: false, multiline: true })}
              </View>
            ))}
          </>
        ) : (
          <>
            <Text className='list-edit__locked'>{S.catalogLocked}</Text>
            <Text className='list-edit__value'>{SF.labelValue(S.name, form.name)}</Text>
          </>
        )}
      </Section>

      <Section title={S.limits}>
        {text({ path: 'guide.promisedLimit.workingDays', label: S.promisedDays, number: true })}
        {text({ path: 'guide.promisedLimit.note', label: S.promisedNote, required: false })}
        {text({ path: 'guide.conditions', label: S.conditions, hint: S.linesHint, lines: true })}
      </Section>

      <Section title={S.materials} note={S.materialCount(materials.length)}>
        <MaterialFields form={form} errors={errors} onChange={onChange} text={text} file={file} />
      </Section>

      <Section title={S.result}>
        {file('guide.result.sample', S.resultSample, SF.parenthetical(String(valueAt(form, 'guide.result.name') ?? ''), S.resultSample))}
      </Section>

      <Section title={S.fees}>
        <SwitchRow title={S.charged} note={S.chargedNote} checked={charged} onChange={(on) => onChange('guide.fees.charged', on)} />
        {charged ? text({ path: 'guide.fees.standard', label: S.feeStandard }) : null}
        {charged ? text({ path: 'guide.fees.basis', label: S.feeBasis }) : null}
        {errors['guide.fees'] ? (
          <View className='form-field__error' role='alert' id={fieldId('guide.fees')}>
            {errors['guide.fees']}
          </View>
        ) : null}
      </Section>

      <Section title={S.place}>
        {text({ path: 'guide.place.address', label: S.address })}
        {text({ path: 'guide.place.hours', label: S.hours })}
        {text({ path: 'guide.consultPhones', label: S.consultPhones, hint: S.phonesHint, lines: true })}
        {text({ path: 'guide.complaintPhones', label: S.complaintPhones, hint: S.phonesHint, lines: true })}
        {text({ path: 'guide.scope', label: S.scope })}
      </Section>

      <Section title={S.online}>
        {choice('guide.online.depth', S.depth, S.depths)}
        {choice('guide.visitsRequired', S.visits, S.visitOptions)}
      </Section>

      <Section title={S.negativeList}>
        <SwitchRow title={S.listed} note={S.listedNote} checked={listed} onChange={(on) => onChange('guide.negativeList.listed', on)} />
        {listed ? text({ path: 'guide.negativeList.reason', label: S.reason, multiline: true }) : null}
        {listed ? choice('guide.negativeList.visitWhen', S.visitWhen, VISIT_WHEN_NAMES, String) : null}
        {listed ? text({ path: 'guide.negativeList.visitPurpose', label: S.visitPurpose, required: false, hint: S.visitPurposeHint }) : null}
      </Section>
    </>
  )
}
