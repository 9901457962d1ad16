import type { Material } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { promises, slotRequirement, type ApplyForm, type SlotRequirement } from '@/features/application/form'
import { UploadSlot } from '@/features/application/upload-slot'
import type { LicenceLookup } from '@/features/application/use-licence-materials'
import { CommitmentSlot, ProvideBy } from './commitment-slot'
import { APPLY_STRINGS as S, materialsNote } from './strings'
import { fieldId, type useApply } from './use-apply'

type Apply = ReturnType<typeof useApply>

function MaterialSlot({ material, requirement, form, apply }: { material: Material; requirement: SlotRequirement; form: ApplyForm; apply: Apply }) {
  const path = `materials.${material.id}`
  const activity = apply.slots[material.id]
  const mustUpload = requirement === 'upload_required'
  return (
    <UploadSlot
      id={fieldId(path)}
      name={material.name}
      required={mustUpload}
      tag={{ text: mustUpload && material.necessity !== 'required' ? S.requiredNow : S.necessity[material.necessity], tone: mustUpload ? 'required' : 'optional' }}
      files={form.materials[material.id] ?? []}
      previews={apply.previews}
      activity={activity}
      error={activity?.error ?? apply.errorFor(path)}
      fileError={(index) => apply.errorFor(`${path}[${index}]`)}
      uploadLabel={material.condition ? S.uploadLabelWhen(material.name, material.condition) : S.uploadLabel(material.name)}
      onPick={(picked, replacing) => void apply.pick(material, picked, replacing)}
      onRemove={(index) => apply.removeFile(material, index)}
    >
      {material.condition ? <Text className='upload-slot__text'>{S.conditionValue(material.condition)}</Text> : null}
      <Text className='upload-slot__text upload-slot__text--muted'>{S.standardValue(material.acceptanceStandard)}</Text>
      {material.commitment ? <ProvideBy material={material} form={form} apply={apply} /> : null}
    </UploadSlot>
  )
}

/** What the wallet lookup says under a 免提交 material: the licence found, why it cannot be used, or that staff will check. */
function LicenceFound({ material, lookup }: { material: Material; lookup: LicenceLookup }) {
  if (lookup.state === 'idle') return <Text className='upload-slot__text upload-slot__text--muted'>{S.licenceLookupIdle}</Text>
  if (lookup.state === 'loading') return <Text className='upload-slot__text upload-slot__text--muted'>{S.licenceLookupLoading}</Text>
  if (lookup.state === 'error') return <Text className='upload-slot__text upload-slot__text--muted'>{S.licenceLookupFailed}</Text>
  const found = lookup.byMaterial[material.id]
  if (!found) return null
  const blocking = !found.usable && !!found.found
  return (
    <View role={blocking ? 'alert' : 'status'}>
      <Text className={`upload-slot__text${blocking ? ' upload-slot__text--error' : found.usable ? '' : ' upload-slot__text--muted'}`}>{found.message}</Text>
    </View>
  )
}

function LicenceSlot({ material, lookup }: { material: Material; lookup: LicenceLookup }) {
  return (
    <View className='upload-slot upload-slot--licence' role='group' aria-label={material.name}>
      <View className='upload-slot__head'>
        <Text className='upload-slot__name'>{material.name}</Text>
      </View>
      <View className='upload-slot__licence'>
        <Text className='upload-slot__licence-title'>{S.fromLicence}</Text>
        {material.licenceName ? <Text className='upload-slot__text'>{material.issuer ? S.licenceIssued(material.licenceName, material.issuer) : S.licence(material.licenceName)}</Text> : null}
        <LicenceFound material={material} lookup={lookup} />
      </View>
    </View>
  )
}

/**
 * One slot per material of the guide. Licences the government issued are referenced, not uploaded
 * (减证便民); materials that do not apply to this applicant (e.g. the authorisation letter when no
 * agent is involved) are left out.
 */
export function MaterialsSection({ materials, form, apply, licences: lookup, atWindow = false }: { materials: Material[]; form: ApplyForm; apply: Apply; licences: LicenceLookup; atWindow?: boolean }) {
  const slots = materials
    .map((material) => ({ material, requirement: slotRequirement(material, form) }))
    .filter((slot) => slot.requirement !== 'not_applicable')
  const promised = slots.filter((slot) => promises(slot.material, form)).length
  const uploads = slots.filter((slot) => slot.requirement !== 'from_licence').length - promised
  const licences = slots.length - uploads - promised
  return (
    <Section title={S.materialsSection} note={materialsNote(uploads, licences, promised)}>
      <Text className='apply__note'>{S.fileTypes}</Text>
      <View className='upload-slots'>
        {slots.map(({ material, requirement }) =>
          requirement === 'from_licence' ? (
            <LicenceSlot key={material.id} material={material} lookup={lookup} />
          ) : promises(material, form) ? (
            <CommitmentSlot key={material.id} material={material} form={form} apply={apply} atWindow={atWindow} />
          ) : (
            <MaterialSlot key={material.id} material={material} requirement={requirement} form={form} apply={apply} />
          ),
        )}
      </View>
    </Section>
  )
}
