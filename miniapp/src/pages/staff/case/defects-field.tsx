import type { StaffCaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { describedBy, FormField } from '@/components/form-field'
import { CheckGroup } from '@/components/form-field/check-group'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { TextInput } from '@/components/form-field/text-input'
import { DEFECT_REASONS, OTHER_REASON, type ActionDraft, type ConditionCheck, type MaterialCheck } from './action-form'
import { CASE_STRINGS as S } from './strings'

export const fieldId = (path: string) => `f-action-${path.replace(/[^A-Za-z0-9]+/g, '-')}`

const RESULT = [
  { value: 'pass', label: S.pass },
  { value: 'fail', label: S.fail },
]
const CONDITION_FAILED = [{ value: 'fail', label: S.conditionFailed }]
const REASONS = [
  ...Object.entries(DEFECT_REASONS).map(([key, reason]) => ({ value: reason, label: S.defectReasons[key as keyof typeof DEFECT_REASONS] })),
  { value: OTHER_REASON, label: S.defectReasons.other },
]
const NO_MATERIAL: MaterialCheck = { failed: false, preset: null, text: '' }
const NO_CONDITION: ConditionCheck = { failed: false, text: '' }

export interface DefectsFieldProps {
  detail: StaffCaseDetail
  draft: ActionDraft
  errorFor: (path: string) => string | undefined
  onMaterial: (materialId: string, check: MaterialCheck) => void
  onCondition: (index: number, check: ConditionCheck) => void
}

/**
 * The pre-review of a one-time notice (一次性告知): every material the applicant was to upload, 合格
 * or 需补正 with a reason from a short list or written out, and optionally the acceptance conditions
 * of the guide that are not met. Nothing else can be cited.
 */
export function DefectsField({ detail, draft, errorFor, onMaterial, onCondition }: DefectsFieldProps) {
  // A material replaced by a commitment (告知承诺制) is not asked for again: doubts are checked and, if false, marked so.
  const materials = detail.materials.filter((m) => m.source === 'applicant' && !m.commitment)
  const chosen = Object.values(draft.materials).filter((c) => c.failed).length + Object.values(draft.conditions).filter((c) => c.failed).length
  const overall = errorFor('defects')
  return (
    <View className='defects' id={fieldId('defects')}>
      <View className='defects__title' role='heading' aria-level={3}>
        {S.defectsTitle}
      </View>
      <Text className='defects__text'>{S.defectsText}</Text>
      <Text className='defects__count' aria-live='polite'>
        {chosen ? S.defectsCount(chosen) : S.noDefects}
      </Text>
      {overall ? (
        <View className='form-field__error' role='alert'>
          {overall}
        </View>
      ) : null}

      {materials.map((material) => {
        const check = draft.materials[material.materialId] ?? NO_MATERIAL
        const path = `material.${material.materialId}`
        const id = fieldId(path)
        const error = errorFor(path)
        const other = check.preset === OTHER_REASON
        return (
          <View key={material.materialId} className={`defect${check.failed ? ' defect--failed' : ''}`} role='group' aria-label={material.name} id={id}>
            <View className='defect__head'>
              <Text className='defect__name'>{material.name}</Text>
              <Text className='defect__files'>{material.files.length ? S.filesCount(material.files.length) : S.noFiles}</Text>
            </View>
            <ChoiceGroup
              label={S.resultLabel(material.name)}
              options={RESULT}
              value={check.failed ? 'fail' : 'pass'}
              onChange={(value) => onMaterial(material.materialId, { ...check, failed: value === 'fail' })}
            />
            {check.failed ? (
              <>
                <ChoiceGroup
                  label={S.reasonChoiceLabel(material.name)}
                  options={REASONS}
                  value={check.preset ?? ''}
                  invalid={!!error && !check.preset}
                  onChange={(preset) => onMaterial(material.materialId, { ...check, preset })}
                />
                <FormField id={`${id}-text`} label={other ? S.reasonText : S.reasonTextOptional} required={other} error={error}>
                  <TextInput
                    id={`${id}-text`}
                    value={check.text}
                    label={S.reasonTextLabel(material.name)}
                    placeholder={S.reasonTextPlaceholder}
                    maxLength={200}
                    invalid={!!error}
                    describedBy={describedBy(`${id}-text`, false, !!error)}
                    onChange={(text) => onMaterial(material.materialId, { ...check, text })}
                  />
                </FormField>
              </>
            ) : null}
          </View>
        )
      })}

      {detail.conditions.length ? (
        <>
          <View className='defects__title' role='heading' aria-level={3}>
            {S.conditionsTitle}
          </View>
          {detail.conditions.map((condition, index) => {
            const check = draft.conditions[index] ?? NO_CONDITION
            const path = `condition.${index}`
            const id = fieldId(path)
            const error = errorFor(path)
            return (
              <View key={condition} className={`defect${check.failed ? ' defect--failed' : ''}`} role='group' aria-label={S.conditionResultLabel(index + 1)} id={id}>
                <Text className='defect__condition'>{`${index + 1}. ${condition}`}</Text>
                <CheckGroup
                  label={S.conditionResultLabel(index + 1)}
                  options={CONDITION_FAILED}
                  values={check.failed ? ['fail'] : []}
                  onChange={(values) => onCondition(index, { ...check, failed: values.includes('fail') })}
                />
                {check.failed ? (
                  <FormField id={`${id}-text`} label={S.conditionText} required error={error}>
                    <TextInput
                      id={`${id}-text`}
                      value={check.text}
                      label={S.conditionTextLabel(index + 1)}
                      placeholder={S.reasonTextPlaceholder}
                      maxLength={200}
                      invalid={!!error}
                      describedBy={describedBy(`${id}-text`, false, !!error)}
                      onChange={(text) => onCondition(index, { ...check, text })}
                    />
                  </FormField>
                ) : null}
              </View>
            )
          })}
        </>
      ) : null}
    </View>
  )
}
