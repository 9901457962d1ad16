import { EVALUATION_LEVELS, type Evaluation } from '@ah-tourism/shared';
import type { EvaluationReport } from '@ah-tourism/shared/src/reports/layout';
import type { ReportOfChange } from '../reports/outbox';

/**
 * A case's evaluation reported upward (好差评 data shared with the provincial platform), in the case's
 * partition so it follows the case's steps. The id names the evaluation's time: one given online later
 * replacing one recorded for the person is a report of its own.
 */
export function evaluationReport(evaluation: Evaluation, subject: { partition: string; organisationCode: string; organisationName: string; itemName: string; implementationCode?: string }): ReportOfChange {
  const report: EvaluationReport = {
    recordType: 'evaluation',
    messageId: `${evaluation.subjectId}-E${evaluation.at.replace(/[^0-9]/g, '').slice(0, 17)}`,
    caseNumber: evaluation.subjectId,
    implementationCode: subject.implementationCode ?? '',
    itemName: subject.itemName,
    organisationName: subject.organisationName,
    organisationCode: subject.organisationCode,
    level: EVALUATION_LEVELS[evaluation.level].score,
    levelLabel: evaluation.levelLabel,
    channel: evaluation.channelLabel,
    evaluatedAt: evaluation.at,
  };
  return { partition: subject.partition, report, organisationCode: subject.organisationCode, changedAt: evaluation.at };
}
