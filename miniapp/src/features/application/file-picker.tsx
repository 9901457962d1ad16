import Taro from '@tarojs/taro'
import { ActionButton } from '@/components/action-button'
import { ACCEPTED_EXTENSIONS, contentTypeFor, extensionOf, pickedFileName, type PickedFile } from './picked-file'
import { APPLICATION_STRINGS as S } from './strings'

export interface FilePickerProps {
  /** Spoken name, e.g. "上传营业执照". */
  label: string
  /** Visible text of the button. */
  text: string
  disabled?: boolean
  onPick: (file: PickedFile) => void
  /** Other kinds of file than a material's (PDF, JPG, PNG): the file input's `accept` (H5) … */
  accept?: string
  /** … and the chat-file extensions (weapp), with the words that offer them. */
  extensions?: string[]
  chatLabel?: string
}

const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))

async function fromChat(extensions: string[]): Promise<PickedFile | null> {
  // PDFs on a phone usually arrive in a chat: chooseMessageFile picks from WeChat conversations.
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })
  const file = tempFiles[0]
  return file ? { name: pickedFileName(file.name), size: file.size, contentType: contentTypeFor(file.name), path: file.path } : null
}

async function fromCamera(sourceType: 'album' | 'camera'): Promise<PickedFile | null> {
  const { tempFiles } = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [sourceType], sizeType: ['compressed'] })
  const file = tempFiles[0]
  if (!file) return null
  // Photos have no name of their own.
  const extension = extensionOf(file.tempFilePath) || 'jpg'
  const name = `${sourceType === 'camera' ? S.photoFileName : S.imageFileName}-${Date.now()}.${extension}`
  return { name, size: file.size, contentType: contentTypeFor(name), path: file.tempFilePath }
}

/**
 * Mini-program variant: a button that offers the chat files (PDF or pictures), the album or the
 * camera. (H5: file-picker.h5.tsx, a file input.)
 */
export function FilePicker({ label, text, disabled = false, onPick, extensions = ACCEPTED_EXTENSIONS, chatLabel = S.pickFromChat }: FilePickerProps) {
  const pick = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: [chatLabel, S.pickFromAlbum, S.takePhoto] })
      const file = tapIndex === 0 ? await fromChat(extensions) : await fromCamera(tapIndex === 1 ? 'album' : 'camera')
      if (file) onPick(file)
    } catch (error) {
      if (!cancelled(error)) void Taro.showToast({ title: S.pickFailed, icon: 'none' })
    }
  }
  return (
    <ActionButton variant='secondary' size='sm' label={label} disabled={disabled} onTap={() => void pick()}>
      {text}
    </ActionButton>
  )
}
