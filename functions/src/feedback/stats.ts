import {
  BAD_REVIEW_TAGS,
  EVALUATION_DIMENSIONS,
  EVALUATION_DIMENSION_KEYS,
  EVALUATION_LEVELS,
  EVALUATION_LEVEL_KEYS,
  FEEDBACK_CHANNELS,
  FEEDBACK_CHANNEL_KEYS,
  PAIN_KEYWORDS,
  PRAISE_KEYWORDS,
  PRAISE_TAGS,
  cstDay,
  cstInstant,
  isBadReview,
  isBadReviewTag,
  type FeedbackStats,
} from '@ah-tourism/shared';
import type { RectificationTask, StoredEvaluation } from '../cases/feedback-records';

type Count = { key: string; label: string; count: number };

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Counts per key, most frequent first (ties by the order the keys were given), zero counts dropped. */
function ranked(keys: readonly string[], label: (key: string) => string, counts: Map<string, number>, top = 10): Count[] {
  return keys
    .map((key, order) => ({ key, label: label(key), count: counts.get(key) ?? 0, order }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, top)
    .map(({ key, label: text, count }) => ({ key, label: text, count }));
}

function bump(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * A number the person left to be called back ("我的电话139****2345", "联系方式：0551-…") says nothing about
 * the service: without it, 电话 counts only where the phone is what went wrong (打电话没人接).
 */
const CONTACT_DETAILS = /(联系|我的|本人)?(电话|手机|手机号|联系方式)(号码)?\s*(是|为|[:：])?\s*[\d*＊][\d*＊\- ]{5,}/g;

export function withoutContactDetails(comment: string): string {
  return comment.replace(CONTACT_DETAILS, ' ');
}

/** How many comments mention each keyword (once per comment, however often it is repeated). */
function keywordCounts(comments: string[], keywords: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const comment of comments.map(withoutContactDetails)) for (const keyword of keywords) if (comment.includes(keyword)) bump(counts, keyword);
  return counts;
}

/**
 * Pain points and praise points of one organisation over a period: the figures of the 好差评 standard
 * (distribution, satisfaction rate = 非常满意 + 满意 + 基本满意 over all valid evaluations), the dimensions,
 * the channels, what bad reviews complain about (tags and comment keywords), what good ones praise, and
 * how the rectification of bad reviews goes. Evaluations voided on appeal are counted apart.
 */
export function aggregateFeedback(
  scope: { organisationCode: string; organisationName: string; from: string; to: string },
  stored: StoredEvaluation[],
  tasks: RectificationTask[],
  now: Date,
): FeedbackStats {
  const valid = stored.filter((s) => !s.voided);
  const levels = new Map<string, number>();
  const channels = new Map<string, number>();
  const painTags = new Map<string, number>();
  const praiseTags = new Map<string, number>();
  const dimensionSums = new Map<string, { sum: number; count: number }>();
  const items = new Map<string, { implementationCode: string; itemName: string; total: number; bad: number }>();
  const badComments: string[] = [];
  const goodComments: string[] = [];

  for (const { evaluation, implementationCode, itemName } of valid) {
    const bad = isBadReview(evaluation.level);
    bump(levels, evaluation.level);
    bump(channels, evaluation.channel);
    for (const tag of evaluation.tags) {
      if (bad && isBadReviewTag(tag)) bump(painTags, tag);
      if (!bad && !isBadReviewTag(tag)) bump(praiseTags, tag);
    }
    for (const dimension of EVALUATION_DIMENSION_KEYS) {
      const level = evaluation.dimensions[dimension];
      if (!level) continue;
      const entry = dimensionSums.get(dimension) ?? { sum: 0, count: 0 };
      entry.sum += EVALUATION_LEVELS[level].score;
      entry.count += 1;
      dimensionSums.set(dimension, entry);
    }
    if (evaluation.comment) (bad ? badComments : goodComments).push(evaluation.comment);
    const key = implementationCode ?? itemName;
    const item = items.get(key) ?? { implementationCode: implementationCode ?? '', itemName, total: 0, bad: 0 };
    item.total += 1;
    if (bad) item.bad += 1;
    items.set(key, item);
  }

  const badReviews = EVALUATION_LEVEL_KEYS.filter(isBadReview).reduce((sum, level) => sum + (levels.get(level) ?? 0), 0);
  const open = tasks.filter((t) => t.status === 'awaiting_call_back' || t.status === 'awaiting_response');
  const instant = now.toISOString();
  const calledBack = tasks.filter((t) => t.callBacks.length > 0).length;
  return {
    organisationCode: scope.organisationCode,
    organisationName: scope.organisationName,
    from: scope.from,
    to: scope.to,
    total: valid.length,
    voided: stored.length - valid.length,
    distribution: EVALUATION_LEVEL_KEYS.map((level) => ({ key: level, label: EVALUATION_LEVELS[level].label, count: levels.get(level) ?? 0 })),
    satisfactionRate: ratio(valid.length - badReviews, valid.length),
    badReviews,
    dimensions: EVALUATION_DIMENSION_KEYS.map((key) => {
      const entry = dimensionSums.get(key);
      return { key, label: EVALUATION_DIMENSIONS[key], average: entry ? round2(entry.sum / entry.count) : null, count: entry?.count ?? 0 };
    }),
    channels: FEEDBACK_CHANNEL_KEYS.map((key) => ({ key, label: FEEDBACK_CHANNELS[key], count: channels.get(key) ?? 0 })),
    painPoints: {
      tags: ranked(Object.keys(BAD_REVIEW_TAGS), (key) => BAD_REVIEW_TAGS[key as keyof typeof BAD_REVIEW_TAGS], painTags),
      keywords: ranked(PAIN_KEYWORDS, (key) => key, keywordCounts(badComments, PAIN_KEYWORDS)),
    },
    praisePoints: {
      tags: ranked(Object.keys(PRAISE_TAGS), (key) => PRAISE_TAGS[key as keyof typeof PRAISE_TAGS], praiseTags),
      keywords: ranked(PRAISE_KEYWORDS, (key) => key, keywordCounts(goodComments, PRAISE_KEYWORDS)),
    },
    rectification: {
      total: tasks.length,
      open: open.length,
      overdue: open.filter((t) => instant > t.dueAt).length,
      calledBack,
      callBackRate: ratio(calledBack, tasks.length),
    },
    items: [...items.values()]
      .sort((a, b) => b.total - a.total || a.itemName.localeCompare(b.itemName))
      .map((item) => ({ implementationCode: item.implementationCode, itemName: item.itemName, total: item.total, badReviews: item.bad, satisfactionRate: ratio(item.total - item.bad, item.total) })),
  };
}

/** The period of a stats request: `from`/`to` as China Standard Time days, by default the last 90 days. */
export function statsPeriod(query: { from?: string; to?: string }, now: Date): { from: string; to: string; fromInstant: string; toInstant: string } {
  const to = query.to ?? cstDay(now);
  const from = query.from ?? cstDay(new Date(Date.parse(cstInstant(to, 12)) - 89 * 24 * 3600_000));
  return { from, to, fromInstant: cstInstant(from, 0), toInstant: cstInstant(to, 24) };
}
