import { createHash } from 'node:crypto';

/**
 * The append-only audit log of a case: each entry's hash covers its content and the previous hash,
 * so changing, removing or reordering any stored entry breaks every link after it.
 *
 * Version 2 (every entry written since): the chain starts with the submission, and each entry's payload
 * hash covers what the case shows of it, as stored next to it: the history event (actor, opinion, from,
 * to) with the document it issued, or for the submission the application as submitted. The verifier
 * rebuilds the payload from the stored rows, so changing a history item breaks its entry. Entries
 * without a version were written before: their payload (the request) was never stored, so only their
 * links are checked.
 *
 * Whoever can write the table can still recompute a whole chain. What they cannot rewrite is the
 * anchor of each entry, written once to a locked bucket by a function of its own (audit-anchors.ts):
 * the verifier compares every entry with its anchor.
 */
export interface AuditEntry {
  version?: typeof CHAIN_VERSION;
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string;
  /** Hash of what the entry records (see the payload functions below). */
  payloadHash: string;
  prevHash: string;
  hash: string;
}

/** One entry as stored, with what its payload hash covers, rebuilt from the same row. */
export interface ChainLink {
  entry: AuditEntry;
  payload: unknown;
}

/** An entry's hash as anchored outside the table: written once, never replaced. */
export interface Anchor {
  caseNumber: string;
  seq: number;
  hash: string;
  /** When the entry says it was written. */
  at: string;
  /** When the table's stream says the row was written. */
  writtenAt?: string;
}

export interface ChainVerdict {
  intact: boolean;
  firstBrokenSeq?: number;
  problem?: string;
}

export const CHAIN_VERSION = 2 as const;
export const GENESIS_HASH = '0'.repeat(64);
/** An entry may go unanchored this long (the stream and the anchoring function take seconds). */
export const ANCHOR_GRACE_MS = 5 * 60_000;
/** Clocks of the writer and the verifier may differ by this much. */
const CLOCK_SKEW_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const payloadHash = (payload: unknown) => sha256(canonicalJson(payload));

/** What a step's entry covers: its history event and the document it issued, as the step row stores them. */
export const stepPayload = (step: { event: unknown; document?: unknown }) => ({ event: step.event, document: step.document });

/** The parts of an application the submission's entry covers: all that never changes after submission. */
interface SubmittedApplication {
  submitted: { at: string; actorId: string; action: string; from: string | null; to: string };
  sealedApplicant: unknown;
  masked: unknown;
  fields: unknown;
  smartApproval?: unknown;
  commitments?: unknown;
}

/**
 * What the submission's entry covers: the case number, the submission event and the application as
 * submitted, with the commitments confirmed in the form (a supplement replaces the material list, so that
 * is not here).
 */
export const submissionPayload = (caseNumber: string, application: SubmittedApplication) => ({
  caseNumber,
  event: application.submitted,
  applicant: application.sealedApplicant,
  masked: application.masked,
  fields: application.fields,
  smartApproval: application.smartApproval,
  // Absent on cases without commitments, so their entries hash as they always did.
  commitments: application.commitments,
});

/**
 * Entry 1 of a case's chain, the submission. Everything in it follows from the application row, so the row
 * stores only its hash (`auditHash`, 64 characters: the submission's transaction keeps its write units).
 */
export function submissionEntry(caseNumber: string, application: SubmittedApplication): AuditEntry {
  const { at, actorId, action, from, to } = application.submitted;
  return chainEntry(undefined, { at, actorId, actorRole: 'applicant', action, from, to }, submissionPayload(caseNumber, application));
}

/** Entry 1 as stored: rebuilt from the application row, with the hash the row carries. */
export function submissionLink(caseNumber: string, application: SubmittedApplication & { auditHash: string }): ChainLink {
  return { entry: { ...submissionEntry(caseNumber, application), hash: application.auditHash }, payload: submissionPayload(caseNumber, application) };
}

export function chainEntry(
  previous: { seq: number; hash: string } | undefined,
  entry: Omit<AuditEntry, 'version' | 'seq' | 'prevHash' | 'hash' | 'payloadHash'>,
  payload: unknown,
): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const body = { ...entry, version: CHAIN_VERSION, seq, prevHash, payloadHash: payloadHash(payload) };
  return { ...body, hash: sha256(canonicalJson(body)) };
}

/** Walks the chain; reports the first entry whose hash, link or recorded content does not hold. */
export function verifyChain(links: ChainLink[], head?: { seq: number; hash: string }): ChainVerdict {
  let previousHash = GENESIS_HASH;
  const sorted = [...links].sort((a, b) => a.entry.seq - b.entry.seq);
  for (const [index, { entry, payload }] of sorted.entries()) {
    if (entry.seq !== index + 1) return { intact: false, firstBrokenSeq: index + 1, problem: `第 ${index + 1} 条记录缺失` };
    const { hash, ...body } = entry;
    if (entry.prevHash !== previousHash) return { intact: false, firstBrokenSeq: entry.seq, problem: `第 ${entry.seq} 条记录与上一条的链接不符` };
    const contentChanged = sha256(canonicalJson(body)) !== hash || (entry.version === CHAIN_VERSION && payloadHash(payload) !== entry.payloadHash);
    if (contentChanged) return { intact: false, firstBrokenSeq: entry.seq, problem: `第 ${entry.seq} 条记录的内容已被改动` };
    previousHash = hash;
  }
  if (head && (head.seq !== sorted.length || head.hash !== previousHash)) {
    return { intact: false, firstBrokenSeq: Math.min(head.seq, sorted.length + 1), problem: '日志末尾的记录缺失或被替换' };
  }
  return { intact: true };
}

/**
 * Compares the entries with their anchors. An anchor that differs, or one beyond the last entry, means
 * the log was rewritten or cut. A version-2 entry without an anchor is pending for a few minutes, then
 * reported; entries from before anchoring existed are compared only where an anchor exists.
 */
export function checkAnchors(entries: AuditEntry[], anchors: ReadonlyMap<number, Pick<Anchor, 'hash'>>, now: Date): ChainVerdict & { anchored: number; pending: number } {
  let anchored = 0;
  let pending = 0;
  let broken: { seq: number; problem: string } | undefined;
  const report = (seq: number, problem: string) => {
    if (!broken || seq < broken.seq) broken = { seq, problem };
  };
  const bySeq = new Map(entries.map((entry) => [entry.seq, entry]));
  for (const entry of bySeq.values()) {
    const anchor = anchors.get(entry.seq);
    const age = now.getTime() - Date.parse(entry.at);
    if (anchor) {
      if (anchor.hash === entry.hash) anchored += 1;
      else report(entry.seq, `第 ${entry.seq} 条记录与存证不符`);
    } else if (entry.version === CHAIN_VERSION) {
      if (age < ANCHOR_GRACE_MS && age > -CLOCK_SKEW_MS) pending += 1;
      else report(entry.seq, `第 ${entry.seq} 条记录尚未存证`);
    }
  }
  for (const seq of anchors.keys()) if (!bySeq.has(seq)) report(seq, `第 ${seq} 条记录已存证，但日志中没有这条记录`);
  return { anchored, pending, intact: !broken, ...(broken ? { firstBrokenSeq: broken.seq, problem: broken.problem } : {}) };
}

/** The chain and its anchors together: the earliest problem either finds. */
export function verifyAuditTrail(links: ChainLink[], head: { seq: number; hash: string } | undefined, anchors: ReadonlyMap<number, Pick<Anchor, 'hash'>>, now: Date) {
  const chain = verifyChain(links, head);
  const anchoring = checkAnchors(
    links.map((link) => link.entry),
    anchors,
    now,
  );
  const problems = [chain, anchoring].filter((verdict) => !verdict.intact).sort((a, b) => a.firstBrokenSeq! - b.firstBrokenSeq!);
  const first = problems[0];
  return {
    entries: links.length,
    intact: !first,
    anchored: anchoring.anchored,
    pending: anchoring.pending,
    ...(first ? { firstBrokenSeq: first.firstBrokenSeq!, problem: first.problem! } : {}),
  };
}
