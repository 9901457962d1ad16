import Taro from '@tarojs/taro'
import type { UploadTicket } from '@ah-tourism/shared'
import { clientError, errorFromFailure } from '@/services/api-error'
import type { PickedFile } from './picked-file'

/** A large scan on a slow mobile connection takes a while. */
const UPLOAD_TIMEOUT_MS = 120_000

/**
 * Mini-program variant: posts the file to the presigned S3 form with Taro.uploadFile, every ticket
 * field first (S3 and s3rver read `key` before the file), the file as `file`.
 * (H5: storage-post.h5.ts.) On WeChat the bucket host must be listed among the upload domains.
 */
export async function postToStorage(ticket: UploadTicket, file: PickedFile): Promise<void> {
  let statusCode: number
  try {
    ;({ statusCode } = await Taro.uploadFile({ url: ticket.url, filePath: file.path, name: 'file', formData: ticket.fields, timeout: UPLOAD_TIMEOUT_MS }))
  } catch (failure) {
    throw errorFromFailure(failure)
  }
  // uploadFile resolves on any HTTP answer: S3 refusing the policy (size, type, expiry) is a 4xx.
  if (statusCode < 200 || statusCode >= 300) throw clientError('UPLOAD_REJECTED')
}
