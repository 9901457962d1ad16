import { ConditionalCheckFailedException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * The rows of one document counter's queue (document-counter.ts says how they are used):
 *
 *   COUNTER#<kind>#<year>          n: the last number issued; serving: the last ticket whose turn is over
 *   COUNTER#<kind>#<year>#TICKETS  t: the last ticket handed out; gone: tickets given up before their turn
 *
 * The dispenser is a row of its own because it is written outside any transaction: an ordinary write to
 * the counter row while a step's transaction holds it would cancel that transaction.
 * A counter written before the queue existed has no `serving` and no dispenser: both read as 0, so its
 * first ticket (1) is served at once and the numbers go on from its `n`.
 */

export interface CounterQueue {
  db: DynamoDBDocumentClient;
  TableName: string;
  /** The counter row. */
  key: { pk: string; sk: string };
}

export interface CounterState {
  /** The last number issued (0: none yet). */
  n: number;
  /** The last ticket whose turn is over (0: none yet). */
  serving: number;
}

const ticketsKey = ({ key }: CounterQueue) => ({ pk: key.pk, sk: `${key.sk}#TICKETS` });

/** The condition that a counter attribute still holds `value`, where 0 is how a missing one reads. */
function stillAt(name: 'n' | 'serving', placeholder: string, value: number) {
  return value ? { expression: `${name} = ${placeholder}`, values: { [placeholder]: value } } : { expression: `attribute_not_exists(${name})`, values: {} };
}

const isConflict = (error: unknown) => error instanceof TransactionConflictException || error instanceof ConditionalCheckFailedException;

/** A conditional write to the counter row: false when its condition failed or a step's transaction held the row. */
async function conditionally(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}

/** The next ticket: an atomic increment that never fails for contention, however many take one at once. */
export async function takeTicket(queue: CounterQueue): Promise<number> {
  const { Attributes } = await queue.db.send(
    new UpdateCommand({
      TableName: queue.TableName,
      Key: ticketsKey(queue),
      UpdateExpression: 'ADD t :one SET entity = :entity',
      ExpressionAttributeValues: { ':one': 1, ':entity': 'CounterTickets' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes!.t);
}

/**
 * Moves the dispenser up to `serving` if it is behind (its row lost while the counter kept `serving`), so
 * the next ticket is not one whose turn is already over. Harmless when it is ahead, as it always is otherwise.
 */
export async function raiseDispenser(queue: CounterQueue, serving: number): Promise<void> {
  await conditionally(() =>
    queue.db.send(
      new UpdateCommand({
        TableName: queue.TableName,
        Key: ticketsKey(queue),
        UpdateExpression: 'SET t = :serving, entity = :entity',
        ConditionExpression: 'attribute_not_exists(t) OR t < :serving',
        ExpressionAttributeValues: { ':serving': serving, ':entity': 'CounterTickets' },
      }),
    ),
  );
}

/** The counter as it is now (strongly consistent). */
export async function readCounter(queue: CounterQueue): Promise<CounterState> {
  const { Item } = await queue.db.send(new GetCommand({ TableName: queue.TableName, Key: queue.key, ConsistentRead: true }));
  return { n: Number(Item?.n ?? 0), serving: Number(Item?.serving ?? 0) };
}

/** The transaction item that issues number n + 1 in ticket's turn and ends the turn, only if both still hold. */
export function issueInTurn(queue: CounterQueue, state: CounterState, ticket: number) {
  const n = stillAt('n', ':n', state.n);
  const serving = stillAt('serving', ':previous', ticket - 1);
  return {
    Update: {
      TableName: queue.TableName,
      Key: queue.key,
      UpdateExpression: 'SET n = :next, serving = :ticket, entity = :entity',
      ConditionExpression: `${n.expression} AND ${serving.expression}`,
      ExpressionAttributeValues: { ':next': state.n + 1, ':ticket': ticket, ':entity': 'Counter', ...n.values, ...serving.values },
    },
  };
}

/** Moves `serving` from `from` to `to` without issuing a number; false if it was no longer at `from`. */
export function moveServing(queue: CounterQueue, from: number, to: number): Promise<boolean> {
  const at = stillAt('serving', ':from', from);
  return conditionally(() =>
    queue.db.send(
      new UpdateCommand({
        TableName: queue.TableName,
        Key: queue.key,
        UpdateExpression: 'SET serving = :to, entity = if_not_exists(entity, :entity)',
        ConditionExpression: at.expression,
        ExpressionAttributeValues: { ':to': to, ':entity': 'Counter', ...at.values },
      }),
    ),
  );
}

/** Records that `ticket` was given up before its turn, so whoever waits behind it skips it at once. */
export async function markGone(queue: CounterQueue, ticket: number): Promise<void> {
  await queue.db.send(
    new UpdateCommand({ TableName: queue.TableName, Key: ticketsKey(queue), UpdateExpression: 'ADD gone :ticket', ExpressionAttributeValues: { ':ticket': new Set([ticket]) } }),
  );
}

/** The last ticket of the unbroken run of given-up tickets right after `serving` (serving itself if none). */
export async function goneAfter(queue: CounterQueue, serving: number): Promise<number> {
  const { Item } = await queue.db.send(new GetCommand({ TableName: queue.TableName, Key: ticketsKey(queue), ConsistentRead: true, ProjectionExpression: 'gone' }));
  const gone = (Item?.gone as Set<number> | undefined) ?? new Set<number>();
  let last = serving;
  while (gone.has(last + 1)) last += 1;
  return last;
}

/** Forgets the given-up tickets up to `upTo` once their turns are over, so the set stays small. */
export async function forgetGone(queue: CounterQueue, from: number, upTo: number): Promise<void> {
  const tickets = Array.from({ length: upTo - from }, (_, i) => from + 1 + i);
  if (!tickets.length) return;
  await queue.db.send(
    new UpdateCommand({ TableName: queue.TableName, Key: ticketsKey(queue), UpdateExpression: 'DELETE gone :tickets', ExpressionAttributeValues: { ':tickets': new Set(tickets) } }),
  );
}
