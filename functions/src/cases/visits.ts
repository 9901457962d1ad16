import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { chinaTimeRange, cstDay, cstInstant, type VisitBooking, type VisitSlots, type VisitWhen, type WorkingCalendar } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { claimOutcome, type CreateOutcome } from '../platform/idempotency';
import { chainEntry, stepPayload } from './audit';
import { VISIT_SK, caseAuditSk, caseKey, casePartition } from './keys';
import type { EventRecord, StepRecord, StoredCase } from './records';

/**
 * The one on-site visit of a negative-list item, booked online: the hall offers half-hour slots on the
 * next working days (09:00–11:30, 14:00–16:30), each for a few applicants. A slot's counter and the
 * case's booking change together, so a full slot can never be overbooked and a rebooking frees the old one.
 */
export const SLOT_CAPACITY = 3;
const BOOKING_DAYS = 5;
const SLOT_STARTS = [9, 9.5, 10, 10.5, 11, 14, 14.5, 15, 15.5, 16];
/**
 * The statuses in which the visit can be booked or moved, by when the guide says it happens: never while
 * the case awaits pre-review (it may yet be sent back or refused), during the review once accepted, or
 * once approved to collect the result (a plaque), until it is delivered.
 */
const BOOKABLE: Readonly<Record<VisitWhen, readonly string[]>> = {
  after_acceptance: ['accepted', 'special_procedure', 'reviewed'],
  after_approval: ['approved'],
};

const slotsPartition = (organisationCode: string) => `VISITS#${organisationCode}`;
const slotKey = (organisationCode: string, slotId: string) => ({ pk: slotsPartition(organisationCode), sk: `SLOT#${slotId}` });
export const visitKey = (caseNumber: string) => ({ pk: casePartition(caseNumber), sk: VISIT_SK });

const slotIdOf = (startsAt: string) => {
  const cst = new Date(Date.parse(startsAt) + 8 * 3600_000).toISOString();
  return cst.slice(0, 16).replace(/[-T:]/g, '');
};

export function visitRequired(stored: StoredCase): boolean {
  return stored.guide.guide.negativeList.listed && stored.guide.guide.visitsRequired === 1;
}

/** When the guide says the visit happens (a guide that does not say: once the case is accepted). */
export const visitWhen = (stored: StoredCase): VisitWhen => stored.guide.guide.negativeList.visitWhen ?? 'after_acceptance';

export function canBook(stored: StoredCase): boolean {
  return visitRequired(stored) && BOOKABLE[visitWhen(stored)].includes(stored.record.status);
}

function offeredSlots(calendar: WorkingCalendar, now: Date) {
  const slots: { slotId: string; startsAt: string; endsAt: string }[] = [];
  let day = cstDay(now);
  for (let i = 0; i < BOOKING_DAYS; i += 1) {
    day = calendar.addWorkingDays(cstInstant(day, 12), 1);
    for (const hour of SLOT_STARTS) {
      const startsAt = cstInstant(day, hour);
      slots.push({ slotId: slotIdOf(startsAt), startsAt, endsAt: cstInstant(day, hour + 0.5) });
    }
  }
  return slots;
}

export function visitService(deps: { calendar: () => Promise<WorkingCalendar>; now: () => Date }) {
  const db = dynamo();
  const { tableName: TableName } = config();

  async function booked(organisationCode: string, first: string, last: string): Promise<Map<string, number>> {
    const { Items } = await db.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':pk': slotsPartition(organisationCode), ':first': `SLOT#${first}`, ':last': `SLOT#${last}` },
      }),
    );
    return new Map((Items ?? []).map((item) => [String(item.sk).slice(5), Number(item.booked ?? 0)]));
  }

  function requireBookable(stored: StoredCase) {
    if (!visitRequired(stored)) throw new AppError('CASE_ACTION_NOT_ALLOWED', '该事项可全程网上办理，无需到现场');
    if (!canBook(stored)) {
      throw new AppError('CASE_ACTION_NOT_ALLOWED', visitWhen(stored) === 'after_approval' ? '作出准予决定后、送达前才能预约到现场领取结果' : '受理后、作出决定前才能预约现场办理');
    }
  }

  return {
    async slots(stored: StoredCase, booking: VisitBooking | undefined): Promise<VisitSlots> {
      requireBookable(stored);
      const offered = offeredSlots(await deps.calendar(), deps.now());
      const counts = await booked(stored.record.organisationCode, offered[0]!.slotId, offered[offered.length - 1]!.slotId);
      return {
        place: stored.guide.guide.place.address,
        slots: offered.map((slot) => ({ ...slot, remaining: Math.max(0, SLOT_CAPACITY - (counts.get(slot.slotId) ?? 0)) })),
        ...(booking ? { booking } : {}),
      };
    },

    /** Books (or moves) the visit, with the claim of the request's idempotency key in the same transaction. */
    async book(caller: Caller, stored: StoredCase, current: VisitBooking | undefined, slotId: string, claim: (result: { booking: VisitBooking }) => object): Promise<CreateOutcome<VisitBooking>> {
      requireBookable(stored);
      const slot = offeredSlots(await deps.calendar(), deps.now()).find((s) => s.slotId === slotId);
      if (!slot) throw new AppError('COMMON_VALIDATION_FAILED', '该时段不可预约，请重新选择', [{ path: 'slotId', message: '请从可预约的时段中选择' }]);
      if (current?.slotId === slotId) return { created: current };
      const { organisationCode, caseNumber } = stored.record;
      const booking: VisitBooking = { slotId, startsAt: slot.startsAt, endsAt: slot.endsAt, place: stored.guide.guide.place.address, bookedAt: deps.now().toISOString() };
      const { status } = stored.record;
      const event: EventRecord = { at: booking.bookedAt, seq: 9999, action: 'book_visit', from: status, to: status, by: 'applicant', actorId: caller.userId, opinion: `预约现场办理：${chinaTimeRange(slot.startsAt, slot.endsAt)}，${booking.place}` };
      const head = stored.record.auditHead;
      const entry = chainEntry(head, { at: event.at, actorId: caller.userId, actorRole: 'applicant', action: event.action, from: status, to: status }, stepPayload({ event }));
      const items = [
        {
          Update: {
            TableName,
            Key: slotKey(organisationCode, slotId),
            UpdateExpression: 'ADD booked :one SET entity = :entity',
            ConditionExpression: 'attribute_not_exists(booked) OR booked < :capacity',
            ExpressionAttributeValues: { ':one': 1, ':capacity': SLOT_CAPACITY, ':entity': 'VisitSlot' },
          },
        },
        {
          Put: {
            TableName,
            Item: { ...visitKey(caseNumber), entity: 'CaseVisit', booking, bookedBy: caller.userId },
            // Only over the booking this request saw: two rebookings at once cannot both free one slot.
            ConditionExpression: current ? 'booking.slotId = :previous' : 'attribute_not_exists(pk)',
            ...(current ? { ExpressionAttributeValues: { ':previous': current.slotId } } : {}),
          },
        },
        // The booking is history too: one step row with its audit entry, the chain's head moved on the case
        // record (only from the head this request saw; the case's version stays, staff are not disturbed).
        { Put: { TableName, Item: { pk: casePartition(caseNumber), sk: caseAuditSk(entry.seq), entity: 'CaseStep', step: { entry, event } satisfies StepRecord }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName,
            Key: caseKey(caseNumber),
            UpdateExpression: 'SET #record.auditHead = :head',
            ConditionExpression: head ? '#record.auditHead.#hash = :previous' : 'attribute_exists(pk) AND attribute_not_exists(#record.auditHead)',
            ExpressionAttributeNames: { '#record': 'record', ...(head ? { '#hash': 'hash' } : {}) },
            ExpressionAttributeValues: { ':head': { seq: entry.seq, hash: entry.hash }, ...(head ? { ':previous': head.hash } : {}) },
          },
        },
        ...(current
          ? [{ Update: { TableName, Key: slotKey(organisationCode, current.slotId), UpdateExpression: 'ADD booked :minus', ExpressionAttributeValues: { ':minus': -1 } } }]
          : []),
        claim({ booking }),
      ];
      // Applicants racing for the same slot collide on its counter: retry those, never overbook.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await db.send(new TransactWriteCommand({ TransactItems: items as never }));
          return { created: booking };
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          if (claimOutcome(error, items.length - 1) === 'key_taken') return 'key_taken';
          const reasons = error.CancellationReasons ?? [];
          if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new AppError('VISIT_SLOT_FULL');
          if (reasons[1]?.Code === 'ConditionalCheckFailed') throw new AppError('CASE_VERSION_CONFLICT', '预约已变化，请刷新后重新选择');
          if (reasons[2]?.Code === 'ConditionalCheckFailed' || reasons[3]?.Code === 'ConditionalCheckFailed') throw new AppError('CASE_VERSION_CONFLICT', '办件刚刚有了新的进展，请刷新后重新预约');
          if (attempt >= 5) throw new AppError('CASE_BUSY');
          await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 70 * (attempt + 1)));
        }
      }
    },
  };
}
