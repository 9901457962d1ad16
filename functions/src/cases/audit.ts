import { createHash } from 'node:crypto';

/**
 * The append-only audit log of a case: each entry's hash covers its content and the previous hash,
 * so changing, removing or reordering any stored entry breaks every link after it.
 */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string;
  /** Hash of what the action recorded (opinion, reasons, defects, document numbers). */
  payloadHash: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

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

export function chainEntry(previous: { seq: number; hash: string } | undefined, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'payloadHash'>, payload: unknown): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const body = { ...entry, seq, prevHash, payloadHash: sha256(canonicalJson(payload)) };
  return { ...body, hash: sha256(canonicalJson(body)) };
}

/** Walks the chain; reports the first entry whose hash or link does not hold. */
export function verifyChain(entries: AuditEntry[], head?: { seq: number; hash: string }): { intact: boolean; firstBrokenSeq?: number; problem?: string } {
  let previousHash = GENESIS_HASH;
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  for (const [index, entry] of sorted.entries()) {
    if (entry.seq !== index + 1) return { intact: false, firstBrokenSeq: index + 1, problem: `第 ${index + 1} 条记录缺失` };
    const { hash, ...body } = entry;
    if (entry.prevHash !== previousHash) return { intact: false, firstBrokenSeq: entry.seq, problem: `第 ${entry.seq} 条记录与上一条的链接不符` };
    if (sha256(canonicalJson(body)) !== hash) return { intact: false, firstBrokenSeq: entry.seq, problem: `第 ${entry.seq} 条记录的内容已被改动` };
    previousHash = hash;
  }
  if (head && (head.seq !== sorted.length || head.hash !== previousHash)) {
    return { intact: false, firstBrokenSeq: Math.min(head.seq, sorted.length + 1), problem: '日志末尾的记录缺失或被替换' };
  }
  return { intact: true };
}
