import { withoutHiddenCharacters } from '@ah-tourism/shared/src/text/characters'
import { APPLICATION_STRINGS as S } from './strings'

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

/**
 * The name a picked file is sent and shown under. The API refuses names with bidirectional or control
 * characters (they can disguise a file's type); a name the user did not type is cleaned instead, so they
 * never meet an error they cannot fix. Empty after cleaning: a neutral name with the same extension.
 */
export function pickedFileName(name: string): string {
  const cleaned = withoutHiddenCharacters(name)
  return cleaned && cleaned !== `.${extensionOf(name)}` ? cleaned : `${S.unnamedFileName}-${Date.now()}${extensionOf(name) ? `.${extensionOf(name)}` : ''}`
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
