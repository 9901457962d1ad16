import { CASE_CHANNELS, CASE_STATUSES, caseChannelOf, cstDay, transitionLabel } from '@ah-tourism/shared';
import type { OpenCase } from '@ah-tourism/shared/src/api/open-schemas';
import type { StoredCase } from '../cases/records';

/**
 * A case as the portal may show it, by case number alone: item, organisation, status and dated steps. Not
 * the applicant (name, ID number, mobile), not the officers, not their opinions, not the materials.
 */
export function openCaseView(stored: StoredCase): OpenCase {
  const { record } = stored;
  const status = CASE_STATUSES[record.status];
  const channel = caseChannelOf(record);
  return {
    case_number: record.caseNumber,
    task_code: record.implementationCode,
    task_name: record.itemName,
    dept_code: record.organisationCode,
    dept_name: record.organisationName,
    apply_channel: { code: channel, name: CASE_CHANNELS[channel].label },
    status: { code: record.status, name: status.label },
    finished: status.final || record.status === 'delivered',
    submitted_at: record.submittedAt,
    ...(record.clock.completion?.dueAt ? { promised_date: cstDay(new Date(Date.parse(record.clock.completion.dueAt) - 1)) } : {}),
    steps: stored.events.map((e) => ({ seq: e.seq, at: e.at, action: e.action, name: transitionLabel(e.action), result: { code: e.to, name: CASE_STATUSES[e.to].label } })),
  };
}
