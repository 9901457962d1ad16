/**
 * Test helpers for the unified identity service's stand-in (scripts/local/identity-standin.ts), through
 * its control API on the WeChat stand-in's port: fresh persons, codes as the portal mints them before a
 * deep link, injected failures and the requests it received.
 */
import { createHash, randomBytes } from 'node:crypto';
import { residentIdCheckChar } from '@ah-tourism/shared';
import type { IdentityPerson, RecordedIdentityRequest } from '../../scripts/local/identity-standin';
import { wechatUrl } from './api';

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${wechatUrl()}/__control/identity/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`identity stand-in /__control/identity/${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A valid resident ID number nobody else in the run has (region 340102, a random birth day and sequence). */
export function freshIdNumber(): string {
  const day = String(1 + (randomBytes(1)[0]! % 28)).padStart(2, '0');
  const month = String(1 + (randomBytes(1)[0]! % 12)).padStart(2, '0');
  const year = 1960 + (randomBytes(1)[0]! % 40);
  const sequence = String(randomBytes(2).readUInt16BE(0) % 1000).padStart(3, '0');
  const first17 = `340102${year}${month}${day}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/** A new verified person of the identity service, for one test. */
export async function addPortalPerson(name = '赵新安', idNumber = freshIdNumber()): Promise<IdentityPerson> {
  return (await control<{ person: IdentityPerson }>('persons', { name, idNumber })).person;
}

export interface MintOptions {
  redirectUri: string;
  nonce?: string;
  codeChallenge?: string;
  expiresInSeconds?: number;
  clientId?: string;
}

/** A one-time code for the person, as the portal obtains one for this system's client id before a deep link. */
export async function mintPortalCode(personId: string, options: MintOptions): Promise<string> {
  return (await control<{ code: string }>('codes', { personId, ...options })).code;
}

/** The person the stand-in's authorize endpoint signs in next (the app-initiated flow). */
export async function choosePortalPerson(personId: string): Promise<void> {
  await control('next-person', { personId });
}

/** The next `times` token requests fail (503, or no answer). */
export async function failPortalToken(mode: 'http5xx' | 'timeout', times: number): Promise<void> {
  await control('failures', { mode, times });
}

export async function portalRequests(): Promise<RecordedIdentityRequest[]> {
  return (await control<{ requests: RecordedIdentityRequest[] }>('requests')).requests;
}

/** PKCE: a verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
