import { FIGURES, FIGURE_KEYS, ITEM_FIGURE_KEYS, type ItemSummary } from '@ah-tourism/shared';
import { ITEM_FIGURE_COUNTERS, foldItem, isItemFigure, itemStanding, type ItemFigureKey } from './catalog-fold';
import { buildReport } from './report';

const item = (over: Partial<ItemSummary>): ItemSummary =>
  ({
    implementationCode: '07001250003341000113410000039113649',
    name: '事项',
    regionCode: '341000',
    organisationName: '黄山市文化和旅游局',
    onlineDepth: 3,
    visitsRequired: 0,
    negativeListed: false,
    ...over,
  }) as ItemSummary;

const ITEMS: ItemSummary[] = [
  item({ onlineDepth: 4, visitsRequired: 0 }),
  item({ onlineDepth: 3, visitsRequired: 1, negativeListed: true }),
  item({ onlineDepth: 2, visitsRequired: 2, negativeListed: true }),
  item({ onlineDepth: 1, visitsRequired: 1 }),
  item({ onlineDepth: 2, visitsRequired: 0 }),
];

describe('the items behind a catalog figure', () => {
  it('names exactly the figures that open items', () => {
    expect(Object.keys(ITEM_FIGURE_COUNTERS).sort()).toEqual(FIGURE_KEYS.filter((key) => FIGURES[key].drill === 'items').sort());
    expect([...ITEM_FIGURE_KEYS].sort()).toEqual(Object.keys(ITEM_FIGURE_COUNTERS).sort());
    expect(isItemFigure('itemsOnline')).toBe(true);
    expect(isItemFigure('casesOnline')).toBe(false);
  });

  it.each([
    ['itemsOnline', [false, false, true, true, true], [true, true, true, true, true]],
    ['itemsAtMostOneVisit', [false, false, true, false, false], [true, true, true, true, true]],
    ['itemsZeroVisit', [false, true, true, true, false], [true, true, true, true, true]],
    ['itemsZeroVisitOutsideNegativeList', [false, false, false, true, false], [true, false, false, true, true]],
  ] as [ItemFigureKey, boolean[], boolean[]][])('%s: which items count and which fail', (figure, failing, counted) => {
    expect(ITEMS.map((summary) => itemStanding(summary, figure).failing)).toEqual(failing);
    expect(ITEMS.map((summary) => itemStanding(summary, figure).counted)).toEqual(counted);
  });

  it.each(Object.keys(ITEM_FIGURE_COUNTERS) as ItemFigureKey[])('%s: counted items are the report denominator, failing ones its difference from the numerator', (figure) => {
    // The catalog aggregate the stream would keep for these items: the sum of their folded counts.
    const catalog: Record<string, number> = {};
    for (const summary of ITEMS) for (const [counter, n] of Object.entries(foldItem(summary).counts)) catalog[counter] = (catalog[counter] ?? 0) + (n ?? 0);
    const report = buildReport({ scope: { kind: 'organisation', code: '113410000039113649', name: '黄山', query: 'organisation:113410000039113649' }, from: '2026-01', to: '2026-01', years: new Map(), catalog });
    const shown = report.figures.find((f) => f.key === figure)!;
    const standings = ITEMS.map((summary) => itemStanding(summary, figure));
    expect(standings.filter((s) => s.counted)).toHaveLength(shown.denominator!);
    expect(standings.filter((s) => s.failing)).toHaveLength(shown.denominator! - shown.numerator!);
  });
});
