import { officialCalendar } from '@ah-tourism/shared/src/calendar/official';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import type { CaseRecord, StepRecord } from '../cases/records';
import { catalogUpdates, foldItem } from './catalog-fold';
import { counterUpdates, drillWrites } from './deltas';
import { foldCase, type CaseState } from './fold';

const calendar = officialCalendar();
const NOW = new Date('2026-01-01T00:00:00Z');
const at = (day: string, hour = 10) => `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
const step = (day: string, action: string, completionDays?: number, hour = 10): StepRecord =>
  ({
    entry: {} as StepRecord['entry'],
    event: { at: at(day, hour), seq: 1, action, from: 'pre_review', to: 'accepted', by: 'staff', actorId: 's' },
    ...(completionDays ? { document: { kind: 'acceptance_notice', template: 1, number: 'n', issuedAt: at(day, hour), issuer: 'x', completionDays } } : {}),
  }) as StepRecord;

const record = (over: Partial<CaseRecord> = {}): CaseRecord =>
  ({
    caseNumber: 'C1',
    status: 'delivered',
    version: 5,
    implementationCode: '01001170003341000113410000039113649',
    itemName: '旅行社业务经营许可',
    organisationName: '黄山市文化和旅游局',
    organisationCode: '113410000039113649',
    regionCode: '341000',
    submitterUserId: 'u',
    applicantKind: 'enterprise',
    applicantDisplayName: 'x',
    guideVersion: 1,
    submittedAt: at('2025-03-03'),
    clock: {},
    ...over,
  }) as CaseRecord;
const state = (over: Partial<CaseState> = {}): CaseState => ({ record: record(), steps: [], promisedDays: 20, ...over });

describe('foldCase: what one case counts for, by day', () => {
  it('a submission at the window counts in the denominator of the online share and against it', () => {
    const online = foldCase(state(), calendar, NOW);
    expect(online.counters).toEqual({ '2025-03-03|sub': 1, '2025-03-03|subOn': 1 });
    expect(online.drill).toEqual(['casesOnline|all|2025-03-03']);
    expect(online.city).toBe('341000');
    const window = foldCase(state({ record: record({ channel: 'hall_window' }) }), calendar, NOW);
    expect(window.counters).toEqual({ '2025-03-03|sub': 1 });
    expect(window.drill).toEqual(['casesOnline|all|2025-03-03', 'casesOnline|fail|2025-03-03']);
  });

  it('a decision against the days promised at acceptance, less a special procedure', () => {
    const facts = foldCase(
      state({
        steps: [step('2025-03-10', 'accept', 10, 11), step('2025-03-11', 'start_special_procedure'), step('2025-03-20', 'end_special_procedure'), step('2025-03-24', 'approve')],
      }),
      calendar,
      NOW,
    );
    // 10 working days from 03-10 to 03-24, 7 of them (03-12 … 03-20) in the procedure.
    expect(facts.counters).toMatchObject({ '2025-03-24|done': 1, '2025-03-24|onTime': 1, '2025-03-24|wd': 3, '2025-03-24|pd': 10 });
    expect(facts.counters['2025-03-24|late']).toBeUndefined();
  });

  it('a late decision counts overdue on the last day it had; an open case past its deadline too', () => {
    const late = foldCase(
      state({ record: record({ clock: { completion: { startedAt: at('2025-03-14'), dueAt: '2025-03-18T16:00:00.000Z', pausedAt: at('2025-03-19') } } }), steps: [step('2025-03-14', 'accept', 2), step('2025-03-19', 'approve')] }),
      calendar,
      NOW,
    );
    expect(late.counters).toMatchObject({ '2025-03-19|done': 1, '2025-03-19|wd': 3, '2025-03-18|late': 1 });
    expect(late.counters['2025-03-19|onTime']).toBeUndefined();
    expect(late.drill).toContain('overdueCases|fail|2025-03-18');
    const open = record({ status: 'accepted', clock: { completion: { startedAt: at('2025-04-08'), dueAt: '2025-04-15T16:00:00.000Z' } } });
    expect(foldCase(state({ record: open, steps: [step('2025-04-08', 'accept', 5)] }), calendar, new Date('2025-04-15T12:00:00Z')).counters['2025-04-15|late']).toBeUndefined();
    expect(foldCase(state({ record: open, steps: [step('2025-04-08', 'accept', 5)] }), calendar, new Date('2025-04-16T00:00:00Z')).counters['2025-04-15|late']).toBe(1);
    // Paused in a special procedure: no clock runs, nothing is overdue.
    const paused = record({ status: 'special_procedure', clock: { completion: { startedAt: at('2025-04-08'), pausedAt: at('2025-04-09'), remainingWorkingDays: 3 } } });
    expect(foldCase(state({ record: paused }), calendar, NOW).counters).toEqual({ '2025-03-03|sub': 1, '2025-03-03|subOn': 1 });
  });

  it('a public-service item approved at once is within one working day; its promise is one day', () => {
    const facts = foldCase(
      state({ record: record({ implementationCode: '20001240013341000113410000039113649', status: 'approved' }), steps: [step('2025-04-01', 'auto_approve')], promisedDays: 1 }),
      calendar,
      NOW,
    );
    expect(facts.counters).toEqual({ '2025-03-03|sub': 1, '2025-03-03|subOn': 1, '2025-04-01|done': 1, '2025-04-01|onTime': 1, '2025-04-01|pd': 1, '2025-04-01|ps': 1, '2025-04-01|ps1': 1 });
  });

  it('one-time notices within 5 working days of the submission or resubmission that started the window', () => {
    const facts = foldCase(
      state({ record: record({ submittedAt: at('2025-03-04') }), steps: [step('2025-03-12', 'request_supplement'), step('2025-03-13', 'resubmit'), step('2025-03-20', 'request_supplement')] }),
      calendar,
      NOW,
    );
    // 03-04 → 03-12: 6 working days (late); 03-13 → 03-20: 5 (in time).
    expect(facts.counters).toMatchObject({ '2025-03-12|ntc': 1, '2025-03-20|ntc': 1, '2025-03-20|ntc5': 1 });
    expect(facts.counters['2025-03-12|ntc5']).toBeUndefined();
    expect(facts.drill).toEqual(expect.arrayContaining(['noticesWithinFiveDays|fail|2025-03-12', 'noticesWithinFiveDays|all|2025-03-20']));
    expect(facts.drill).not.toContain('noticesWithinFiveDays|fail|2025-03-20');
  });

  it('evaluations and rectification: satisfied, resolved, called back, late; a voided review counts for nothing', () => {
    const evaluation = { evaluation: { level: 'dissatisfied', at: at('2025-03-25') }, organisationCode: 'o', organisationName: 'n', itemName: 'i' } as unknown as StoredEvaluation;
    const task = { status: 'awaiting_call_back', createdAt: at('2025-03-25'), dueAt: '2025-04-01T16:00:00.000Z', callBacks: [] } as unknown as RectificationTask;
    const open = foldCase(state({ evaluation, task }), calendar, NOW);
    expect(open.counters).toMatchObject({ '2025-03-25|ev': 1, '2025-03-25|bad': 1, '2025-04-01|rectLate': 1 });
    expect(open.counters['2025-03-25|evOk']).toBeUndefined();
    const answered = { ...task, status: 'resolved', callBacks: [{ at: at('2025-03-26') }], response: { at: at('2025-03-27') } } as unknown as RectificationTask;
    expect(foldCase(state({ evaluation, task: answered }), calendar, NOW).counters).toMatchObject({ '2025-03-25|badFixed': 1, '2025-03-25|badCalled': 1 });
    expect(foldCase(state({ evaluation, task: answered }), calendar, NOW).counters['2025-04-01|rectLate']).toBeUndefined();
    const voided = foldCase(state({ evaluation: { ...evaluation, voided: true }, task: { ...task, status: 'appeal_upheld' } }), calendar, NOW);
    expect(Object.keys(voided.counters).filter((k) => !k.endsWith('sub') && !k.endsWith('subOn'))).toEqual([]);
  });

  it('a case imported from the national tourism system counts as submitted offline, and its decision by its own dates; its named steps and 办结 count nothing', () => {
    // As imports/case-rows.ts writes it: no clocks run here, the steps are the national system's.
    const imported = record({ channel: 'national_tourism_system', status: 'closed', submitterUserId: 'national#C1', imported: { nationalCaseNumber: 'QG-1', importId: 'I1', importedAt: at('2025-04-01') } });
    const steps = [step('2025-03-04', 'accept'), step('2025-03-06', 'national_step'), step('2025-03-07', 'approve'), step('2025-03-07', 'close')];
    const facts = foldCase(state({ record: imported, steps, promisedDays: 20 }), calendar, NOW);
    // 3 working days from 03-04 to 03-07 against the item's 20.
    expect(facts.counters).toEqual({ '2025-03-03|sub': 1, '2025-03-07|done': 1, '2025-03-07|onTime': 1, '2025-03-07|wd': 3, '2025-03-07|pd': 20 });
    expect(facts.drill).toEqual(['averageWorkingDays|all|2025-03-07', 'casesOnline|all|2025-03-03', 'casesOnline|fail|2025-03-03', 'onTimeRate|all|2025-03-07']);
    // Still in progress there: no deadline of ours runs, so it is never overdue here.
    const open = record({ channel: 'national_tourism_system', status: 'accepted' });
    expect(foldCase(state({ record: open, steps: [step('2025-03-04', 'accept')] }), calendar, new Date('2026-01-01T00:00:00Z')).counters).toEqual({ '2025-03-03|sub': 1 });
  });
});

describe('deltas: only the difference reaches the aggregates', () => {
  const names = { cities: new Map([['341000', '黄山市'], ['340100', '合肥市']]), province: '安徽省' };
  const before = foldCase(state(), calendar, NOW);

  it('the same facts again write nothing', () => {
    expect(counterUpdates(before, before, names)).toEqual([]);
    expect(drillWrites(before, before, 'C1')).toEqual([]);
  });

  it('a first count touches the organisation day and year, the city year (with the child) and the province year', () => {
    const updates = counterUpdates(undefined, before, names);
    expect(updates.map((u) => `${u.pk} ${u.sk}`).sort()).toEqual(['ASSESS#CITY#341000 Y#2025', 'ASSESS#ORG#113410000039113649 D#2025-03-03', 'ASSESS#ORG#113410000039113649 Y#2025', 'ASSESS#PROVINCE Y#2025']);
    const city = updates.find((u) => u.pk === 'ASSESS#CITY#341000')!;
    expect(city.add).toEqual({ 'm03#sub': 1, 'm03#subOn': 1, 'c#113410000039113649#m03#sub': 1, 'c#113410000039113649#m03#subOn': 1 });
    expect(city.set).toMatchObject({ name: '黄山市', 'n#113410000039113649': '黄山市文化和旅游局' });
    expect(updates.find((u) => u.pk === 'ASSESS#PROVINCE')!.add).toMatchObject({ 'c#341000#m03#sub': 1 });
  });

  it('a transfer moves the counts from one organisation to the other', () => {
    const after = { ...before, organisationCode: '113401000030141720', organisationName: '合肥市文化和旅游局', city: '340100' };
    const updates = counterUpdates(before, after, names);
    expect(updates.find((u) => u.pk === 'ASSESS#ORG#113410000039113649' && u.sk === 'Y#2025')!.add).toEqual({ 'm03#sub': -1, 'm03#subOn': -1 });
    expect(updates.find((u) => u.pk === 'ASSESS#ORG#113401000030141720' && u.sk === 'Y#2025')!.add).toEqual({ 'm03#sub': 1, 'm03#subOn': 1 });
    // The province's own totals do not move; its children do.
    expect(updates.find((u) => u.pk === 'ASSESS#PROVINCE')!.add).toEqual({ 'c#341000#m03#sub': -1, 'c#341000#m03#subOn': -1, 'c#340100#m03#sub': 1, 'c#340100#m03#subOn': 1 });
    const drill = drillWrites(before, after, 'C1');
    expect(drill.map((d) => [d.put, d.item.pk])).toEqual([
      [false, 'ASSESS#ORG#113410000039113649#casesOnline#all'],
      [true, 'ASSESS#ORG#113401000030141720#casesOnline#all'],
    ]);
    expect(drill[1]!.item).toMatchObject({ gsi1pk: 'ASSESS#CITY#340100#casesOnline#all', gsi2pk: 'ASSESS#PROVINCE#casesOnline#all', sk: '2025-03-03#C1' });
  });

  it('a provincial organisation is a child of the province', () => {
    const provincial = { ...before, organisationCode: '11340000003325011J', organisationName: '安徽省文化和旅游厅', city: undefined };
    delete (provincial as { city?: string }).city;
    const updates = counterUpdates(undefined, provincial, names);
    expect(updates.some((u) => u.pk.startsWith('ASSESS#CITY'))).toBe(false);
    expect(updates.find((u) => u.pk === 'ASSESS#PROVINCE')!.add).toMatchObject({ 'c#11340000003325011J#m03#sub': 1 });
  });

  it('an item counts once in its organisation, city and province catalogs; a changed item by the difference', () => {
    const summary = { implementationCode: '07001250003341000113410000039113649', regionCode: '341000', organisationName: '黄山市文化和旅游局', onlineDepth: 3, visitsRequired: 1, negativeListed: true } as never;
    const item = foldItem(summary);
    expect(item.counts).toEqual({ items: 1, online: 1, le1: 1, zero: 0, outside: 0, outsideZero: 0 });
    const changed = foldItem({ ...(summary as object), visitsRequired: 0, negativeListed: false } as never);
    const updates = catalogUpdates(item, changed, names);
    expect(updates.find((u) => u.pk === 'ASSESS#ORG#113410000039113649')!.add).toEqual({ zero: 1, outside: 1, outsideZero: 1 });
    expect(updates.find((u) => u.pk === 'ASSESS#PROVINCE')!.add).toMatchObject({ 'c#341000#zero': 1 });
  });
});
