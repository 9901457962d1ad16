import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../platform/errors';
import { remainingTimeMs } from '../platform/invocation';
import { logger } from '../platform/logger';
import { goneAfter, forgetGone, issueInTurn, markGone, moveServing, raiseDispenser, readCounter, takeTicket, type CounterQueue, type CounterState } from './document-queue';

/*
 * Document numbers per organisation, kind and year (受理通知书 and the others): unique and gap-free, and
 * staff acting on different cases at once never hear of each other.
 *
 * Steps that issue a number queue for it instead of racing for it. A step takes a ticket (an atomic
 * increment on a row of its own, which cannot fail for contention) and waits until the counter says the
 * turn before its own is over; only then does it send its transaction, which issues `n + 1` and ends its
 * turn, on condition that `n` and the turn are still as it read them. Waiting steps only read the
 * counter, now and then, more often the closer they are to the front, so the one whose turn it is meets
 * no competition. A number is issued only by a committed transaction, under a condition on the number
 * before it: numbers stay unique and gap-free whatever the queue does, the queue only decides who tries.
 *
 * A turn always ends: a step whose transaction fails for a reason of its own (the case moved on) or that
 * fails in any other way after taking its ticket ends its turn without issuing a number, or, still waiting,
 * marks its ticket given up so those behind skip it at once. A step that dies holding its turn (a crash,
 * a timeout) is skipped once the counter has not moved for STALL_MS. A step skipped while still alive
 * finds its transaction refused (the turn in its condition is gone) and takes a new ticket.
 * The wait is bounded by the function's remaining time; beyond it the step answers CASE_BUSY.
 */

/** How long the counter may stand still before the turn in progress counts as dead and is skipped. */
export const STALL_MS = 3_000;
/** How many tickets a step takes at most (a new one each time its turn was skipped while it was alive). */
export const MAX_TICKETS = 3;
/** How often a step sends its transaction in one turn, when another write held one of its rows. */
const MAX_TRIES_IN_TURN = 10;
/** Time kept back from the function's remaining time for the transaction, the answer and ending the turn. */
export const TURN_RESERVE_MS = 2_000;
/**
 * The wait allowed when the function's remaining time is unknown (a step outside a Lambda invocation):
 * that of a function with the default 10 s timeout (serverless.yml, functionTimeout), less what comes
 * before the step and TURN_RESERVE_MS.
 */
export const DEFAULT_WAIT_BUDGET_MS = 7_000;
/** Polling bounds: the next in line asks at least this rarely, the last at least this often. */
const MIN_POLL_MS = 5;
const MAX_POLL_MS = 500;
/**
 * A turn's expected length before any was observed; then what turns took lately in this instance, from
 * waits without a skipped turn in them, and at most MAX_TYPICAL_TURN_MS so that a slow spell does not
 * make the waiters slow to notice given-up tickets.
 */
let typicalTurnMs = 30;
const MAX_TYPICAL_TURN_MS = 250;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const counterKey = (organisationCode: string, kind: string, year: number) => ({ pk: `ORG#${organisationCode}`, sk: `COUNTER#${kind}#${year}` });

/** A step's turn at the counter: the number it issues, with the transaction item that issues it. */
export interface Turn {
  readonly number: number;
  readonly update: ReturnType<typeof issueInTurn>;
}

/** The counter's condition failed or its row was held: whether the turn still holds is read again. */
class CounterMoved extends Error {}
/** The ticket's turn went by while the step waited or worked (it was skipped): a new ticket is needed. */
class TurnPassed extends Error {}

/**
 * Runs `step` in its turn at the counter. `step` sends its transaction with `sendStep(db, items, turn)`,
 * `turn.update` among the items; it may be called again (with another number) when the counter was not
 * as read. Throws what `step` throws, or CASE_BUSY when the turn did not come within the budget.
 */
export async function inTurn<T>(db: DynamoDBDocumentClient, TableName: string, key: CounterQueue['key'], step: (turn: Turn) => Promise<T>, options: { waitBudgetMs?: number } = {}): Promise<T> {
  const queue: CounterQueue = { db, TableName, key };
  const deadline = Date.now() + (options.waitBudgetMs ?? waitBudgetMs());
  for (let tickets = 1; ; tickets += 1) {
    const ticket = await takeTicket(queue);
    try {
      return await stepInTurn(queue, ticket, deadline, step);
    } catch (error) {
      if (error instanceof TurnPassed && tickets < MAX_TICKETS) continue;
      await endTurn(queue, ticket);
      if (error instanceof TurnPassed) throw new AppError('CASE_BUSY');
      throw error;
    }
  }
}

/** The wait left to a step: the invocation's remaining time less the reserve, or the default outside one. */
function waitBudgetMs(): number {
  const remaining = remainingTimeMs();
  return remaining === undefined ? DEFAULT_WAIT_BUDGET_MS : Math.max(remaining - TURN_RESERVE_MS, 0);
}

async function stepInTurn<T>(queue: CounterQueue, ticket: number, deadline: number, step: (turn: Turn) => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    const state = await awaitTurn(queue, ticket, deadline);
    try {
      return await step({ number: state.n + 1, update: issueInTurn(queue, state, ticket) });
    } catch (error) {
      // The counter was not as read: read it again, the turn may still be ours (then with a fresh n).
      if (!(error instanceof CounterMoved)) throw error;
      if (tries >= MAX_TRIES_IN_TURN) throw new AppError('CASE_BUSY');
      await sleep(Math.random() * 5 * tries);
    }
  }
}

/**
 * Waits until the turn before `ticket` is over and answers the counter then. Skips the turns of steps
 * that gave up or died, and throws TurnPassed when the ticket's own turn went by.
 */
async function awaitTurn(queue: CounterQueue, ticket: number, deadline: number): Promise<CounterState> {
  const watch = new Watch();
  for (;;) {
    const state = await readCounter(queue);
    const now = Date.now();
    if (state.serving >= ticket) {
      await raiseDispenser(queue, state.serving);
      throw new TurnPassed();
    }
    watch.saw(state.serving, now);
    const ahead = ticket - 1 - state.serving;
    if (ahead === 0) {
      watch.learn(now);
      return state;
    }
    if (await skipStalled(queue, state.serving, watch.stillFor(now))) continue;
    if (now >= deadline) throw new AppError('CASE_BUSY');
    await sleep(Math.min(watch.pause(ahead, now), Math.max(deadline - now, 1)));
  }
}

/** The counter must stand still this long before a waiting step looks for given-up tickets to skip. */
const goneCheckAfterMs = () => Math.max(4 * typicalTurnMs, 150);

/** What one waiting step saw of the queue: the pace of its turns, and how long it has stood still. */
class Watch {
  /** Where the pace is measured from: the first sight, or the end of the last standstill. */
  private from: { at: number; serving: number } | undefined;
  private still = { at: 0, serving: -1 };
  private stalled = false;

  saw(serving: number, now: number): void {
    if (serving !== this.still.serving) {
      // A standstill (a skipped turn) says nothing about how long turns take: measure from its end.
      if (!this.from || this.stalled) this.from = { at: now, serving };
      this.still = { at: now, serving };
      this.stalled = false;
    } else if (now - this.still.at >= goneCheckAfterMs()) this.stalled = true;
  }

  stillFor(now: number): number {
    return now - this.still.at;
  }

  /** The time a turn took, as seen since `from`; the estimate before any turn went by. */
  private pace(now: number): number {
    const served = this.still.serving - this.from!.serving;
    return served > 0 ? (now - this.from!.at) / served : typicalTurnMs;
  }

  /**
   * How long to wait before asking again. The next in line asks a few times per turn, so that its turn
   * is not lost waiting; the others sleep until about when they will be next, at the pace seen.
   */
  pause(ahead: number, now: number): number {
    const pace = this.pace(now);
    const pause = ahead <= 1 ? pace / 4 : 0.5 * (ahead - 1) * pace;
    // A little jitter, so the waiters do not ask in step.
    return Math.min(Math.max(pause * (0.8 + Math.random() * 0.4), MIN_POLL_MS), MAX_POLL_MS);
  }

  /** Folds the pace seen into this instance's estimate of a turn's length. */
  learn(now: number): void {
    if (this.still.serving > this.from!.serving) typicalTurnMs = Math.min(0.7 * typicalTurnMs + 0.3 * this.pace(now), MAX_TYPICAL_TURN_MS);
  }
}

/**
 * Skips turns that will not be taken: at once those of steps that gave up (once the counter has stood
 * still a little longer than a turn takes), the turn in progress once it has stood still for STALL_MS.
 * True when `serving` moved (by this step or another).
 */
async function skipStalled(queue: CounterQueue, serving: number, stillForMs: number): Promise<boolean> {
  if (stillForMs < goneCheckAfterMs()) return false;
  const gone = await goneAfter(queue, serving);
  if (gone > serving) {
    const moved = await moveServing(queue, serving, gone);
    if (moved) await forgetGone(queue, serving, gone);
    return true;
  }
  if (stillForMs < STALL_MS) return false;
  const moved = await moveServing(queue, serving, serving + 1);
  if (moved) logger.warn('document counter: skipped a turn that stood still', { counter: queue.key.sk, ticket: serving + 1, stillForMs });
  return true;
}

/**
 * Ends the ticket's turn without issuing a number, after the step failed: at once if the turn has come,
 * else by marking the ticket given up. Nothing if the turn already went by. Never throws: the step's own
 * error is the one to answer.
 */
async function endTurn(queue: CounterQueue, ticket: number): Promise<void> {
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await moveServing(queue, ticket - 1, ticket)) return;
      const { serving } = await readCounter(queue);
      if (serving >= ticket) return;
      if (serving < ticket - 1) return await markGone(queue, ticket);
      // Still our turn, but the row was held for a moment (a waiter's skip that just failed): again.
    }
    await markGone(queue, ticket);
  } catch (error) {
    logger.warn('document counter: a turn could not be ended; those behind will skip it', { counter: queue.key.sk, ticket, error: (error as Error).name });
  }
}

/**
 * Sends a step's transaction. With a turn: a refusal by the counter only (its condition, or a write
 * holding its row) throws CounterMoved for inTurn to read the counter again; any other refusal is the
 * step's own (TransactionCanceledException). Without a turn, a transaction that only met another one on
 * the same rows is sent again a few times.
 */
export async function sendStep(db: DynamoDBDocumentClient, items: object[], turn?: Turn): Promise<void> {
  const counterAt = turn ? items.indexOf(turn.update) : -1;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const ownRefusal = reasons.some((reason, i) => i !== counterAt && reason.Code === 'ConditionalCheckFailed');
      const counterOrConflict = reasons.some((reason, i) => (i === counterAt && reason.Code === 'ConditionalCheckFailed') || reason.Code === 'TransactionConflict');
      if (ownRefusal || !counterOrConflict) throw error;
      if (turn) throw new CounterMoved();
      if (attempt >= 5) throw new AppError('CASE_BUSY');
      await sleep(Math.random() * 20 * (attempt + 1));
    }
  }
}
