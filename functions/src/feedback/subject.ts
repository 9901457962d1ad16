import type { Applicant } from '@ah-tourism/shared';
import { caseEvaluable } from '../cases/feedback-records';
import type { StoredCase } from '../cases/records';
import type { CaseStore } from '../cases/store';
import { config } from '../platform/config';
import { unseal, type KeyProvider } from '../platform/crypto';
import { casePartitionOf } from './keys';
import { normaliseName } from './public-progress';

/**
 * What can be evaluated: a case (办件) or the handling of a tourism complaint. The evaluation service
 * asks the owner of each kind for these facts and treats both alike.
 */
export interface FeedbackSubject {
  kind: 'case' | 'complaint';
  id: string;
  /** The subject's own partition, e.g. CASE#<no> or COMPLAINT#<no>: its evaluation and task live there. */
  partition: string;
  organisationCode: string;
  organisationName: string;
  itemName: string;
  implementationCode?: string;
  /** The account that may evaluate online (the applicant or complainant); none for hotline callers. */
  ownerUserId?: string;
  /** Masked name of the person, e.g. 张*. */
  personName: string;
  /** The person's mobile for the call-back (decrypted on demand; shown to the organisation's staff only). */
  contact(): Promise<{ mobile?: string }>;
  /** Whether the subject is finished (or, where configured, accepted), so it may be evaluated now. */
  evaluable: boolean;
  /**
   * Whether the person at the window or on the line is this subject's person, as the public progress
   * query checks it: their name, or a mobile number registered with the subject.
   */
  isPerson(claim: { name: string; mobile?: string }): Promise<boolean>;
}

/** Where subjects come from: cases from the case store, complaints from their own lookup (complaint-subject.ts). */
export interface SubjectSources {
  cases: CaseStore;
  keys: KeyProvider;
  complaint: (complaintNumber: string) => Promise<FeedbackSubject | undefined>;
}

/** A case as something to evaluate. */
export function caseSubject(stored: StoredCase, keys: KeyProvider, fromAcceptance = config().feedback.evaluateFromAcceptance): FeedbackSubject {
  const { record } = stored;
  return {
    kind: 'case',
    id: record.caseNumber,
    partition: casePartitionOf(record.caseNumber),
    organisationCode: record.organisationCode,
    organisationName: record.organisationName,
    itemName: record.itemName,
    implementationCode: record.implementationCode,
    ownerUserId: record.submitterUserId,
    personName: record.applicantDisplayName,
    evaluable: caseEvaluable(record.status, fromAcceptance),
    async contact() {
      const applicant = await unseal<Applicant>(keys, stored.application.sealedApplicant);
      const mobile = applicant.agent?.mobile ?? (applicant.kind === 'person' ? applicant.person.mobile : undefined);
      return mobile ? { mobile } : {};
    },
    async isPerson(claim) {
      const applicant = await unseal<Applicant>(keys, stored.application.sealedApplicant);
      // The applicant in person, or (for an enterprise) its agent or legal representative.
      const names = [applicant.kind === 'person' ? applicant.person.name : applicant.enterprise.legalRepresentative, applicant.agent?.name];
      const mobiles = [applicant.kind === 'person' ? applicant.person.mobile : undefined, applicant.agent?.mobile];
      return (
        names.some((name) => !!name && normaliseName(name) === normaliseName(claim.name)) ||
        (!!claim.mobile && mobiles.some((mobile) => mobile === claim.mobile))
      );
    },
  };
}

/** The case or complaint of that number, or undefined when there is none. */
export async function findSubject(sources: SubjectSources, kind: 'case' | 'complaint', id: string): Promise<FeedbackSubject | undefined> {
  if (kind === 'complaint') return sources.complaint(id);
  const stored = await sources.cases.getCase(id);
  return stored ? caseSubject(stored, sources.keys) : undefined;
}
