/* Plain values with no schema around them, so pages that only show them do not carry zod. */

/**
 * When the applicant's one on-site visit of a negative-list item can be booked: during the review once
 * the case is accepted (e.g. to show originals), or once it is approved (e.g. to collect a plaque).
 */
export const VISIT_WHEN = { after_acceptance: '受理后、作出决定前', after_approval: '准予后、送达前（领取结果）' } as const;
export type VisitWhen = keyof typeof VISIT_WHEN;
