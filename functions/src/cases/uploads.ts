import { randomUUID } from 'node:crypto';
import { MAX_MATERIAL_BYTES, fileSpecProblem, specBytes, type ImplementationItem, type UploadRequest, type UploadTicket } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { presignedPost, s3 } from '../platform/s3';
import { EXTENSION_OF_TYPE } from './file-type';
import { uploadPrefix } from './keys';

const UPLOAD_TTL_SECONDS = 10 * 60;

/** A presigned POST for one material file, under the caller's own prefix. */
export function uploadTickets(deps: { guide: (implementationCode: string) => Promise<ImplementationItem | undefined> }) {
  const bucket = config().materialsBucket;
  return {
    async uploadTicket(caller: Caller, request: UploadRequest): Promise<UploadTicket> {
      const item = await deps.guide(request.implementationCode);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      const material = item.guide.materials.find((m) => m.id === request.materialId);
      if (!material) throw new AppError('COMMON_VALIDATION_FAILED', undefined, [{ path: 'materialId', message: '办事指南中没有这项材料' }]);
      if (material.source === 'issued_licence') {
        throw new AppError('APPLY_UPLOAD_NOT_ALLOWED', `“${material.name}”由电子证照自动获取，无需上传`);
      }
      // The guide's own spec (format, size) for this material: refused now rather than in a supplement notice.
      const problem = fileSpecProblem(material.name, material.fileSpec, { contentType: request.contentType, size: request.size });
      if (problem) throw new AppError('COMMON_VALIDATION_FAILED', problem, [{ path: 'size', message: problem }]);
      // The extension records the declared type: inspection checks the content against it.
      const key = `${uploadPrefix(caller.userId)}${randomUUID()}.${EXTENSION_OF_TYPE[request.contentType]}`;
      // The policy pins the key, the type and the size range; S3 enforces it (s3rver does not, which is
      // why every upload is inspected again at submission).
      const [{ client }, { createPresignedPost }] = await Promise.all([s3(), presignedPost()]);
      const { url, fields } = await createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', Math.max(1, specBytes(material.fileSpec).min), Math.min(MAX_MATERIAL_BYTES, specBytes(material.fileSpec).max ?? MAX_MATERIAL_BYTES)],
          ['eq', '$Content-Type', request.contentType],
        ],
        Fields: { 'Content-Type': request.contentType },
        Expires: UPLOAD_TTL_SECONDS,
      });
      return { url, fields, key, maxBytes: MAX_MATERIAL_BYTES, expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString() };
    },
  };
}
