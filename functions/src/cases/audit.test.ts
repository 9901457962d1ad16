import { createHash } from 'node:crypto';
import { ANCHOR_GRACE_MS, GENESIS_HASH, canonicalJson, chainEntry, checkAnchors, stepPayload, submissionEntry, submissionLink, verifyAuditTrail, verifyChain, type AuditEntry, type ChainLink } from './audit';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const application = {
  submitted: { at: at(0), seq: 0, action: 'submit', from: null, to: 'pre_review', by: 'applicant', actorId: 'u1' },
  sealedApplicant: { v: 1, key: 'k', iv: 'i', tag: 't', data: 'd' },
  masked: { idNumber: '9134************' },
  fields: { agencyName: '黄山云海旅行社有限公司', registeredCapital: 30 },
};
const step = (seq: number, action: string, opinion: string) => ({
  event: { at: at(seq), seq, action, from: 'pre_review', to: 'accepted', by: 'staff', actorId: `staff-${seq}`, actorName: '张三', opinion },
  document: { kind: 'acceptance_notice', number: `黄文旅受〔2026〕${seq}号` },
});

/** A case as the functions write it: the submission, then staff steps, each entry over its stored content. */
function writtenCase(steps = 3) {
  const links: ChainLink[] = [];
  // The application row stores only the hash of entry 1; the entry is rebuilt from the row.
  links.push(submissionLink('C1', { ...application, auditHash: submissionEntry('C1', application).hash }));
  for (let i = 2; i <= steps + 1; i += 1) {
    const row = step(i, 'accept', `意见${i}`);
    const entry = chainEntry(links[links.length - 1]!.entry, { at: row.event.at, actorId: row.event.actorId, actorRole: 'pre_review', action: 'accept', from: 'pre_review', to: 'accepted' }, stepPayload(row));
    links.push({ entry, payload: stepPayload(row) });
  }
  const last = links[links.length - 1]!.entry;
  return { links, head: { seq: last.seq, hash: last.hash } };
}

const anchorsOf = (links: ChainLink[]) => new Map(links.map(({ entry }) => [entry.seq, { hash: entry.hash }]));

describe('the audit chain (version 2)', () => {
  it('starts with the submission and holds over the stored content', () => {
    const { links, head } = writtenCase();
    expect(links[0]!.entry).toMatchObject({ seq: 1, action: 'submit', version: 2, prevHash: GENESIS_HASH });
    expect(verifyChain(links, head)).toEqual({ intact: true });
  });

  it('breaks when a history item (the opinion or the actor) is changed in its row', () => {
    const { links, head } = writtenCase();
    const tampered = structuredClone(links);
    (tampered[2]!.payload as { event: { opinion: string } }).event.opinion = '材料齐全，同意受理';
    expect(verifyChain(tampered, head)).toEqual({ intact: false, firstBrokenSeq: 3, problem: '第 3 条记录的内容已被改动' });
    const actor = structuredClone(links);
    (actor[1]!.payload as { event: { actorName: string } }).event.actorName = '李四';
    expect(verifyChain(actor, head)).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });

  it('breaks when the application as submitted is changed in its row', () => {
    const { links, head } = writtenCase();
    const auditHash = links[0]!.entry.hash;
    const changed = { ...application, fields: { ...application.fields, registeredCapital: 300 } };
    expect(verifyChain([submissionLink('C1', { ...changed, auditHash }), ...links.slice(1)], head)).toEqual({ intact: false, firstBrokenSeq: 1, problem: '第 1 条记录的内容已被改动' });
    const otherCase = submissionLink('C2', { ...application, auditHash });
    expect(verifyChain([otherCase, ...links.slice(1)], head)).toMatchObject({ intact: false, firstBrokenSeq: 1 });
  });

  it('covers the commitments confirmed in the form (告知承诺制), and hashes an application without any as before', () => {
    const commitments = [{ materialId: 'facilities', confirmedAt: at(1), confirmedBy: { userId: 'u1', applicantName: '黄山云海旅行社有限公司' }, guideVersion: 1, textHash: 'a'.repeat(64), algorithm: 'SM3' }];
    expect(submissionEntry('C1', { ...application, commitments: undefined }).hash).toBe(submissionEntry('C1', application).hash);
    const promised = { ...application, commitments };
    const auditHash = submissionEntry('C1', promised).hash;
    expect(auditHash).not.toBe(submissionEntry('C1', application).hash);
    expect(verifyChain([submissionLink('C1', { ...promised, auditHash })])).toEqual({ intact: true });
    const otherText = { ...promised, commitments: [{ ...commitments[0]!, textHash: 'b'.repeat(64) }] };
    expect(verifyChain([submissionLink('C1', { ...otherText, auditHash })])).toEqual({ intact: false, firstBrokenSeq: 1, problem: '第 1 条记录的内容已被改动' });
    expect(verifyChain([submissionLink('C1', { ...application, auditHash })])).toMatchObject({ intact: false, firstBrokenSeq: 1 });
  });

  it('still verifies entries written before version 2, whose payload was never stored', () => {
    // An entry exactly as the earlier code wrote it: no version, the payload hash over the (unstored) request.
    const body = { at: at(1), actorId: 's', actorRole: 'pre_review', action: 'accept', from: 'pre_review', to: 'accepted', seq: 1, prevHash: GENESIS_HASH, payloadHash: sha256(canonicalJson({ request: { action: 'accept' } })) };
    const legacy: AuditEntry = { ...body, hash: sha256(canonicalJson(body)) };
    const row = step(2, 'complete_review', '符合条件');
    const next = chainEntry(legacy, { at: at(2), actorId: 'r', actorRole: 'review', action: 'complete_review', from: 'accepted', to: 'reviewed' }, stepPayload(row));
    const links = [{ entry: legacy, payload: stepPayload(step(1, 'accept', 'whatever is stored')) }, { entry: next, payload: stepPayload(row) }];
    expect(verifyChain(links, { seq: 2, hash: next.hash })).toEqual({ intact: true });
    // Before anchoring existed nothing was anchored: that is no fault; the new entry is anchored as usual.
    expect(verifyAuditTrail(links, { seq: 2, hash: next.hash }, new Map([[2, { hash: next.hash }]]), new Date(T0 + 3_600_000))).toMatchObject({ intact: true, anchored: 1, pending: 0 });
  });
});

describe('the anchors', () => {
  const later = new Date(T0 + 3_600_000);

  it('catch a rewritten entry even when the whole chain and its head were recomputed', () => {
    const { links } = writtenCase();
    const anchors = anchorsOf(links);
    // An insider changes step 3's opinion and recomputes every hash after it, and the head.
    const rewritten: ChainLink[] = links.slice(0, 2);
    for (const original of links.slice(2)) {
      const payload = structuredClone(original.payload) as ReturnType<typeof step>;
      if (original.entry.seq === 3) payload.event.opinion = '同意';
      const { entry } = original;
      const again = chainEntry(rewritten[rewritten.length - 1]!.entry, { at: entry.at, actorId: entry.actorId, actorRole: entry.actorRole, action: entry.action, from: entry.from, to: entry.to }, stepPayload(payload));
      rewritten.push({ entry: again, payload: stepPayload(payload) });
    }
    const head = { seq: rewritten.length, hash: rewritten[rewritten.length - 1]!.entry.hash };
    expect(verifyChain(rewritten, head)).toEqual({ intact: true });
    expect(verifyAuditTrail(rewritten, head, anchors, later)).toEqual({ entries: 4, intact: false, anchored: 2, pending: 0, firstBrokenSeq: 3, problem: '第 3 条记录与存证不符' });
  });

  it('catch a log cut short with its head moved back', () => {
    const { links } = writtenCase();
    const cut = links.slice(0, 3);
    const head = { seq: 3, hash: cut[2]!.entry.hash };
    expect(verifyChain(cut, head)).toEqual({ intact: true });
    expect(verifyAuditTrail(cut, head, anchorsOf(links), later)).toMatchObject({ intact: false, firstBrokenSeq: 4, problem: '第 4 条记录已存证，但日志中没有这条记录' });
  });

  it('leave a just-written entry pending, and report one still unanchored after a few minutes', () => {
    const { links, head } = writtenCase();
    const anchors = anchorsOf(links.slice(0, 3));
    const soon = new Date(Date.parse(links[3]!.entry.at) + 10_000);
    expect(verifyAuditTrail(links, head, anchors, soon)).toEqual({ entries: 4, intact: true, anchored: 3, pending: 1 });
    const late = new Date(Date.parse(links[3]!.entry.at) + ANCHOR_GRACE_MS + 1);
    expect(verifyAuditTrail(links, head, anchors, late)).toMatchObject({ intact: false, firstBrokenSeq: 4, problem: '第 4 条记录尚未存证' });
    // An entry dated in the future cannot hide behind the grace period.
    const future = { ...links[3]!.entry, at: new Date(T0 + 86_400_000).toISOString() };
    expect(checkAnchors([...links.slice(0, 3).map((l) => l.entry), future], anchors, later)).toMatchObject({ intact: false, firstBrokenSeq: 4, problem: '第 4 条记录尚未存证' });
  });

  it('report the earliest problem of the chain and the anchors', () => {
    const { links, head } = writtenCase();
    const anchors = anchorsOf(links);
    anchors.set(2, { hash: 'f'.repeat(64) });
    const tampered = structuredClone(links);
    (tampered[3]!.payload as { event: { opinion: string } }).event.opinion = '改过';
    expect(verifyAuditTrail(tampered, head, anchors, later)).toMatchObject({ intact: false, firstBrokenSeq: 2, problem: '第 2 条记录与存证不符' });
  });
});
