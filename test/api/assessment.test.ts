import { cstDay, type AssessmentCases, type AssessmentItems, type AssessmentReport, type FigureKey, type ItemSummary } from '@ah-tourism/shared';
import { api } from '../support/api';
import { asUser, signInAs } from '../support/applications';
import { HEFEI, HUANGSHAN, PROVINCE, assessmentReport, caseFigures, figure, seedRows, writeRows, type SeedCase } from '../support/assessment';
import { evaluate, finishedCase } from '../support/evaluations';
import { eventually, invokeFunction, rowsOf } from '../support/notifications';
import { LOCAL_AWS_ENV } from '../../scripts/local/dynamodb-local';

const pick = (env: NodeJS.ProcessEnv, names: string[]) => Object.fromEntries(names.filter((name) => env[name]).map((name) => [name, env[name]]));

/*
 * 网上考核 end to end: a known set of cases and evaluations in March and April 2025 across two cities and the
 * province (written with their past dates, as the API cannot), aggregated by the stream consumer; every
 * figure of the organisation, the city and the province equals the hand count below. Other tests add
 * cases today, never in 2025, so these months hold exactly these cases.
 */

const run = Date.now().toString(36).toUpperCase();
const no = (name: string) => `T${run}${name}`;
const at = (day: string, hour = 10) => `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`; // CST hour of a day
const PERIOD = { from: '2025-03', to: '2025-04' };
const FAR = '2025-06-30T16:00:00.000Z';

const CASES: SeedCase[] = [
  // 黄山: online, accepted with 20 days, decided in 2 (on time), very satisfied.
  {
    caseNumber: no('HS1'), organisation: HUANGSHAN, basicCode: '0100117000', level: '3', status: 'delivered', submittedAt: at('2025-03-03'),
    completion: { startedAt: at('2025-03-04'), dueAt: FAR, pausedAt: at('2025-03-06') },
    steps: [
      { at: at('2025-03-04'), action: 'accept', from: 'pre_review', to: 'accepted', completionDays: 20 },
      { at: at('2025-03-05'), action: 'complete_review', from: 'accepted', to: 'reviewed' },
      { at: at('2025-03-06'), action: 'approve', from: 'reviewed', to: 'approved' },
      { at: at('2025-03-07'), action: 'deliver', from: 'approved', to: 'delivered' },
    ],
    evaluation: { level: 'very_satisfied', at: at('2025-03-10') },
  },
  // 黄山: at the window; notice 6 working days after submission (late); a visit; 2 days promised, 3 taken
  // (overdue, last day 03-18); a bad review called back and resolved in time.
  {
    caseNumber: no('HS2'), organisation: HUANGSHAN, basicCode: '0100117000', level: '3', status: 'delivered', submittedAt: at('2025-03-04'), channel: 'hall_window',
    completion: { startedAt: at('2025-03-14'), dueAt: '2025-03-18T16:00:00.000Z', pausedAt: at('2025-03-19') },
    steps: [
      { at: at('2025-03-12'), action: 'request_supplement', from: 'pre_review', to: 'supplement_requested' },
      { at: at('2025-03-13'), action: 'resubmit', from: 'supplement_requested', to: 'pre_review' },
      { at: at('2025-03-14'), action: 'accept', from: 'pre_review', to: 'accepted', completionDays: 2 },
      { at: at('2025-03-17'), action: 'book_visit', from: 'accepted', to: 'accepted' },
      { at: at('2025-03-18'), action: 'complete_review', from: 'accepted', to: 'reviewed' },
      { at: at('2025-03-19'), action: 'approve', from: 'reviewed', to: 'approved' },
      { at: at('2025-03-20'), action: 'deliver', from: 'approved', to: 'delivered' },
    ],
    evaluation: { level: 'dissatisfied', at: at('2025-03-25') },
    task: { status: 'resolved', createdAt: at('2025-03-25', 11), dueAt: '2025-04-01T16:00:00.000Z', callBackAt: at('2025-03-26'), respondedAt: at('2025-03-27') },
  },
  // 黄山: a public-service item approved automatically on the day; basically satisfied.
  {
    caseNumber: no('HS3'), organisation: HUANGSHAN, basicCode: '2000124001', level: '3', status: 'approved', submittedAt: at('2025-04-01'),
    steps: [{ at: at('2025-04-01', 11), action: 'auto_approve', from: 'pre_review', to: 'approved' }],
    evaluation: { level: 'basically_satisfied', at: at('2025-04-02') },
  },
  // 黄山: accepted with 5 days, still open long after its last day (04-15): overdue.
  {
    caseNumber: no('HS4'), organisation: HUANGSHAN, basicCode: '0100117000', level: '3', status: 'accepted', submittedAt: at('2025-04-07'),
    completion: { startedAt: at('2025-04-08'), dueAt: '2025-04-15T16:00:00.000Z' },
    steps: [{ at: at('2025-04-08'), action: 'accept', from: 'pre_review', to: 'accepted', completionDays: 5 }],
  },
  // 黄山: notice 2 working days after submission (in time), then withdrawn.
  {
    caseNumber: no('HS5'), organisation: HUANGSHAN, basicCode: '0100117000', level: '3', status: 'withdrawn', submittedAt: at('2025-03-05'),
    steps: [
      { at: at('2025-03-07'), action: 'request_supplement', from: 'pre_review', to: 'supplement_requested' },
      { at: at('2025-03-10'), action: 'withdraw', from: 'supplement_requested', to: 'withdrawn' },
    ],
  },
  // 合肥: 10 days promised; 10 working days to the decision of which 7 in a special procedure: 3 taken.
  // A very bad review nobody answered, past its due time (last day 04-03).
  {
    caseNumber: no('HF1'), organisation: HEFEI, basicCode: '0100117000', level: '3', status: 'delivered', submittedAt: at('2025-03-10'),
    completion: { startedAt: at('2025-03-20'), dueAt: FAR, pausedAt: at('2025-03-24') },
    steps: [
      { at: at('2025-03-10', 11), action: 'accept', from: 'pre_review', to: 'accepted', completionDays: 10 },
      { at: at('2025-03-11'), action: 'start_special_procedure', from: 'accepted', to: 'special_procedure' },
      { at: at('2025-03-20'), action: 'end_special_procedure', from: 'special_procedure', to: 'accepted' },
      { at: at('2025-03-21'), action: 'complete_review', from: 'accepted', to: 'reviewed' },
      { at: at('2025-03-24'), action: 'approve', from: 'reviewed', to: 'approved' },
      { at: at('2025-03-25'), action: 'deliver', from: 'approved', to: 'delivered' },
    ],
    evaluation: { level: 'very_dissatisfied', at: at('2025-03-28') },
    task: { status: 'awaiting_call_back', createdAt: at('2025-03-28', 11), dueAt: '2025-04-03T16:00:00.000Z' },
  },
  // 合肥: at the window, decided in 2 of 20 days; its bad review was voided on appeal (not counted).
  {
    caseNumber: no('HF2'), organisation: HEFEI, basicCode: '0100117000', level: '3', status: 'delivered', submittedAt: at('2025-04-14'), channel: 'hall_window',
    completion: { startedAt: at('2025-04-14', 11), dueAt: FAR, pausedAt: at('2025-04-16') },
    steps: [
      { at: at('2025-04-14', 11), action: 'accept', from: 'pre_review', to: 'accepted', completionDays: 20 },
      { at: at('2025-04-15'), action: 'complete_review', from: 'accepted', to: 'reviewed' },
      { at: at('2025-04-16'), action: 'approve', from: 'reviewed', to: 'approved' },
      { at: at('2025-04-17'), action: 'deliver', from: 'approved', to: 'delivered' },
    ],
    evaluation: { level: 'dissatisfied', at: at('2025-04-18'), voided: true },
    task: { status: 'appeal_upheld', createdAt: at('2025-04-18', 11), dueAt: '2025-04-25T16:00:00.000Z', callBackAt: at('2025-04-21') },
  },
  // 省厅: online, refused 1 day after acceptance.
  {
    caseNumber: no('PV1'), organisation: PROVINCE, basicCode: '0100117000', level: '2', status: 'refused', submittedAt: at('2025-03-20'),
    completion: { startedAt: at('2025-03-20', 11), dueAt: FAR, pausedAt: at('2025-03-21') },
    steps: [
      { at: at('2025-03-20', 11), action: 'accept', from: 'pre_review', to: 'accepted', completionDays: 20 },
      { at: at('2025-03-21'), action: 'refuse', from: 'accepted', to: 'refused' },
    ],
  },
];

// Hand counts: [numerator, denominator] for ratios and averages, the number for counts.
const HUANGSHAN_COUNT = {
  casesOnline: [4, 5], visitsBooked: 1, onTimeRate: [2, 3], averageWorkingDays: [5, 3], averagePromisedDays: [23, 3], publicServiceWithinOneDay: [1, 1],
  noticesWithinFiveDays: [1, 2], satisfactionRate: [2, 3], rectificationRate: [1, 1], callbackRate: [1, 1], overdueCases: 2, overdueRectifications: 0,
};
const HUANGSHAN_MARCH = {
  casesOnline: [2, 3], visitsBooked: 1, onTimeRate: [1, 2], averageWorkingDays: [5, 2], averagePromisedDays: [22, 2], publicServiceWithinOneDay: [0, 0],
  noticesWithinFiveDays: [1, 2], satisfactionRate: [1, 2], rectificationRate: [1, 1], callbackRate: [1, 1], overdueCases: 1, overdueRectifications: 0,
};
const HUANGSHAN_APRIL = {
  casesOnline: [2, 2], visitsBooked: 0, onTimeRate: [1, 1], averageWorkingDays: [0, 1], averagePromisedDays: [1, 1], publicServiceWithinOneDay: [1, 1],
  noticesWithinFiveDays: [0, 0], satisfactionRate: [1, 1], rectificationRate: [0, 0], callbackRate: [0, 0], overdueCases: 1, overdueRectifications: 0,
};
const HEFEI_COUNT = {
  casesOnline: [1, 2], visitsBooked: 0, onTimeRate: [2, 2], averageWorkingDays: [5, 2], averagePromisedDays: [30, 2], publicServiceWithinOneDay: [0, 0],
  noticesWithinFiveDays: [0, 0], satisfactionRate: [0, 1], rectificationRate: [0, 1], callbackRate: [0, 1], overdueCases: 0, overdueRectifications: 1,
};
const PROVINCIAL_ORG_COUNT = {
  casesOnline: [1, 1], visitsBooked: 0, onTimeRate: [1, 1], averageWorkingDays: [1, 1], averagePromisedDays: [20, 1], publicServiceWithinOneDay: [0, 0],
  noticesWithinFiveDays: [0, 0], satisfactionRate: [0, 0], rectificationRate: [0, 0], callbackRate: [0, 0], overdueCases: 0, overdueRectifications: 0,
};
const PROVINCE_COUNT = {
  casesOnline: [6, 8], visitsBooked: 1, onTimeRate: [5, 6], averageWorkingDays: [11, 6], averagePromisedDays: [73, 6], publicServiceWithinOneDay: [1, 1],
  noticesWithinFiveDays: [1, 2], satisfactionRate: [2, 4], rectificationRate: [1, 2], callbackRate: [1, 2], overdueCases: 2, overdueRectifications: 1,
};

let province: string;
let huangshanStaff: string;
const reportOf = async (scope: string, token = province) => {
  const res = await assessmentReport(token, { scope, ...PERIOD });
  expect(res.status).toBe(200);
  return res.body;
};
const casesOf = async (query: Record<string, string>, token = province) => api<AssessmentCases>(`/staff/assessment/cases?${new URLSearchParams({ ...PERIOD, ...query })}`, { headers: asUser(token) });
const itemsOf = async (query: Record<string, string>, token = province) => api<AssessmentItems>(`/staff/assessment/items?${new URLSearchParams(query)}`, { headers: asUser(token) });
const ITEM_FIGURES: FigureKey[] = ['itemsOnline', 'itemsAtMostOneVisit', 'itemsZeroVisit', 'itemsZeroVisitOutsideNegativeList'];
const numbersOf = (page: AssessmentCases) => page.items.map((item) => item.caseNumber);

beforeAll(async () => {
  province = (await signInAs('province-pre_review')).accessToken;
  huangshanStaff = (await signInAs('city-pre_review')).accessToken;
  for (const c of CASES) await writeRows(seedRows(c));
  await eventually('the province counts every seeded case', () => reportOf('province'), (report) => figure(report, 'casesOnline').denominator === 8 && figure(report, 'overdueRectifications').value === 1, 30_000);
}, 60_000);

describe('网上考核: every figure equals a hand count', () => {
  it('the organisation, month by month', async () => {
    const report = await reportOf(`organisation:${HUANGSHAN.organisationCode}`);
    expect(report.scope).toEqual({ kind: 'organisation', code: HUANGSHAN.organisationCode, name: HUANGSHAN.name, query: `organisation:${HUANGSHAN.organisationCode}` });
    expect(caseFigures(report)).toEqual(HUANGSHAN_COUNT);
    expect(report.months.map((m) => m.month)).toEqual(['2025-03', '2025-04']);
    expect(caseFigures(report.months[0]!)).toEqual(HUANGSHAN_MARCH);
    expect(caseFigures(report.months[1]!)).toEqual(HUANGSHAN_APRIL);
    expect(figure(report, 'casesOnline')).toMatchObject({ value: 0.8, target: 0.9, met: false });
    expect(figure(report, 'onTimeRate').value).toBeCloseTo(2 / 3);
    expect(figure(report, 'publicServiceWithinOneDay')).toMatchObject({ value: 1, met: true });
    expect(figure(report, 'overdueCases')).toMatchObject({ value: 2, target: 0, met: false });
    expect(report.asOf).toEqual(expect.any(String));
  });

  it('the two cities and their organisations', async () => {
    const huangshan = await reportOf('city:341000');
    expect(huangshan.scope.name).toBe('黄山市');
    expect(caseFigures(huangshan)).toEqual(HUANGSHAN_COUNT);
    expect(huangshan.children.map((c) => c.scope.code)).toContain(HUANGSHAN.organisationCode);
    expect(caseFigures(huangshan.children.find((c) => c.scope.code === HUANGSHAN.organisationCode)!)).toEqual(HUANGSHAN_COUNT);
    const hefei = await reportOf('city:340100');
    expect(caseFigures(hefei)).toEqual(HEFEI_COUNT);
    // Nothing to measure is null, not zero.
    expect(figure(hefei, 'noticesWithinFiveDays')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(figure(hefei, 'noticesWithinFiveDays').met).toBeUndefined();
  });

  it('the province, with each city and the provincial organisation as children', async () => {
    const report = await reportOf('province');
    expect(caseFigures(report)).toEqual(PROVINCE_COUNT);
    const child = (code: string) => report.children.find((c) => c.scope.code === code)!;
    expect(child('341000').scope).toMatchObject({ kind: 'city', name: '黄山市', query: 'city:341000' });
    expect(caseFigures(child('341000'))).toEqual(HUANGSHAN_COUNT);
    expect(caseFigures(child('340100'))).toEqual(HEFEI_COUNT);
    expect(child(PROVINCE.organisationCode).scope.kind).toBe('organisation');
    expect(caseFigures(child(PROVINCE.organisationCode))).toEqual(PROVINCIAL_ORG_COUNT);
    expect(report.children.filter((c) => c.scope.kind === 'city')).toHaveLength(16);
  });

  it('catalog figures equal the items the catalog publishes', async () => {
    const items: ItemSummary[] = [];
    for (let cursor: string | undefined, pages = 0; pages < 20; pages += 1) {
      const page = await api<{ items: ItemSummary[]; nextCursor: string | null }>(`/catalog/items?region=341000&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.body.items);
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(items.length).toBeGreaterThan(0);
    const outside = items.filter((i) => !i.negativeListed);
    const report = await reportOf(`organisation:${HUANGSHAN.organisationCode}`);
    expect(figure(report, 'itemsOnline')).toMatchObject({ numerator: items.filter((i) => i.onlineDepth >= 3).length, denominator: items.length });
    expect(figure(report, 'itemsAtMostOneVisit')).toMatchObject({ numerator: items.filter((i) => i.visitsRequired <= 1).length, denominator: items.length });
    expect(figure(report, 'itemsZeroVisit')).toMatchObject({ numerator: items.filter((i) => i.visitsRequired === 0).length, denominator: items.length });
    expect(figure(report, 'itemsZeroVisitOutsideNegativeList')).toMatchObject({ numerator: outside.filter((i) => i.visitsRequired === 0).length, denominator: outside.length });
    // A month of the trend has no catalog figure: the catalog is what is published now.
    expect(figure(report.months[0]!, 'itemsOnline').value).toBeNull();
  });
});

describe('网上考核: each figure opens the cases behind it', () => {
  it('lists exactly the cases counting against a figure, newest first, a page at a time', async () => {
    expect(numbersOf((await casesOf({ scope: 'province', figure: 'onTimeRate' })).body)).toEqual([no('HS2')]);
    expect(numbersOf((await casesOf({ scope: 'province', figure: 'overdueCases' })).body)).toEqual([no('HS4'), no('HS2')]);
    expect(numbersOf((await casesOf({ scope: 'city:341000', figure: 'casesOnline' })).body)).toEqual([no('HS2')]);
    expect(numbersOf((await casesOf({ scope: `organisation:${HUANGSHAN.organisationCode}`, figure: 'noticesWithinFiveDays', which: 'all' })).body)).toEqual([no('HS2'), no('HS5')]);
    expect(numbersOf((await casesOf({ scope: 'city:340100', figure: 'overdueRectifications' })).body)).toEqual([no('HF1')]);
    const all = (await casesOf({ scope: 'province', figure: 'casesOnline', which: 'all' })).body;
    expect(numbersOf(all).sort()).toEqual(CASES.map((c) => c.caseNumber).sort());

    const first = (await casesOf({ scope: 'province', figure: 'satisfactionRate', limit: '1' })).body;
    expect(numbersOf(first)).toEqual([no('HF1')]);
    expect(first.items[0]).toMatchObject({ organisationName: HEFEI.name, status: 'delivered', statusLabel: '已送达' });
    const second = (await casesOf({ scope: 'province', figure: 'satisfactionRate', limit: '1', cursor: first.nextCursor! })).body;
    expect(numbersOf(second)).toEqual([no('HS2')]);
    if (second.nextCursor) expect(numbersOf((await casesOf({ scope: 'province', figure: 'satisfactionRate', limit: '1', cursor: second.nextCursor })).body)).toEqual([]);
  });

  it('an items figure answers that it opens items; a cursor of another figure is refused', async () => {
    const items = await casesOf({ scope: 'province', figure: 'itemsOnline' });
    expect(items.status).toBe(400);
    expect(items.body).toMatchObject({ code: 'ASSESSMENT_FIGURE_OPENS_ITEMS' });
    const first = (await casesOf({ scope: 'province', figure: 'overdueCases', limit: '1' })).body;
    const crossed = await casesOf({ scope: 'province', figure: 'onTimeRate', cursor: first.nextCursor! });
    expect(crossed.status).toBe(400);
    expect(crossed.body).toMatchObject({ code: 'COMMON_INVALID_CURSOR' });
  });
});

describe('网上考核: each item figure opens the published items behind it', () => {
  it('the failing items are the denominator less the numerator of the same report, for every scope and item figure', async () => {
    for (const scope of [`organisation:${HUANGSHAN.organisationCode}`, 'city:341000', 'province']) {
      for (const key of ITEM_FIGURES) {
        // Other tests may publish items meanwhile: the report follows through the stream, so wait until both agree.
        const [report, failing, all] = await eventually(
          `${scope} ${key}: the report and the items agree`,
          async () => [figure(await reportOf(scope), key), (await itemsOf({ scope, figure: key })).body, (await itemsOf({ scope, figure: key, which: 'all' })).body] as const,
          ([f, failingItems, allItems]) => failingItems.counted === f.denominator && failingItems.failing === f.denominator! - f.numerator! && allItems.counted === f.denominator,
          30_000,
        );
        expect(report.denominator).toBeGreaterThan(0);
        expect(failing).toMatchObject({ figure: key, which: 'failing', truncated: false, scope: { query: scope } });
        expect(failing.items).toHaveLength(report.denominator! - report.numerator!);
        expect(failing.items.every((item) => item.failing)).toBe(true);
        expect(all.items).toHaveLength(report.denominator!);
        expect(all.items.filter((item) => item.failing).map((item) => item.implementationCode).sort()).toEqual(failing.items.map((item) => item.implementationCode).sort());
        expect(new Set(all.items.map((item) => item.implementationCode)).size).toBe(all.items.length);
        if (scope.startsWith('organisation:')) expect(all.items.every((item) => item.implementationCode.endsWith(HUANGSHAN.organisationCode))).toBe(true);
        if (scope === 'city:341000') expect(all.items.every((item) => item.regionCode.startsWith('3410'))).toBe(true);
      }
    }
  });

  it('each listed item fails for the figure\'s reason, with what the guide states', async () => {
    const scope = 'province';
    const online = (await itemsOf({ scope, figure: 'itemsOnline', which: 'all' })).body;
    expect(online.items.every((item) => item.failing === item.onlineDepth < 3)).toBe(true);
    const atMostOne = (await itemsOf({ scope, figure: 'itemsAtMostOneVisit', which: 'all' })).body;
    expect(atMostOne.items.every((item) => item.failing === item.visitsRequired > 1)).toBe(true);
    const zero = (await itemsOf({ scope, figure: 'itemsZeroVisit' })).body;
    expect(zero.items.length).toBeGreaterThan(0); // the seeded catalog has items that need one visit
    expect(zero.items.every((item) => item.visitsRequired > 0)).toBe(true);
    const outside = (await itemsOf({ scope, figure: 'itemsZeroVisitOutsideNegativeList', which: 'all' })).body;
    expect(outside.items.every((item) => !item.negativeListed && item.failing === item.visitsRequired > 0)).toBe(true);
    // A negative-listed item says why it must be handled on site, as its guide does.
    const listedItems = online.items.filter((item) => item.negativeListed);
    expect(listedItems.length).toBeGreaterThan(0);
    for (const item of listedItems) {
      const guide = await api<{ guide: { negativeList: { reason?: string } } }>(`/catalog/items/${item.implementationCode}`);
      expect(item.negativeListReason).toBe(guide.body.guide.negativeList.reason);
      expect(item.negativeListReason).toEqual(expect.any(String));
    }
    expect(online.items.filter((item) => !item.negativeListed).every((item) => item.negativeListReason === undefined)).toBe(true);
    const first = online.items[0]!;
    expect(first).toEqual({
      implementationCode: expect.any(String), name: expect.any(String), organisationName: expect.any(String), regionCode: expect.any(String),
      onlineDepth: expect.any(Number), visitsRequired: expect.any(Number), negativeListed: expect.any(Boolean), failing: expect.any(Boolean),
      ...(first.negativeListed ? { negativeListReason: expect.any(String) } : {}),
    });
    // The listed item opens its guide.
    const guide = await api<{ name: string }>(`/catalog/items/${first.implementationCode}`);
    expect(guide.status).toBe(200);
    expect(guide.body.name).toBe(first.name);
  });

  it('the same access rules as the report; a case figure or a bad scope is refused in Chinese', async () => {
    const own = await itemsOf({ figure: 'itemsOnline' }, huangshanStaff);
    expect(own.status).toBe(200);
    expect(own.body.scope).toMatchObject({ kind: 'organisation', code: HUANGSHAN.organisationCode });
    expect((await itemsOf({ scope: 'city:341000', figure: 'itemsZeroVisit' }, huangshanStaff)).status).toBe(200);
    for (const scope of ['city:340100', 'province', `organisation:${HEFEI.organisationCode}`]) {
      const refused = await itemsOf({ scope, figure: 'itemsOnline' }, huangshanStaff);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'ASSESSMENT_SCOPE_FORBIDDEN' });
    }
    expect((await api('/staff/assessment/items?figure=itemsOnline')).status).toBe(401);
    const caseFigure = await itemsOf({ scope: 'province', figure: 'onTimeRate' });
    expect(caseFigure.status).toBe(400);
    expect(caseFigure.body).toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
    expect(JSON.stringify(caseFigure.body)).toContain('该指标不是事项类指标');
    expect((await itemsOf({ scope: 'city:349900', figure: 'itemsOnline' })).body).toMatchObject({ code: 'ASSESSMENT_SCOPE_NOT_FOUND' });
    expect((await itemsOf({ scope: 'organisation:91340000MA2N00000X', figure: 'itemsOnline' })).status).toBe(404);
  });
});

describe('网上考核: counting is exactly once and follows later changes', () => {
  it('the same stream batch delivered twice changes nothing', async () => {
    const before = await reportOf('province');
    const rows = (await Promise.all([no('HS2'), no('HF1')].flatMap((n) => ['AUDIT#', 'EVALUATION', 'META'].map((prefix) => rowsOf(`CASE#${n}`, prefix))))).flat();
    expect(rows.length).toBe(7 + 2 + 1 + 6 + 2 + 1);
    const records = rows.map((row, i) => ({ eventID: `replay-${i}`, eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: { pk: row.pk, sk: row.sk }, NewImage: row, SequenceNumber: String(1000 + i) } }));
    for (let delivery = 0; delivery < 2; delivery += 1) {
      expect(await invokeFunction('aggregateAssessment', { Records: records })).toEqual({ result: { batchItemFailures: [] }, functionError: null });
    }
    const after = await reportOf('province');
    expect(after.figures).toEqual(before.figures);
    expect(after.children).toEqual(before.children);
  });

  it('a bad review voided on appeal leaves the figures and the drill-down', async () => {
    const hf1 = CASES.find((c) => c.caseNumber === no('HF1'))!;
    const voided: SeedCase = { ...hf1, evaluation: { ...hf1.evaluation!, voided: true }, task: { ...hf1.task!, status: 'appeal_upheld' } };
    await writeRows(seedRows(voided).filter((row) => row.sk.startsWith('EVALUATION')));
    const report = await eventually('the voided review leaves the figures', () => reportOf('province'), (r) => figure(r, 'satisfactionRate').denominator === 3);
    expect(caseFigures(report)).toEqual({ ...PROVINCE_COUNT, satisfactionRate: [2, 3], rectificationRate: [1, 1], callbackRate: [1, 1], overdueRectifications: 0 });
    expect(numbersOf((await casesOf({ scope: 'province', figure: 'satisfactionRate' })).body)).toEqual([no('HS2')]);
    expect(numbersOf((await casesOf({ scope: 'city:340100', figure: 'overdueRectifications' })).body)).toEqual([]);
  });

  it('deliveries racing over one change count it once', async () => {
    const hs1 = CASES.find((c) => c.caseNumber === no('HS1'))!;
    const [evaluation] = seedRows({ ...hs1, evaluation: { level: 'dissatisfied', at: hs1.evaluation!.at } }).filter((row) => row.sk === 'EVALUATION');
    await writeRows([evaluation!]);
    const [row] = await rowsOf(`CASE#${no('HS1')}`, 'EVALUATION');
    const record = { eventID: 'race', eventName: 'MODIFY', eventSource: 'aws:dynamodb', dynamodb: { Keys: { pk: row!.pk, sk: row!.sk }, NewImage: row, SequenceNumber: '1' } };
    // Three invocations at once, and the stream's own delivery of the same change.
    const results = await Promise.all([1, 2, 3].map(() => invokeFunction('aggregateAssessment', { Records: [record] })));
    for (const result of results) expect(result).toEqual({ result: { batchItemFailures: [] }, functionError: null });
    const report = await eventually('the changed review is counted', () => reportOf(`organisation:${HUANGSHAN.organisationCode}`), (r) => figure(r, 'satisfactionRate').numerator === 1);
    expect(caseFigures(report)).toEqual({ ...HUANGSHAN_COUNT, satisfactionRate: [1, 3] });
    expect(caseFigures(await reportOf('province'))).toMatchObject({ satisfactionRate: [1, 3] });
    expect(numbersOf((await casesOf({ scope: 'city:341000', figure: 'satisfactionRate' })).body)).toEqual([no('HS2'), no('HS1')]);
  });

  it('the backfill command recounts every case and item, and changes nothing already counted', async () => {
    Object.assign(process.env, { STAGE: process.env.STAGE ?? 'local', ...LOCAL_AWS_ENV, ...pick(process.env, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']) });
    const before = await reportOf('province');
    const { recountAll } = await import('../../scripts/admin/recount-assessment');
    const result = await recountAll(2);
    expect(result.cases).toBeGreaterThanOrEqual(CASES.length);
    expect(result.items).toBeGreaterThan(0);
    const after = await reportOf('province');
    expect(after.figures).toEqual(before.figures);
    expect(after.months).toEqual(before.months);
  }, 120_000);

  it('a case applied and evaluated through the API is counted this month', async () => {
    const { applicant, caseNumber } = await finishedCase();
    expect((await evaluate(applicant, caseNumber, { level: 'very_satisfied' })).status).toBe(201);
    const month = cstDay(new Date()).slice(0, 7);
    const organisation = `organisation:${HUANGSHAN.organisationCode}`;
    const listed = await eventually(
      'the evaluated case is behind the satisfaction rate',
      async () => (await api<AssessmentCases>(`/staff/assessment/cases?${new URLSearchParams({ scope: organisation, figure: 'satisfactionRate', which: 'all', from: month, to: month, limit: '50' })}`, { headers: asUser(province) })).body,
      (page) => numbersOf(page).includes(caseNumber),
      30_000,
    );
    expect(listed.items.find((c) => c.caseNumber === caseNumber)).toMatchObject({ status: 'delivered' });
    const report = (await assessmentReport(province, { scope: organisation, from: month, to: month })).body;
    expect(figure(report, 'casesOnline').denominator).toBeGreaterThanOrEqual(1);
    expect(figure(report, 'satisfactionRate').denominator).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe('网上考核: who sees what, CSV and the public page', () => {
  it("a city's staff see their organisation and their city, not another city nor the province", async () => {
    const own = await assessmentReport(huangshanStaff, PERIOD);
    expect(own.status).toBe(200);
    expect(own.body.scope).toMatchObject({ kind: 'organisation', code: HUANGSHAN.organisationCode });
    expect((await assessmentReport(huangshanStaff, { scope: 'city:341000', ...PERIOD })).status).toBe(200);
    for (const scope of ['city:340100', 'province', `organisation:${HEFEI.organisationCode}`]) {
      const refused = await assessmentReport(huangshanStaff, { scope, ...PERIOD });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'ASSESSMENT_SCOPE_FORBIDDEN', message: '您只能查看本单位及本单位所在市的考核数据' });
      expect((await casesOf({ scope, figure: 'onTimeRate' }, huangshanStaff)).status).toBe(403);
    }
    expect((await api('/staff/assessment')).status).toBe(401);
    const tooLong = await assessmentReport(province, { scope: 'province', from: '2023-01', to: '2025-01' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'ASSESSMENT_PERIOD_INVALID' });
    expect((await assessmentReport(province, { scope: 'city:349900', ...PERIOD })).body).toMatchObject({ code: 'ASSESSMENT_SCOPE_NOT_FOUND' });
  });

  it('the CSV has the same numbers, with a BOM and a file name', async () => {
    const res = await fetch(`${process.env.API_URL}/staff/assessment/export?${new URLSearchParams({ scope: 'province', ...PERIOD })}`, { headers: asUser(province) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('assessment-340000-2025-03-2025-04.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.toString('utf8').slice(1).trim().split('\r\n').map((line) => line.split(','));
    const column = (name: string) => header!.indexOf(name);
    const row = (code: string) => rows.find((r) => r[1] === code)!;
    const months = rows.filter((r) => r[0] === '全省（月度）');
    expect(months.map((r) => [r[3], r[4], r[column('网上申请办件占比-分母')]])).toEqual([
      ['2025-03', '2025-03', '5'],
      ['2025-04', '2025-04', '3'],
    ]);
    expect(row('340000').slice(0, 3)).toEqual(['全省', '340000', '安徽省']);
    expect(row('340000')[column('网上申请办件占比(%)')]).toBe('75');
    expect(row('340000')[column('网上申请办件占比-分子')]).toBe('6');
    expect(row('340000')[column('网上申请办件占比-分母')]).toBe('8');
    expect(row('340000')[column('超期办件')]).toBe('2');
    expect(row('341000')[column('按时办结率-分子')]).toBe('2');
    expect(row('341000')[column('按时办结率(%)')]).toBe('66.7');
    expect(row('340100')[column('一次性告知按时率(%)')]).toBe('');
    expect(rows).toHaveLength(1 + 17 + 2);
  });

  it('the public report shows the province and its cities without sign-in, and no case', async () => {
    const res = await api<AssessmentReport>(`/public/assessment?${new URLSearchParams(PERIOD)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const staffView = await reportOf('province');
    expect(res.body.figures).toEqual(staffView.figures);
    expect(res.body.children.every((c) => c.scope.kind === 'city')).toBe(true);
    expect(res.body.children).toHaveLength(16);
    const text = JSON.stringify(res.body);
    for (const c of CASES) expect(text).not.toContain(c.caseNumber);
    const city = await api<AssessmentReport>(`/public/assessment?${new URLSearchParams({ region: '341000', ...PERIOD })}`);
    expect(caseFigures(city.body)).toEqual({ ...HUANGSHAN_COUNT, satisfactionRate: [1, 3] });
    expect((await api(`/public/assessment?region=341001`)).status).toBe(404);
  });
});
