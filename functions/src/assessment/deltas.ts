import type { CaseFacts } from './fold';
import { daySk, drillCityPartition, drillPartition, drillProvincePartition, drillSk, scopePartition, yearSk, type Which } from './keys';

/**
 * From what a case counted for before and what it counts for now, the writes that move the aggregates:
 * ADDs to the organisation's day and year items and to its city's and the province's year items (each
 * also keeping the child's own monthly totals), and the drill-down rows to put or delete. Pure: the
 * aggregator wraps the result in one transaction with the case's facts row.
 */

export interface Names {
  /** City names by region code. */
  cities: Map<string, string>;
  province: string;
}

/** One UpdateItem: the attributes to ADD (non-zero) and the names to SET. */
export interface CounterUpdate {
  pk: string;
  sk: string;
  add: Record<string, number>;
  set: Record<string, string>;
}

export interface DrillWrite {
  put: boolean;
  item: Record<string, string>;
}

type Attribution = Pick<CaseFacts, 'organisationCode' | 'organisationName' | 'city'>;

/** `n` at day `day` of `counter` for the attribution: the attributes it touches, item by item. */
function spread(updates: Map<string, CounterUpdate>, who: Attribution, day: string, counter: string, n: number, names: Names) {
  const year = day.slice(0, 4);
  const month = `m${day.slice(5, 7)}#${counter}`;
  const touch = (pk: string, sk: string, attribute: string, set: Record<string, string>) => {
    const key = `${pk}|${sk}`;
    const update = updates.get(key) ?? { pk, sk, add: {}, set: {} };
    update.add[attribute] = (update.add[attribute] ?? 0) + n;
    Object.assign(update.set, set);
    updates.set(key, update);
  };
  const org = scopePartition({ kind: 'organisation', code: who.organisationCode });
  touch(org, daySk(day), counter, { name: who.organisationName });
  touch(org, yearSk(year), month, { name: who.organisationName });
  const province = scopePartition({ kind: 'province' });
  if (who.city) {
    const cityName = names.cities.get(who.city) ?? who.city;
    const city = scopePartition({ kind: 'city', code: who.city });
    touch(city, yearSk(year), month, { name: cityName, [`n#${who.organisationCode}`]: who.organisationName });
    touch(city, yearSk(year), `c#${who.organisationCode}#${month}`, {});
    touch(province, yearSk(year), month, { name: names.province, [`n#${who.city}`]: cityName });
    touch(province, yearSk(year), `c#${who.city}#${month}`, {});
  } else {
    // A provincial organisation is a child of the province itself.
    touch(province, yearSk(year), month, { name: names.province, [`n#${who.organisationCode}`]: who.organisationName });
    touch(province, yearSk(year), `c#${who.organisationCode}#${month}`, {});
  }
}

export function counterUpdates(before: CaseFacts | undefined, after: CaseFacts | undefined, names: Names): CounterUpdate[] {
  const updates = new Map<string, CounterUpdate>();
  const apply = (facts: CaseFacts, sign: 1 | -1) => {
    for (const [key, n] of Object.entries(facts.counters)) {
      const [day, counter] = key.split('|') as [string, string];
      spread(updates, facts, day, counter, sign * n, names);
    }
  };
  if (before) apply(before, -1);
  if (after) apply(after, 1);
  return [...updates.values()]
    .map((update) => ({ ...update, add: Object.fromEntries(Object.entries(update.add).filter(([, n]) => n !== 0)) }))
    .filter((update) => Object.keys(update.add).length > 0);
}

function drillRows(facts: CaseFacts | undefined, caseNumber: string): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>();
  for (const entry of facts?.drill ?? []) {
    const [figure, which, day] = entry.split('|') as [string, Which, string];
    const sk = drillSk(day, caseNumber);
    const item: Record<string, string> = {
      pk: drillPartition(facts!.organisationCode, figure, which),
      sk,
      entity: 'AssessmentCase',
      caseNumber,
      gsi2pk: drillProvincePartition(figure, which),
      gsi2sk: sk,
      ...(facts!.city ? { gsi1pk: drillCityPartition(facts!.city, figure, which), gsi1sk: sk } : {}),
    };
    rows.set(`${item.pk}|${sk}|${item.gsi1pk ?? ''}`, item);
  }
  return rows;
}

/** Drill-down rows that appear (put) or disappear (delete) between the two states. */
export function drillWrites(before: CaseFacts | undefined, after: CaseFacts | undefined, caseNumber: string): DrillWrite[] {
  const old = drillRows(before, caseNumber);
  const next = drillRows(after, caseNumber);
  return [
    ...[...old].filter(([key]) => !next.has(key)).map(([, item]) => ({ put: false, item })),
    ...[...next].filter(([key]) => !old.has(key)).map(([, item]) => ({ put: true, item })),
  ];
}

/** An UpdateItem of a transaction for one counter update (attribute names carry `#`, so all go through placeholders). */
export function updateExpression(update: CounterUpdate, now: string) {
  const names: Record<string, string> = { '#at': 'updatedAt' };
  const values: Record<string, unknown> = { ':at': now };
  const adds = Object.entries(update.add).map(([attribute, n], i) => {
    names[`#a${i}`] = attribute;
    values[`:a${i}`] = n;
    return `#a${i} :a${i}`;
  });
  const sets = Object.entries(update.set).map(([attribute, value], i) => {
    names[`#s${i}`] = attribute;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  return {
    Key: { pk: update.pk, sk: update.sk },
    UpdateExpression: `ADD ${adds.join(', ')} SET ${['#at = :at', ...sets].join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
