/** A file the user chose, before it is uploaded; `path` is a local temp path (weapp) or blob: URL (H5). */
export interface PickedFile {
  name: string
  size: number
  /** '' when the type is not one we know. */
  contentType: string
  path: string
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
}

export function extensionOf(name: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(name)
  return match ? (match[1] ?? '').toLowerCase() : ''
}

export function contentTypeFor(name: string): string {
  return TYPES_BY_EXTENSION[extensionOf(name)] ?? ''
}

export const ACCEPTED_TYPES = 'application/pdf,image/jpeg,image/png'
export const ACCEPTED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png']

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/')
}
