import { caseChannelOf, CASE_CHANNELS, cstDay, isBadReview, type WorkingCalendar } from '@ah-tourism/shared';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import type { CaseRecord, StepRecord } from '../cases/records';
import { cityOfRegion } from './keys';

/**
 * The fold: what one case counts for, from the case as it is now (its record, its steps, its evaluation
 * and rectification task). The aggregator stores the result beside the case and writes only the
 * difference to the counters, so a redelivered stream record (same case, same state) changes nothing and
 * a later change (a bad review voided on appeal, a transfer) moves the counts by the delta.
 *
 * Each count is attributed to the CST day it happened: submission, booked visit, decision, one-time
 * notice, evaluation, the day a rectification task was opened, and the last day of a deadline missed.
 */

/** The counters kept per scope and day (short names: they are attribute names, once per month and child). */
export const CASE_COUNTERS = [
  'sub', // cases submitted
  'subOn', // … through an online channel
  'visit', // visits booked
  'done', // cases decided (准予, 不予许可, 自动准予)
  'onTime', // … within the promised working days
  'wd', // working days taken, summed over decided cases (acceptance to decision, special procedures excluded)
  'pd', // promised working days, summed over the same cases
  'ps', // public-service cases decided
  'ps1', // … within 1 working day
  'ntc', // one-time notices (补正告知) issued
  'ntc5', // … within 5 working days of the (re)submission
  'ev', // valid evaluations (not voided on appeal)
  'evOk', // … 非常满意, 满意 or 基本满意
  'bad', // bad reviews counted (rectification tasks not voided)
  'badFixed', // … resolved (整改办结)
  'badCalled', // … called back at least once
  'late', // cases past their promised completion (decided late, or still open past the deadline)
  'rectLate', // rectification tasks answered after their due time, or still unanswered past it
] as const;
export type CaseCounter = (typeof CASE_COUNTERS)[number];

/** The figures whose cases are listed (drill-down), each with the day a case counts on it and whether it counts against it. */
export type DrillFigure =
  | 'casesOnline'
  | 'visitsBooked'
  | 'onTimeRate'
  | 'averageWorkingDays'
  | 'publicServiceWithinOneDay'
  | 'noticesWithinFiveDays'
  | 'satisfactionRate'
  | 'rectificationRate'
  | 'callbackRate'
  | 'overdueCases'
  | 'overdueRectifications';

export interface CaseFacts {
  organisationCode: string;
  organisationName: string;
  /** The city of the implementing region; none for provincial organisations. */
  city?: string;
  /** `<yyyy-mm-dd>|<counter>` → count. */
  counters: Record<string, number>;
  /** `<figure>|<all|fail>|<yyyy-mm-dd>`, sorted. */
  drill: string[];
}

export interface CaseState {
  record: CaseRecord;
  /** Every step after the submission, oldest first. */
  steps: StepRecord[];
  evaluation?: StoredEvaluation;
  task?: RectificationTask;
  /** Promised working days when no acceptance notice states them (a case approved automatically). */
  promisedDays: number;
}

const PUBLIC_SERVICE_TYPE = '20';
const NOTICE_WORKING_DAYS = 5;
const DECISIONS = new Set(['approve', 'auto_approve', 'refuse']);
const OPEN_ON_THE_CLOCK = new Set(['accepted', 'reviewed']);
/** The CST day of the last instant before a deadline: the last day it allowed. */
const lastDayOf = (dueAt: string) => cstDay(new Date(Date.parse(dueAt) - 1));

export function foldCase(state: CaseState, calendar: WorkingCalendar, now: Date): CaseFacts {
  const { record } = state;
  const counters: Record<string, number> = {};
  const drill = new Set<string>();
  const count = (day: string, counter: CaseCounter, n = 1) => {
    if (n) counters[`${day}|${counter}`] = (counters[`${day}|${counter}`] ?? 0) + n;
  };
  const behind = (figure: DrillFigure, day: string, failing: boolean) => {
    drill.add(`${figure}|all|${day}`);
    if (failing) drill.add(`${figure}|fail|${day}`);
  };
  const events = state.steps.map((step) => ({ ...step.event, document: step.document }));

  // Submission: the channel decides whether it counts as applied online.
  const submittedDay = cstDay(record.submittedAt);
  const online = CASE_CHANNELS[caseChannelOf(record)].online;
  count(submittedDay, 'sub');
  if (online) count(submittedDay, 'subOn');
  behind('casesOnline', submittedDay, !online);

  // Visits booked.
  for (const event of events.filter((e) => e.action === 'book_visit')) {
    count(cstDay(event.at), 'visit');
    behind('visitsBooked', cstDay(event.at), true);
  }

  // One-time notices: within 5 working days of the (re)submission that started the pre-review window.
  let windowStart = record.submittedAt;
  for (const event of events) {
    if (event.action === 'resubmit') windowStart = event.at;
    if (event.action !== 'request_supplement') continue;
    const day = cstDay(event.at);
    const inTime = calendar.workingDaysUntil(windowStart, day) <= NOTICE_WORKING_DAYS;
    count(day, 'ntc');
    if (inTime) count(day, 'ntc5');
    behind('noticesWithinFiveDays', day, !inTime);
  }

  // Completion: the first decision, against the working days promised at acceptance.
  const accepted = events.find((e) => e.action === 'accept');
  const acceptanceDays = accepted?.document && 'completionDays' in accepted.document ? accepted.document.completionDays : undefined;
  const promised = acceptanceDays ?? state.promisedDays;
  const decision = events.find((e) => DECISIONS.has(e.action));
  const publicService = record.implementationCode.slice(0, 2) === PUBLIC_SERVICE_TYPE;
  if (decision) {
    const day = cstDay(decision.at);
    const taken = accepted ? workingDaysTaken(accepted.at, decision.at, events, calendar) : 0;
    const onTime = taken <= promised;
    count(day, 'done');
    count(day, 'wd', taken);
    count(day, 'pd', promised);
    if (onTime) count(day, 'onTime');
    behind('onTimeRate', day, !onTime);
    behind('averageWorkingDays', day, !onTime);
    if (publicService) {
      count(day, 'ps');
      if (taken <= 1) count(day, 'ps1');
      behind('publicServiceWithinOneDay', day, taken > 1);
    }
    if (!onTime && accepted) {
      const lastDay = record.clock.completion?.dueAt ? lastDayOf(record.clock.completion.dueAt) : calendar.addWorkingDays(accepted.at, promised);
      count(lastDay, 'late');
      behind('overdueCases', lastDay, true);
    }
  } else if (OPEN_ON_THE_CLOCK.has(record.status) && record.clock.completion?.dueAt && !record.clock.completion.pausedAt && now.toISOString() > record.clock.completion.dueAt) {
    const lastDay = lastDayOf(record.clock.completion.dueAt);
    count(lastDay, 'late');
    behind('overdueCases', lastDay, true);
  }

  // 好差评: valid evaluations, and the bad review's rectification task.
  const evaluation = state.evaluation && !state.evaluation.voided ? state.evaluation.evaluation : undefined;
  if (evaluation) {
    const day = cstDay(evaluation.at);
    const satisfied = !isBadReview(evaluation.level);
    count(day, 'ev');
    if (satisfied) count(day, 'evOk');
    behind('satisfactionRate', day, !satisfied);
  }
  const task = state.task;
  if (task && evaluation && task.status !== 'appeal_upheld') {
    const day = cstDay(task.createdAt);
    const fixed = task.status === 'resolved';
    const called = task.callBacks.length > 0;
    count(day, 'bad');
    if (fixed) count(day, 'badFixed');
    if (called) count(day, 'badCalled');
    behind('rectificationRate', day, !fixed);
    behind('callbackRate', day, !called);
    const answeredAt = task.response?.at;
    const late = answeredAt ? answeredAt > task.dueAt : now.toISOString() > task.dueAt;
    if (late) {
      count(lastDayOf(task.dueAt), 'rectLate');
      behind('overdueRectifications', lastDayOf(task.dueAt), true);
    }
  }

  const city = cityOfRegion(record.regionCode);
  return {
    organisationCode: record.organisationCode,
    organisationName: record.organisationName,
    ...(city ? { city } : {}),
    counters,
    drill: [...drill].sort(),
  };
}

/** Working days from acceptance to decision (the acceptance day never counts), less those spent in special procedures. */
function workingDaysTaken(acceptedAt: string, decidedAt: string, events: { action: string; at: string }[], calendar: WorkingCalendar): number {
  let days = calendar.workingDaysUntil(acceptedAt, cstDay(decidedAt));
  let pausedAt: string | undefined;
  for (const event of events) {
    if (event.at < acceptedAt || event.at > decidedAt) continue;
    if (event.action === 'start_special_procedure') pausedAt = event.at;
    if (event.action === 'end_special_procedure' && pausedAt) {
      days -= calendar.workingDaysUntil(pausedAt, cstDay(event.at));
      pausedAt = undefined;
    }
  }
  return Math.max(days, 0);
}
