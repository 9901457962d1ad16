import Taro from '@tarojs/taro'

/** A picked file's bytes from its local path (weapp: the file system manager); null when it cannot be read. (H5: file-bytes.h5.ts.) */
export function fileBytes(path: string): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: ({ data }) => resolve(data instanceof ArrayBuffer ? new Uint8Array(data) : null),
      fail: () => resolve(null),
    })
  })
}
