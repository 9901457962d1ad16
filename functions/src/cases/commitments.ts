import { COMMITMENT_CONSEQUENCES, type CommitmentView } from '@ah-tourism/shared';
import type { CommitmentRecord, StoredCase } from './records';

/**
 * 告知承诺制 on a case page: each commitment the applicant confirmed instead of a material, with the text of
 * the case's guide version and the false-commitment marks staff recorded in its history. (Recomputing the
 * text's hash is the staff view's: the SM3 code stays out of the applicant's functions.)
 */
export function commitmentViews(stored: StoredCase): Map<string, CommitmentView & { record: CommitmentRecord }> {
  const views = new Map<string, CommitmentView & { record: CommitmentRecord }>();
  for (const record of stored.application.commitments ?? []) {
    const material = stored.guide.guide.materials.find((m) => m.id === record.materialId);
    const text = material?.commitment?.text ?? '';
    const falseMarks = stored.events
      .filter((e) => e.action === 'mark_commitment_false' && e.commitment?.materialId === record.materialId)
      .map((e) => ({
        at: e.at,
        consequence: e.commitment!.consequence,
        consequenceLabel: COMMITMENT_CONSEQUENCES[e.commitment!.consequence],
        ...(e.opinion ? { opinion: e.opinion } : {}),
        ...(e.actorName ? { actorName: e.actorName } : {}),
      }));
    views.set(record.materialId, {
      record,
      confirmedAt: record.confirmedAt,
      applicantName: record.confirmedBy.applicantName,
      guideVersion: record.guideVersion,
      textHash: record.textHash,
      algorithm: record.algorithm,
      text,
      ...(material?.commitment?.consequence ? { consequence: material.commitment.consequence } : {}),
      ...(record.signedInPerson ? { signedInPerson: { staffName: record.signedInPerson.staffName } } : {}),
      falseMarks,
    });
  }
  return views;
}

export type StoredCommitmentView = ReturnType<typeof commitmentViews> extends Map<string, infer V> ? V : never;

/** What the applicant's page shows of a commitment (not who typed it in). */
export const applicantCommitment = ({ record: _record, ...view }: StoredCommitmentView): CommitmentView => view;
