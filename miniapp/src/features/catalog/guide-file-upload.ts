import {
  GUIDE_FILE_CONTENT_TYPES,
  GUIDE_FILE_TYPES,
  MAX_GUIDE_FILE_BYTES,
  type GuideFile,
  type GuideFileContentType,
} from '@ah-tourism/shared/src/catalog/guide-file-format'
import type { UploadTicket } from '@ah-tourism/shared'
import { extensionOf, type PickedFile } from '@/features/application/picked-file'
import { postToStorage } from '@/features/application/storage-post'
import { requestJson } from '@/services/http'
import { GUIDE_FILE_UPLOAD_STRINGS } from './strings'

/*
 * Uploading a blank form, sample or result sample for a guide draft (list editors, 清单编制). A list-editing
 * screen mounts GuideFileField (guide-file-field.tsx: current file, picker, upload, removal) per file, or
 * calls these directly: pick a file (features/application's FilePicker with GUIDE_FILE_ACCEPT and
 * GUIDE_FILE_EXTENSIONS), check it with guideFileProblem, then uploadGuideFile answers the GuideFile
 * reference to put in the draft (materials[i].blankForm / .sample, result.sample). The API checks the real
 * content again.
 */

/** For `<input type="file" accept>` (H5) and the message-file picker's extensions (weapp). */
export const GUIDE_FILE_ACCEPT = [...GUIDE_FILE_CONTENT_TYPES, '.doc', '.docx', '.xls', '.xlsx'].join(',')
export const GUIDE_FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png']

/** The guide-file type of a picked file, from its type or else its extension (pickers often give none). */
export function guideFileTypeOf(file: Pick<PickedFile, 'name' | 'contentType'>): GuideFileContentType | undefined {
  if ((GUIDE_FILE_CONTENT_TYPES as string[]).includes(file.contentType)) return file.contentType as GuideFileContentType
  const extension = extensionOf(file.name) === 'jpeg' ? 'jpg' : extensionOf(file.name)
  return GUIDE_FILE_CONTENT_TYPES.find((type) => GUIDE_FILE_TYPES[type].extension === extension)
}

/** What is wrong with a chosen file before anything is sent, or null. Same limits as the API. */
export function guideFileProblem(file: PickedFile): string | null {
  if (!guideFileTypeOf(file)) return GUIDE_FILE_UPLOAD_STRINGS.wrongType
  if (file.size <= 0) return GUIDE_FILE_UPLOAD_STRINGS.emptyFile
  if (file.size > MAX_GUIDE_FILE_BYTES) return GUIDE_FILE_UPLOAD_STRINGS.tooLarge(MAX_GUIDE_FILE_BYTES / 1024 / 1024)
  return null
}

/**
 * Ticket, upload straight to storage, then the check: answers the file's reference (name as given).
 * Rejects with an ApiError (GUIDE_FILE_INVALID with the reason, AUTH_FORBIDDEN without the permission…).
 */
export async function uploadGuideFile(file: PickedFile, name: string): Promise<GuideFile> {
  const contentType = guideFileTypeOf(file)
  if (!contentType) throw new Error(GUIDE_FILE_UPLOAD_STRINGS.wrongType)
  const ticket = (await requestJson<UploadTicket>('POST', '/staff/guide-files/uploads', { auth: true, body: { contentType, size: file.size } })).data
  await postToStorage(ticket, { ...file, contentType })
  return (await requestJson<GuideFile>('POST', '/staff/guide-files', { auth: true, body: { key: ticket.key, name } })).data
}
