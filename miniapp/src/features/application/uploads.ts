import { MATERIAL_TYPES, MAX_MATERIAL_BYTES, type MaterialContentType } from '@ah-tourism/shared/src/application/application'
import { createUploadTicket } from '@/features/cases/api'
import type { FormFile } from './form'
import type { PickedFile } from './picked-file'
import { postToStorage } from './storage-post'
import { APPLICATION_STRINGS as S } from './strings'

/** What is wrong with a chosen file before anything is sent, or null. Same limits as the API. */
export function pickedFileProblem(file: PickedFile): string | null {
  if (!MATERIAL_TYPES.includes(file.contentType as MaterialContentType)) return S.wrongType
  if (file.size <= 0) return S.emptyFile
  if (file.size > MAX_MATERIAL_BYTES) return S.tooLarge(MAX_MATERIAL_BYTES / 1024 / 1024)
  return null
}

/** Asks the API for a short-lived presigned POST, then sends the file straight to storage. */
export async function uploadMaterial(implementationCode: string, materialId: string, file: PickedFile): Promise<FormFile> {
  const contentType = file.contentType as MaterialContentType
  const fileName = file.name.slice(-120)
  const ticket = await createUploadTicket({ implementationCode, materialId, fileName, contentType, size: file.size })
  await postToStorage(ticket, file)
  return { key: ticket.key, fileName, contentType, size: file.size }
}
