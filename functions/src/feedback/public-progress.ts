import { createHash, timingSafeEqual } from 'node:crypto';
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  ERRORS,
  cstDay,
  transitionLabel,
  type Applicant,
  type PublicProgress,
  type PublicProgressRequest,
} from '@ah-tourism/shared';
import type { CaseStore } from '../cases/store';
import type { StoredCase } from '../cases/records';
import { unseal, type KeyProvider } from '../platform/crypto';
import { AppError } from '../platform/errors';

/** Names compare without spaces, full-width forms or letter case (企业名称 may contain Latin letters). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•.]/g, '')
    .toLowerCase();
}

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Constant-time comparison of two strings of any length. */
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Whether the applicant's name (person or enterprise) or the last four digits of a registered mobile match. */
export function matchesApplicant(applicant: Applicant, request: Pick<PublicProgressRequest, 'name' | 'mobileLast4'>): boolean {
  if (request.name) return same(normaliseName(applicant.kind === 'person' ? applicant.person.name : applicant.enterprise.name), normaliseName(request.name));
  // An enterprise's case imported from the national system has its contact's mobile instead of an agent's.
  const contact = (applicant as { contactMobile?: string }).contactMobile;
  const mobiles = [applicant.kind === 'person' ? applicant.person.mobile : undefined, applicant.agent?.mobile, contact].filter((m): m is string => !!m);
  return mobiles.map((mobile) => same(mobile.slice(-4), request.mobileLast4 ?? '')).some(Boolean);
}

/** Only what may be public: item, organisation, masked applicant, status, dated steps; no names of officers, no opinions. */
export function publicView(stored: StoredCase): PublicProgress {
  const { record } = stored;
  const status = CASE_STATUSES[record.status];
  return {
    caseNumber: record.caseNumber,
    itemName: record.itemName,
    organisationName: record.organisationName,
    applicantName: record.applicantDisplayName,
    statusLabel: status.label,
    statusHint: status.applicantHint,
    submittedAt: record.submittedAt,
    ...(record.clock.completion?.dueAt ? { promisedBy: cstDay(new Date(Date.parse(record.clock.completion.dueAt) - 1)) } : {}),
    finished: status.final || record.status === 'delivered',
    // A step of the national system is shown by its own name (the name of a stage, never an opinion).
    steps: stored.events.map((e) => ({ at: e.at, label: e.action === 'national_step' && e.opinion ? e.opinion : transitionLabel(e.action) })),
    ...(record.imported ? { sourceLabel: CASE_CHANNELS.national_tourism_system.label } : {}),
  };
}

/** Failed attempts per case number, from every address together (the per-address limit is the handler's). */
export interface CaseFailures {
  /** Seconds until queries of this number are answered again; undefined when they are now. */
  lockedFor(caseNumber: string): Promise<number | undefined>;
  /** Counts one failed attempt on this number. */
  count(caseNumber: string): Promise<void>;
}

export function publicProgressService(deps: { cases: CaseStore; keys: KeyProvider; failures: CaseFailures }) {
  return {
    /**
     * The same error whether the number is unknown or the name does not match: numbers cannot be probed.
     * After too many failures on one number (known or not, so the lock tells nothing either) every query
     * of it is refused for a while, the right one included: guessing a mobile's last four digits from many
     * addresses gets nowhere, and the applicant can still follow the case signed in.
     */
    async query(request: PublicProgressRequest): Promise<PublicProgress> {
      const caseNumber = request.caseNumber.toUpperCase();
      const locked = await deps.failures.lockedFor(caseNumber);
      if (locked !== undefined) throw caseLocked(locked);
      const stored = await deps.cases.getCase(request.caseNumber);
      const applicant = stored ? await unseal<Applicant>(deps.keys, stored.application.sealedApplicant) : undefined;
      if (!stored || !applicant || !matchesApplicant(applicant, request)) {
        await deps.failures.count(caseNumber);
        throw new AppError('PUBLIC_QUERY_NO_MATCH');
      }
      return publicView(stored);
    },
  };
}

/** Refused for `seconds` more: the registry's message, with the minutes a person reads instead of "稍后". */
function caseLocked(seconds: number): AppError {
  const message = ERRORS.PUBLIC_QUERY_CASE_LOCKED.message.replace('稍后', `${Math.ceil(seconds / 60)}分钟后`);
  return new AppError('PUBLIC_QUERY_CASE_LOCKED', message, undefined, { 'Retry-After': String(seconds) });
}
