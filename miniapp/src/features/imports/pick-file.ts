import Taro from '@tarojs/taro'

export interface ChosenFile {
  name: string
  content: string
}

const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))

/**
 * Mini-program variant: the national system's export arrives in a WeChat chat, so the file is chosen from
 * chats (`chooseMessageFile`) and read as UTF-8 text. Null when the person cancels. (H5: pick-file.h5.ts.)
 */
export async function chooseImportFile(): Promise<ChosenFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'json', 'txt'] })
    const file = tempFiles[0]
    if (!file) return null
    const content = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string
    return { name: file.name, content }
  } catch (error) {
    if (cancelled(error)) return null
    throw error
  }
}
