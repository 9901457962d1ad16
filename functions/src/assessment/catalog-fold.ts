import type { FigureKey, ItemSummary } from '@ah-tourism/shared';
import type { CounterUpdate, Names } from './deltas';
import { cityOfRegion, CATALOG_SK, organisationOfItem, scopePartition } from './keys';

/**
 * What one published item counts for in its scopes' catalog figures (it is a snapshot, not a count over
 * a period: the items published now). Depth 3 (网上受理) or more counts as handled online.
 */
export const CATALOG_COUNTERS = ['items', 'online', 'le1', 'zero', 'outside', 'outsideZero'] as const;
export type CatalogCounter = (typeof CATALOG_COUNTERS)[number];
const ONLINE_DEPTH = 3;

export interface ItemFacts {
  organisationCode: string;
  organisationName: string;
  city?: string;
  counts: Partial<Record<CatalogCounter, number>>;
}

/** What one published item counts for: 1 or 0 per counter. The report's catalog figures are sums of these. */
export function itemCounts(summary: ItemSummary): Record<CatalogCounter, 0 | 1> {
  const outside = !summary.negativeListed;
  return {
    items: 1,
    online: summary.onlineDepth >= ONLINE_DEPTH ? 1 : 0,
    le1: summary.visitsRequired <= 1 ? 1 : 0,
    zero: summary.visitsRequired === 0 ? 1 : 0,
    outside: outside ? 1 : 0,
    outsideZero: outside && summary.visitsRequired === 0 ? 1 : 0,
  };
}

/** The four catalog figures (FIGURES[key].drill === 'items') as numerator / denominator counters. */
export const ITEM_FIGURE_COUNTERS = {
  itemsOnline: ['online', 'items'],
  itemsAtMostOneVisit: ['le1', 'items'],
  itemsZeroVisit: ['zero', 'items'],
  itemsZeroVisitOutsideNegativeList: ['outsideZero', 'outside'],
} as const satisfies Partial<Record<FigureKey, readonly [CatalogCounter, CatalogCounter]>>;
export type ItemFigureKey = keyof typeof ITEM_FIGURE_COUNTERS;
export const isItemFigure = (key: string): key is ItemFigureKey => key in ITEM_FIGURE_COUNTERS;

/**
 * Where one item stands in a catalog figure: `counted` when it is in the denominator, `failing` when it is
 * counted but not in the numerator (it pulls the figure down). Summed over a scope's items, counted is the
 * report's denominator and counted minus failing its numerator.
 */
export function itemStanding(summary: ItemSummary, figure: ItemFigureKey): { counted: boolean; failing: boolean } {
  const counts = itemCounts(summary);
  const [numerator, denominator] = ITEM_FIGURE_COUNTERS[figure];
  const counted = counts[denominator] === 1;
  return { counted, failing: counted && counts[numerator] === 0 };
}

export function foldItem(summary: ItemSummary): ItemFacts {
  const counts: Partial<Record<CatalogCounter, number>> = itemCounts(summary);
  const city = cityOfRegion(summary.regionCode);
  return { organisationCode: organisationOfItem(summary.implementationCode), organisationName: summary.organisationName, ...(city ? { city } : {}), counts };
}

/** The ADDs to the catalog items of the organisation, its city (or the province for a provincial one) and the province. */
export function catalogUpdates(before: ItemFacts | undefined, after: ItemFacts | undefined, names: Names): CounterUpdate[] {
  const updates = new Map<string, CounterUpdate>();
  const touch = (pk: string, attribute: string, n: number, set: Record<string, string>) => {
    const update = updates.get(pk) ?? { pk, sk: CATALOG_SK, add: {}, set: {} };
    update.add[attribute] = (update.add[attribute] ?? 0) + n;
    Object.assign(update.set, set);
    updates.set(pk, update);
  };
  const apply = (facts: ItemFacts, sign: 1 | -1) => {
    for (const [counter, value] of Object.entries(facts.counts)) {
      const n = sign * (value ?? 0);
      touch(scopePartition({ kind: 'organisation', code: facts.organisationCode }), counter, n, { name: facts.organisationName });
      const province = scopePartition({ kind: 'province' });
      if (facts.city) {
        const cityName = names.cities.get(facts.city) ?? facts.city;
        const city = scopePartition({ kind: 'city', code: facts.city });
        touch(city, counter, n, { name: cityName, [`n#${facts.organisationCode}`]: facts.organisationName });
        touch(city, `c#${facts.organisationCode}#${counter}`, n, {});
        touch(province, counter, n, { name: names.province, [`n#${facts.city}`]: cityName });
        touch(province, `c#${facts.city}#${counter}`, n, {});
      } else {
        touch(province, counter, n, { name: names.province, [`n#${facts.organisationCode}`]: facts.organisationName });
        touch(province, `c#${facts.organisationCode}#${counter}`, n, {});
      }
    }
  };
  if (before) apply(before, -1);
  if (after) apply(after, 1);
  return [...updates.values()]
    .map((update) => ({ ...update, add: Object.fromEntries(Object.entries(update.add).filter(([, n]) => n !== 0)) }))
    .filter((update) => Object.keys(update.add).length > 0);
}
