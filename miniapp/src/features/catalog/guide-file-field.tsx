import { describeGuideFile, type GuideFile } from '@ah-tourism/shared/src/catalog/guide-file-format'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilePicker } from '@/features/application/file-picker'
import type { PickedFile } from '@/features/application/picked-file'
import { toApiError } from '@/services/api-error'
import { GUIDE_FILE_ACCEPT, GUIDE_FILE_EXTENSIONS, guideFileProblem, uploadGuideFile } from './guide-file-upload'
import { GUIDE_FILE_FIELD_STRINGS } from './strings'
import './guide-file-field.scss'

const S = GUIDE_FILE_FIELD_STRINGS

export interface GuideFileFieldProps {
  /** What the file is, e.g. "空白表格"; also the spoken name of the buttons. */
  label: string
  /** The name the uploaded file gets in the guide, e.g. "旅行社业务经营许可申请书（空白表格）". */
  fileName: string
  value: GuideFile | undefined
  onChange: (file: GuideFile | undefined) => void
  disabled?: boolean
}

/**
 * One blank form, sample or result sample of a guide draft, for list editors (清单编制): the file it has
 * (type, pages, size), a picker that uploads a new one and answers its checked reference, and removal.
 * Uploading says so; a refused file (wrong type, renamed program, too large) is said beside it.
 */
export function GuideFileField({ label, fileName, value, onChange, disabled = false }: GuideFileFieldProps) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })

  const pick = async (file: PickedFile) => {
    const problem = guideFileProblem(file)
    if (problem) {
      setState({ busy: false, error: problem })
      return
    }
    setState({ busy: true, error: null })
    try {
      onChange(await uploadGuideFile(file, fileName))
      setState({ busy: false, error: null })
    } catch (error) {
      setState({ busy: false, error: toApiError(error).message })
    }
  }

  return (
    <View className='guide-file-field'>
      <Text className='guide-file-field__label'>{label}</Text>
      {value ? (
        <View className='guide-file-field__file'>
          <Text className='guide-file-field__name'>{value.name}</Text>
          <Text className='guide-file-field__meta'>{describeGuideFile(value)}</Text>
        </View>
      ) : (
        <Text className='guide-file-field__meta'>{S.none}</Text>
      )}
      {state.busy ? (
        <View className='guide-file-field__meta' role='status'>
          {S.uploading}
        </View>
      ) : null}
      <View className='guide-file-field__actions'>
        <FilePicker
          label={S.chooseLabel(label)}
          text={value ? S.replace : S.choose}
          disabled={disabled || state.busy}
          onPick={(file) => void pick(file)}
          accept={GUIDE_FILE_ACCEPT}
          extensions={GUIDE_FILE_EXTENSIONS}
          chatLabel={S.chatLabel}
        />
        {value ? (
          <ActionButton variant='text' size='sm' label={S.removeLabel(label)} disabled={disabled || state.busy} onTap={() => onChange(undefined)}>
            {S.remove}
          </ActionButton>
        ) : null}
      </View>
      {state.error ? (
        <View className='guide-file-field__error' role='alert'>
          {state.error}
        </View>
      ) : null}
    </View>
  )
}
