import type { Evaluation, EvaluationLevel, EvaluationTag, FeedbackChannel } from '@ah-tourism/shared';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';
import { aggregateFeedback, statsPeriod, withoutContactDetails } from './stats';

const ORG = { organisationCode: '113410000039113649', organisationName: '黄山市文化和旅游局', from: '2026-11-01', to: '2026-11-30' };
const TRAVEL = { implementationCode: 'A', itemName: '旅行社业务经营许可' };
const OUTLET = { implementationCode: 'B', itemName: '旅行社服务网点设立备案' };

function stored(
  item: { implementationCode: string; itemName: string },
  level: EvaluationLevel,
  options: { tags?: EvaluationTag[]; comment?: string; channel?: FeedbackChannel; dimensions?: Evaluation['dimensions']; voided?: boolean } = {},
): StoredEvaluation {
  return {
    evaluation: {
      subjectKind: 'case',
      subjectId: `X${Math.random()}`,
      level,
      levelLabel: level,
      dimensions: options.dimensions ?? {},
      tags: options.tags ?? [],
      tagLabels: [],
      ...(options.comment ? { comment: options.comment } : {}),
      channel: options.channel ?? 'miniapp',
      channelLabel: '',
      at: '2026-11-10T02:00:00.000Z',
    },
    organisationCode: ORG.organisationCode,
    organisationName: ORG.organisationName,
    ...item,
    ...(options.voided ? { voided: true } : {}),
  };
}

function task(status: RectificationTask['status'], dueAt: string, callBacks: number): RectificationTask {
  return {
    subjectKind: 'case',
    subjectId: 'X',
    partition: 'CASE#X',
    organisationCode: ORG.organisationCode,
    organisationName: ORG.organisationName,
    itemName: TRAVEL.itemName,
    level: 'dissatisfied',
    tags: [],
    channel: 'miniapp',
    status,
    createdAt: '2026-11-10T02:00:00.000Z',
    dueAt,
    version: 1,
    personName: '张*',
    callBacks: Array.from({ length: callBacks }, () => ({ at: '2026-11-11T02:00:00.000Z', method: 'phone' as const, reached: true, note: '已联系', by: '王' })),
    history: [],
  };
}

/*
 * The hand-counted set (12 evaluations, one voided on appeal, so 11 valid):
 *   旅行社业务经营许可 (A): 非常满意 ×3, 满意 ×2, 基本满意 ×1, 不满意 ×2, 非常不满意 ×1  → 9, 3 bad
 *   旅行社服务网点设立备案 (B): 非常满意 ×1, 不满意 ×1                                   → 2, 1 bad
 *   plus one 非常不满意 on A voided on appeal (not counted).
 * Satisfaction = (11 − 4) / 11 = 0.6364. Bad tags: overdue ×3, beyond_guide ×2, attitude ×1 (the voided one's
 * overdue is not counted; a praise tag on a bad review is not a praise point). Praise tags: fast ×3, no_visit ×2.
 * Pain keywords (in bad comments): 材料 ×2, 排队 ×1, 态度 ×1. Praise keywords (good comments): 快 ×2, 方便 ×2.
 * 办事效率: 5,5,4,2 → 4.0; 平台操作性: 3,1 → 2.0. Channels: miniapp 8, hall_window 2, hotline_12301 1.
 * Tasks: 5 (one per bad review, incl. the voided one): 3 called back; 2 still open, one of them past due.
 */
const SET: StoredEvaluation[] = [
  stored(TRAVEL, 'very_satisfied', { tags: ['fast', 'no_visit'], comment: '办得很快，很方便', dimensions: { efficiency: 'very_satisfied' } }),
  stored(TRAVEL, 'very_satisfied', { tags: ['fast'], comment: '快', dimensions: { efficiency: 'very_satisfied' } }),
  stored(TRAVEL, 'very_satisfied', { channel: 'hall_window' }),
  stored(TRAVEL, 'satisfied', { tags: ['no_visit'], comment: '操作方便', dimensions: { efficiency: 'satisfied', usability: 'basically_satisfied' } }),
  stored(TRAVEL, 'satisfied', { channel: 'hall_window' }),
  stored(TRAVEL, 'basically_satisfied', { tags: ['fast'] }),
  stored(TRAVEL, 'dissatisfied', { tags: ['overdue', 'beyond_guide'], comment: '又要补材料，超过时限', dimensions: { efficiency: 'dissatisfied' } }),
  stored(TRAVEL, 'dissatisfied', { tags: ['overdue', 'fast'], comment: '排队太久', channel: 'hotline_12301' }),
  stored(TRAVEL, 'very_dissatisfied', { tags: ['attitude', 'beyond_guide'], comment: '态度不好，材料要了三次', dimensions: { usability: 'very_dissatisfied' } }),
  stored(OUTLET, 'very_satisfied'),
  stored(OUTLET, 'dissatisfied', { tags: ['overdue'] }),
  stored(TRAVEL, 'very_dissatisfied', { tags: ['overdue'], comment: '材料', voided: true }),
];
const TASKS = [
  task('resolved', '2026-11-17T16:00:00.000Z', 1),
  task('rectifying', '2026-11-17T16:00:00.000Z', 1),
  task('appeal_upheld', '2026-11-17T16:00:00.000Z', 1),
  task('awaiting_call_back', '2026-11-20T16:00:00.000Z', 0),
  task('awaiting_call_back', '2026-12-20T16:00:00.000Z', 0),
];

describe('pain points and praise points', () => {
  const stats = aggregateFeedback(ORG, SET, TASKS, new Date('2026-11-27T04:00:00.000Z'));

  it('counts the valid evaluations per level and leaves the voided one apart', () => {
    expect(stats.total).toBe(11);
    expect(stats.voided).toBe(1);
    expect(stats.distribution.map((d) => [d.label, d.count])).toEqual([
      ['非常满意', 4],
      ['满意', 2],
      ['基本满意', 1],
      ['不满意', 3],
      ['非常不满意', 1],
    ]);
    expect(stats.badReviews).toBe(4);
    expect(stats.satisfactionRate).toBe(0.6364);
  });

  it('names the pain points and the praise points', () => {
    expect(stats.painPoints.tags.map((t) => [t.key, t.count])).toEqual([
      ['overdue', 3],
      ['beyond_guide', 2],
      ['attitude', 1],
    ]);
    expect(stats.painPoints.keywords.map((k) => [k.label, k.count])).toEqual([
      ['材料', 2],
      ['排队', 1],
      ['态度', 1],
    ]);
    expect(stats.praisePoints.tags.map((t) => [t.key, t.count])).toEqual([
      ['fast', 3],
      ['no_visit', 2],
    ]);
    expect(stats.praisePoints.keywords.map((k) => [k.label, k.count])).toEqual([
      ['快', 2],
      ['方便', 2],
    ]);
  });

  it('does not count 电话 in a number left to be called back, only where the phone went wrong', () => {
    expect(withoutContactDetails('材料要求前后不一，我的电话139****2345，请回电')).not.toContain('电话');
    expect(withoutContactDetails('联系方式：0551-6299****')).not.toContain('联系方式');
    expect(withoutContactDetails('打电话没人接')).toContain('电话');
    const calls = aggregateFeedback(
      ORG,
      [stored(TRAVEL, 'dissatisfied', { comment: '排队太久，电话：139****2345' }), stored(TRAVEL, 'very_dissatisfied', { comment: '咨询电话打不通' })],
      [],
      new Date('2026-11-27T04:00:00.000Z'),
    );
    expect(calls.painPoints.keywords.map((k) => [k.label, k.count])).toEqual([
      ['排队', 1],
      ['电话', 1],
      ['打不通', 1],
    ]);
  });

  it('averages the dimensions and counts the channels', () => {
    expect(stats.dimensions.find((d) => d.key === 'efficiency')).toMatchObject({ average: 4, count: 4 });
    expect(stats.dimensions.find((d) => d.key === 'usability')).toMatchObject({ average: 2, count: 2 });
    expect(stats.dimensions.find((d) => d.key === 'convenience')).toMatchObject({ average: null, count: 0 });
    expect(Object.fromEntries(stats.channels.map((c) => [c.key, c.count]))).toEqual({ miniapp: 8, portal: 0, hall_window: 2, hotline_12301: 1 });
  });

  it('reports rectification and the call-back rate', () => {
    expect(stats.rectification).toEqual({ total: 5, open: 2, overdue: 1, calledBack: 3, callBackRate: 0.6 });
  });

  it('breaks the figures down per item, busiest first', () => {
    expect(stats.items).toEqual([
      { implementationCode: 'A', itemName: '旅行社业务经营许可', total: 9, badReviews: 3, satisfactionRate: 0.6667 },
      { implementationCode: 'B', itemName: '旅行社服务网点设立备案', total: 2, badReviews: 1, satisfactionRate: 0.5 },
    ]);
  });

  it('has no rate to report when nothing was evaluated', () => {
    const empty = aggregateFeedback(ORG, [], [], new Date());
    expect(empty.satisfactionRate).toBeNull();
    expect(empty.rectification.callBackRate).toBeNull();
    expect(empty.painPoints.tags).toEqual([]);
  });

  it('defaults to the last 90 days in China Standard Time', () => {
    const period = statsPeriod({}, new Date('2026-11-27T20:00:00.000Z'));
    expect(period).toEqual({ from: '2026-08-31', to: '2026-11-28', fromInstant: '2026-08-30T16:00:00.000Z', toInstant: '2026-11-28T16:00:00.000Z' });
  });
});
