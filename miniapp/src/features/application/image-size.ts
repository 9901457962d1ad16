import Taro from '@tarojs/taro'

/** An image's pixels from its local path (weapp: getImageInfo); null when it cannot be read. (H5: image-size.h5.ts.) */
export async function imageSize(path: string): Promise<{ width: number; height: number } | null> {
  try {
    const { width, height } = await Taro.getImageInfo({ src: path })
    return { width, height }
  } catch {
    return null
  }
}
