import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { fileSizeText } from '@/features/cases/format'
import { FilePicker } from './file-picker'
import { MAX_FILES_PER_MATERIAL, type FormFile } from './form'
import { isImage, type PickedFile } from './picked-file'
import { APPLICATION_STRINGS as S } from './strings'
import { IDLE_SLOT, type SlotActivity } from './use-uploads'
import './upload-slot.scss'

export interface UploadSlotProps {
  /** Element id of the slot (errors scroll here). */
  id: string
  /** The material's name: the slot's heading and the group's spoken name. */
  name: string
  required: boolean
  tag?: { text: string; tone: 'required' | 'optional' }
  /** Lines under the heading: 适用情形, 受理标准, 补正原因… */
  children?: ReactNode
  files: FormFile[]
  previews: Record<string, string>
  activity?: SlotActivity
  /** The slot's own error (refused file, nothing uploaded, the API's verdict on the material). */
  error?: string
  /** The API's verdict on one file. */
  fileError?: (index: number) => string | undefined
  /** Spoken name of the add button, e.g. "上传营业执照". */
  uploadLabel: string
  onPick: (file: PickedFile, replacing: number | null) => void
  onRemove: (index: number) => void
}

function FileRow({ file, preview, error, busy, onReplace, onRemove }: { file: FormFile; preview?: string; error?: string; busy: boolean; onReplace: (file: PickedFile) => void; onRemove: () => void }) {
  const image = isImage(file.contentType)
  return (
    <View className={`upload-file${error ? ' upload-file--invalid' : ''}`} role='listitem'>
      <View className='upload-file__row'>
        {preview && image ? (
          <Image className='upload-file__thumb' src={preview} mode='aspectFill' aria-hidden='true' />
        ) : (
          <View className={`upload-file__glyph upload-file__glyph--${image ? 'image' : 'pdf'}`} aria-hidden='true'>
            <Text>{image ? S.image : S.pdf}</Text>
          </View>
        )}
        <View className='upload-file__info'>
          <Text className='upload-file__name'>{file.fileName}</Text>
          {file.size ? <Text className='upload-file__size'>{fileSizeText(file.size)}</Text> : null}
        </View>
      </View>
      <View className='upload-file__actions'>
        <FilePicker label={S.replaceLabel(file.fileName)} text={S.replace} disabled={busy} onPick={onReplace} />
        <ActionButton variant='text' size='sm' label={S.removeLabel(file.fileName)} disabled={busy} onTap={onRemove}>
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

/**
 * One material's upload slot: its files (replace, remove), the upload under way, 上传文件 / 继续上传
 * up to the limit, and its errors. The caller owns the files and the uploads (useUploads).
 */
export function UploadSlot(props: UploadSlotProps) {
  const { id, name, required, tag, children, files, previews, activity = IDLE_SLOT, error, fileError, uploadLabel, onPick, onRemove } = props
  const busy = activity.busy !== null
  return (
    <View className={`upload-slot${error ? ' upload-slot--invalid' : ''}`} id={id} role='group' aria-label={name}>
      <View className='upload-slot__head'>
        <Text className='upload-slot__name'>
          {required ? <Text className='form-field__required'>*</Text> : null}
          {name}
        </Text>
        {tag ? <Text className={`upload-slot__tag upload-slot__tag--${tag.tone}`}>{tag.text}</Text> : null}
      </View>
      {children}

      {files.length ? (
        <View className='upload-slot__files' role='list'>
          {files.map((file, index) => (
            <FileRow
              key={file.key}
              file={file}
              preview={previews[file.key]}
              error={fileError?.(index)}
              busy={busy}
              onReplace={(picked) => onPick(picked, index)}
              onRemove={() => onRemove(index)}
            />
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
          <FilePicker label={uploadLabel} text={files.length ? S.uploadMore : S.upload} disabled={busy} onPick={(picked) => onPick(picked, null)} />
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
