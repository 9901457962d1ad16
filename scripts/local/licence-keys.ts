import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateLicenceKeyPair } from '../../shared/src/licences/token';
import { REPO_ROOT } from './paths';

/**
 * The local stage's licence signing key: generated on this machine the first time the stack starts and
 * kept in `.local/` (ignored by git), so licences issued in one local run still verify in the next. It
 * never comes from the repository; AWS stages read theirs from SSM (README, "Electronic licences").
 */
export const LICENCE_KEYS_FILE = path.join(REPO_ROOT, '.local', 'licence-keys.json');

interface LocalLicenceKeys {
  signing: { keyId: string; privateKey: string };
  published: { keyId: string; publicKey: string }[];
}

export function localLicenceKeys(file = LICENCE_KEYS_FILE): LocalLicenceKeys {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalLicenceKeys;
  const { privateKey, publicKey } = generateLicenceKeyPair();
  const keyId = `local-${new Date().toISOString().slice(0, 10)}`;
  const keys: LocalLicenceKeys = { signing: { keyId, privateKey }, published: [{ keyId, publicKey }] };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/** The environment serverless.yml reads them from in the local stage (stages/local.yml). */
export function licenceKeyEnv(keys = localLicenceKeys()): Record<string, string> {
  return { LOCAL_LICENCE_SIGNING_KEY: JSON.stringify(keys.signing), LOCAL_LICENCE_PUBLIC_KEYS: JSON.stringify(keys.published) };
}
