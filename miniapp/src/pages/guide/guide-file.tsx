import Taro from '@tarojs/taro'
import { describeGuideFile, type GuideFile, type GuideFileRole } from '@ah-tourism/shared/src/catalog/guide-file-format'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { getGuideFileLink } from '@/features/catalog/api'
import { openDownloadedFile } from '@/features/cases/open-file'
import { isApiError, toApiError } from '@/services/api-error'
import { GUIDE_STRINGS as S } from './strings'

/** Which guide version the file belongs to: links are asked for that version, never another. */
export interface GuideVersionRef {
  implementationCode: string
  version: number
}

/** Fetches a fresh five-minute link and opens it; a link that expired on the way is replaced once. */
async function openGuideFile(guide: GuideVersionRef, file: GuideFile): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const link = await getGuideFileLink(guide.implementationCode, guide.version, file.fileId)
    try {
      await openDownloadedFile(link, file.contentType)
      return
    } catch (error) {
      if (attempt === 0 && isApiError(error) && error.code === 'LINK_EXPIRED') continue
      throw error
    }
  }
}

/**
 * A blank form, sample or result sample: its name, type, pages and size, and a button that downloads it
 * (weapp: opens it in the document viewer, from where it can be saved or forwarded; H5: the browser
 * saves it). While it downloads the button says so; a failure is said beside it, with the way to retry.
 */
export function GuideFileDownload({ guide, file, role }: { guide: GuideVersionRef; file: GuideFile; role: GuideFileRole }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const action = S.fileAction[role]
  const details = describeGuideFile(file)

  const download = async () => {
    if (state.busy) return
    setState({ busy: true, error: null })
    try {
      await openGuideFile(guide, file)
      setState({ busy: false, error: null })
    } catch (error) {
      const message = toApiError(error).message
      setState({ busy: false, error: message })
      void Taro.showToast({ title: message, icon: 'none' })
    }
  }

  return (
    <View className='guide-file'>
      <View className='guide-file__info'>
        <Text className='guide-file__name'>{file.name}</Text>
        <Text className='guide-file__meta'>{details}</Text>
      </View>
      <ActionButton
        variant='secondary'
        size='sm'
        label={S.fileLabel(action, file.name, details)}
        disabled={state.busy}
        onTap={() => void download()}
        className='guide-file__button'
      >
        {state.busy ? S.fileDownloading : action}
      </ActionButton>
      {state.error ? (
        <View className='guide-file__error' role='alert'>
          {S.fileFailed(state.error)}
        </View>
      ) : null}
    </View>
  )
}
