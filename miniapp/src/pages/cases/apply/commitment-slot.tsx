import type { Material } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { CheckGroup } from '@/components/form-field/check-group'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { commitmentHashOf, type ApplyForm } from '@/features/application/form'
import { APPLY_STRINGS as S } from './strings'
import { fieldId, type useApply } from './use-apply'

type Apply = ReturnType<typeof useApply>

/** How a material the law lets a commitment replace is provided: uploaded as usual, or by 告知承诺 (免提交). */
export function ProvideBy({ material, form, apply }: { material: Material; form: ApplyForm; apply: Apply }) {
  const promised = !!form.commitments[material.id]
  return (
    <View className='commitment__choice'>
      <ChoiceGroup
        label={S.provideByLabel(material.name)}
        options={[
          { value: 'upload', label: S.provideByUpload },
          { value: 'commit', label: S.provideByCommitment },
        ]}
        value={promised ? 'commit' : 'upload'}
        onChange={(value) => apply.setCommitment(material, value === 'commit' ? (form.commitments[material.id] ?? { confirmed: null }) : null)}
      />
    </View>
  )
}

/**
 * 告知承诺制: the guide version's commitment text, read in the form and confirmed; nothing is uploaded. At a
 * hall window the staff member confirms on the person's behalf only after the person signed in person.
 */
export function CommitmentSlot({ material, form, apply, atWindow }: { material: Material; form: ApplyForm; apply: Apply; atWindow: boolean }) {
  const path = `materials.${material.id}`
  const confirmed = !!form.commitments[material.id]?.confirmed
  const error = apply.errorFor(path) ?? apply.errorFor(`commitments.${material.id}`)
  const label = atWindow ? S.commitmentConfirmAtWindow : S.commitmentConfirm
  return (
    <View className={`upload-slot upload-slot--commitment${error ? ' upload-slot--invalid' : ''}`} id={fieldId(path)} role='group' aria-label={material.name}>
      <View className='upload-slot__head'>
        <Text className='upload-slot__name'>
          <Text className='form-field__required'>*</Text>
          {material.name}
        </Text>
        <Text className='upload-slot__tag'>{S.commitmentTag}</Text>
      </View>
      <ProvideBy material={material} form={form} apply={apply} />
      <Text className='commitment__title'>{S.commitmentTitle}</Text>
      <View className='commitment__text' role='document' aria-label={S.commitmentTextLabel(material.name)}>
        <Text>{material.commitment!.text}</Text>
      </View>
      {material.commitment!.consequence ? <Text className='upload-slot__text'>{S.commitmentConsequenceValue(material.commitment!.consequence)}</Text> : null}
      <CheckGroup
        label={label}
        options={[{ value: 'confirmed', label }]}
        values={confirmed ? ['confirmed'] : []}
        invalid={!!error}
        onChange={(values) => apply.setCommitment(material, { confirmed: values.length ? commitmentHashOf(material) : null })}
      />
      {error ? (
        <View className='form-field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
