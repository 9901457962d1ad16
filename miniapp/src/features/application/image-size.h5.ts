/** H5 variant: an image's pixels from its blob: URL, decoded by the browser; null when it does not decode. */
export function imageSize(path: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const image = new Image()
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight })
    image.onerror = () => resolve(null)
    image.src = path
  })
}
