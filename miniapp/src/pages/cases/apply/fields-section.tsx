import type { FieldDefinition, OptionRule } from '@ah-tourism/shared'
import { allowedOptions } from '@ah-tourism/shared/src/application/fields'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { DateInput } from '@/components/form-field/date-input'
import { describedBy, FormField } from '@/components/form-field'
import { SelectInput } from '@/components/form-field/select-input'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import type { ApplyForm } from '@/features/application/form'
import { useRegions } from '@/features/region/use-regions'
import { APPLY_STRINGS as S, numberRange } from './strings'
import { fieldId, type useApply } from './use-apply'

type Apply = ReturnType<typeof useApply>

function DeclaredField({ field, rules, value, apply, regions }: { field: FieldDefinition; rules?: OptionRule[]; value: string; apply: Apply; regions: { value: string; label: string }[] }) {
  const path = `fields.${field.key}`
  const id = fieldId(path)
  const error = apply.errorFor(path)
  // This implementation's own limit on the options (e.g. a city rates 3A and below) is said beside them.
  const rule = rules?.find((r) => r.field === field.key)?.rule
  const hint = field.hint ?? rule ?? (field.type === 'number' ? numberRange(field.min, field.max) || undefined : undefined)
  const described = describedBy(id, Boolean(hint), Boolean(error))
  const change = (next: string) => apply.setField(field.key, next)
  // Pickers have no "leave the field" moment: choosing is the end of the edit.
  const choose = (next: string) => {
    change(next)
    apply.touch(path)
  }

  const control = () => {
    switch (field.type) {
      case 'choice':
        return (
          // An English guide gives each option its English label; the value sent stays the option itself.
          <ChoiceGroup
            label={field.label}
            options={allowedOptions(field, rules).map((o) => ({ value: o, label: field.optionLabels?.[field.options?.indexOf(o) ?? -1] ?? o }))}
            value={value}
            invalid={Boolean(error)}
            onChange={choose}
          />
        )
      case 'date':
        return <DateInput id={id} value={value} label={field.label} placeholder={S.chooseDate} invalid={Boolean(error)} describedBy={described} onChange={choose} />
      case 'region':
        return <SelectInput id={id} value={value} label={field.label} placeholder={S.choose} options={regions} invalid={Boolean(error)} describedBy={described} onChange={choose} />
      default:
        return (
          <TextInput
            id={id}
            value={value}
            label={field.label}
            mode={field.type === 'number' ? 'decimal' : 'text'}
            maxLength={field.maxLength ?? (field.type === 'address' ? 120 : field.type === 'number' ? 20 : 60)}
            placeholder={field.type === 'address' ? S.addressPlaceholder : undefined}
            invalid={Boolean(error)}
            describedBy={described}
            onChange={change}
            onBlur={() => apply.touch(path)}
          />
        )
    }
  }

  return (
    <FormField id={id} label={field.label} required={field.required} hint={hint} error={error}>
      {control()}
    </FormField>
  )
}

/** The fields this item declares (shared/src/application/fields.ts), in the declared order. */
export function FieldsSection({ fields, rules, form, apply }: { fields: FieldDefinition[]; rules?: OptionRule[]; form: ApplyForm; apply: Apply }) {
  const needsRegions = fields.some((field) => field.type === 'region')
  const { state } = useRegions(needsRegions)
  const regions = state.status === 'ready' ? state.regions.map((r) => ({ value: r.code, label: r.name })) : []
  if (!fields.length) return null
  return (
    <Section title={S.fieldsSection}>
      {fields.map((field) => (
        <DeclaredField key={field.key} field={field} rules={rules} value={form.fields[field.key] ?? ''} apply={apply} regions={regions} />
      ))}
    </Section>
  )
}
