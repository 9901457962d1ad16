import { authStore } from '../auth/store';
import { guideCaches } from '../catalog/wiring';
import { guideFileLinks } from './links';
import { guideFileUploads, s3GuideFileStorage } from './uploads';

/* Guide files wired to DynamoDB and S3, each part created on first use and kept for the container's life. */
let links: ReturnType<typeof guideFileLinks> | undefined;
let uploads: ReturnType<typeof guideFileUploads> | undefined;

export const guideFileLinkService = () => (links ??= guideFileLinks({ versions: guideCaches().versions }));
export const guideFileUploadService = () => (uploads ??= guideFileUploads({ people: authStore(), storage: s3GuideFileStorage() }));
