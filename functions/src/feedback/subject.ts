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
}
