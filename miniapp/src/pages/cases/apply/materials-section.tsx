import type { Material } from '@ah-tourism/shared'
import { Image, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { FilePicker } from '@/features/application/file-picker'
import { MAX_FILES_PER_MATERIAL, slotRequirement, type ApplyForm, type FormFile, type SlotRequirement } from '@/features/application/form'
import { isImage } from '@/features/application/picked-file'
import { fileSizeText } from '@/features/cases/format'
import { APPLY_STRINGS as S } from './strings'
import { fieldId, type SlotActivity, type useApply } from './use-apply'

type Apply = ReturnType<typeof useApply>

const IDLE: SlotActivity = { busy: null, replacing: null, error: null }

function FileRow({ file, index, material, apply, busy }: { file: FormFile; index: number; material: Material; apply: Apply; busy: boolean }) {
  const preview = apply.previews[file.key]
  const error = apply.errorFor(`materials.${material.id}[${index}]`)
  return (
    <View className={`upload-file${error ? ' upload-file--invalid' : ''}`} role='listitem'>
      <View className='upload-file__row'>
        {preview && isImage(file.contentType) ? (
          <Image className='upload-file__thumb' src={preview} mode='aspectFill' aria-hidden='true' />
        ) : (
          <View className={`upload-file__glyph upload-file__glyph--${isImage(file.contentType) ? 'image' : 'pdf'}`} aria-hidden='true'>
            <Text>{isImage(file.contentType) ? S.image : S.pdf}</Text>
          </View>
        )}
        <View className='upload-file__info'>
          <Text className='upload-file__name'>{file.fileName}</Text>
          {file.size ? <Text className='upload-file__size'>{fileSizeText(file.size)}</Text> : null}
        </View>
      </View>
      <View className='upload-file__actions'>
        <FilePicker label={S.replaceLabel(file.fileName)} text={S.replace} disabled={busy} onPick={(picked) => void apply.pick(material, picked, index)} />
        <ActionButton variant='text' size='sm' label={S.removeLabel(file.fileName)} disabled={busy} onTap={() => apply.removeFile(material, index)}>
          {S.remove}
        </ActionButton>
      </View>
      {error ? (
        <View className='form-field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}

function UploadSlot({ material, requirement, form, apply }: { material: Material; requirement: SlotRequirement; form: ApplyForm; apply: Apply }) {
  const files = form.materials[material.id] ?? []
  const activity = apply.slots[material.id] ?? IDLE
  const busy = activity.busy !== null
  const error = activity.error ?? apply.errorFor(`materials.${material.id}`)
  const mustUpload = requirement === 'upload_required'
  return (
    <View className={`upload-slot${error ? ' upload-slot--invalid' : ''}`} id={fieldId(`materials.${material.id}`)} role='group' aria-label={material.name}>
      <View className='upload-slot__head'>
        <Text className='upload-slot__name'>
          {mustUpload ? <Text className='form-field__required'>*</Text> : null}
          {material.name}
        </Text>
        <Text className={`upload-slot__tag upload-slot__tag--${mustUpload ? 'required' : 'optional'}`}>
          {mustUpload && material.necessity !== 'required' ? S.requiredNow : S.necessity[material.necessity]}
        </Text>
      </View>
      {material.condition ? <Text className='upload-slot__text'>{`${S.condition}：${material.condition}`}</Text> : null}
      <Text className='upload-slot__text upload-slot__text--muted'>{`${S.standard}：${material.acceptanceStandard}`}</Text>

      {files.length ? (
        <View className='upload-slot__files' role='list'>
          {files.map((file, index) => (
            <FileRow key={file.key} file={file} index={index} material={material} apply={apply} busy={busy} />
          ))}
        </View>
      ) : null}

      {busy ? (
        <View className='upload-slot__busy' role='status' aria-live='polite'>
          <View className='upload-slot__spinner' aria-hidden='true' />
          <Text>{S.uploading(activity.busy ?? '')}</Text>
        </View>
      ) : null}

      {files.length < MAX_FILES_PER_MATERIAL ? (
        <View className='upload-slot__add'>
          <FilePicker
            label={S.uploadLabel(material.name, material.condition)}
            text={files.length ? S.uploadMore : S.upload}
            disabled={busy}
            onPick={(picked) => void apply.pick(material, picked, null)}
          />
        </View>
      ) : null}

      {error ? (
        <View className='form-field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}

function LicenceSlot({ material }: { material: Material }) {
  return (
    <View className='upload-slot upload-slot--licence' role='group' aria-label={material.name}>
      <View className='upload-slot__head'>
        <Text className='upload-slot__name'>{material.name}</Text>
      </View>
      <View className='upload-slot__licence'>
        <Text className='upload-slot__licence-title'>{S.fromLicence}</Text>
        {material.licenceName ? <Text className='upload-slot__text'>{S.licence(material.licenceName, material.issuer)}</Text> : null}
      </View>
    </View>
  )
}

/**
 * One slot per material of the guide. Licences the government issued are referenced, not uploaded
 * (减证便民); materials that do not apply to this applicant (e.g. the authorisation letter when no
 * agent is involved) are left out.
 */
export function MaterialsSection({ materials, form, apply }: { materials: Material[]; form: ApplyForm; apply: Apply }) {
  const slots = materials
    .map((material) => ({ material, requirement: slotRequirement(material, form) }))
    .filter((slot) => slot.requirement !== 'not_applicable')
  const uploads = slots.filter((slot) => slot.requirement !== 'from_licence').length
  const licences = slots.length - uploads
  return (
    <Section title={S.materialsSection} note={S.materialsNote(uploads, licences)}>
      <Text className='apply__note'>{S.fileTypes}</Text>
      <View className='upload-slots'>
        {slots.map(({ material, requirement }) =>
          requirement === 'from_licence' ? (
            <LicenceSlot key={material.id} material={material} />
          ) : (
            <UploadSlot key={material.id} material={material} requirement={requirement} form={form} apply={apply} />
          ),
        )}
      </View>
    </Section>
  )
}
