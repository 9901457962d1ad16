import type { UploadTicket } from '@ah-tourism/shared'
import { clientError, errorFromFailure } from '@/services/api-error'
import type { PickedFile } from './picked-file'

const UPLOAD_TIMEOUT_MS = 120_000

/**
 * H5 variant: a multipart POST with fetch, every ticket field first (S3 and s3rver read `key`
 * before the file), the file last. No cookies go to the bucket (`credentials: 'omit'`), which also
 * keeps the CORS answer simple.
 */
export async function postToStorage(ticket: UploadTicket, file: PickedFile): Promise<void> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS)
  let status: number
  try {
    const blob = await (await fetch(file.path)).blob()
    const form = new FormData()
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
    form.append('file', blob, file.name)
    status = (await fetch(ticket.url, { method: 'POST', body: form, credentials: 'omit', signal: controller.signal })).status
  } catch (failure) {
    throw errorFromFailure(failure)
  } finally {
    clearTimeout(timer)
  }
  if (status < 200 || status >= 300) throw clientError('UPLOAD_REJECTED')
}
