import { httpHandler, json } from '../../platform/http';
import { publishedLicenceKeys } from '../signing-keys';

/** GET /licences/keys: every public key licences were ever signed with, for verifying them offline. */
export const handler = httpHandler(async () => json(200, { keys: await publishedLicenceKeys() }, { 'Cache-Control': 'public, max-age=3600' }));
