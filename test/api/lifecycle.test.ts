import { QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { ImplementationItem } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { api } from '../support/api';
import { MINIMAL_PDF, TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem, upload } from '../support/applications';
import { REFUSAL_REMEDY, act, applicantCase, staffCase } from '../support/lifecycle';
import { HUANGSHAN_BUREAU, PROVINCE_DEPARTMENT, invokeFunction, newStaff, rowsOf } from '../support/notifications';
import { anchorsOf, fullyAnchored, rewriteAsInsider, storedEntries, verifyAudit } from '../support/audit';

const json = { 'Content-Type': 'application/json' };
let item: ImplementationItem;
let preReviewer: string;
let reviewer: string;
let decider: string;
let deliverer: string;

beforeAll(async () => {
  item = await travelAgencyItem();
  const tokens = await Promise.all(['city-pre_review', 'city-review', 'city-decide', 'city-deliver'].map(async (persona) => (await signInAs(persona)).accessToken));
  [preReviewer, reviewer, decider, deliverer] = tokens as [string, string, string, string];
});

async function submitCase() {
  const applicant = await newUser();
  const res = await submitApplication(applicant, await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS));
  expect(res.status).toBe(201);
  return { applicant, caseNumber: res.body.caseNumber as string };
}

const uploadedMaterials = () => item.guide.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required');

describe('the lifecycle, from pre-review to delivery', () => {
  it('takes a case through a one-time notice, a supplement, acceptance, review, approval and delivery', async () => {
    const { applicant, caseNumber } = await submitCase();
    const [first, second] = uploadedMaterials();

    const notice = await act(preReviewer, caseNumber, {
      action: 'request_supplement',
      defects: [
        { materialId: first!.id, reason: '复印件不清晰，请上传清晰的扫描件' },
        { materialId: second!.id, reason: '缺少法定代表人签字' },
      ],
    });
    expect(notice.status).toBe(200);
    expect(notice.body.status).toBe('supplement_requested');

    let mine = await applicantCase(applicant, caseNumber);
    expect(mine.status).toBe('supplement_requested');
    expect(mine.supplement?.materialIds.sort()).toEqual([first!.id, second!.id].sort());
    const letter = mine.documents.find((d) => d.kind === 'supplement_notice')!;
    expect(letter.title).toBe('补正材料一次性告知书');
    expect(letter.number).toMatch(/^黄文旅补告〔\d{4}〕\d+号$/);
    expect(letter.defects?.map((d) => d.subject).sort()).toEqual([first!.name, second!.name].sort());
    expect(mine.actions).toEqual(['resubmit', 'withdraw']);
    expect(mine.deadlines.find((d) => d.kind === 'pre_review')?.paused).toBe(true);

    // Only the reopened materials, and all of them.
    const third = item.guide.materials.find((m) => m.source === 'applicant' && ![first!.id, second!.id].includes(m.id));
    const onlyOne = await api(`/cases/${caseNumber}/resubmit`, {
      method: 'POST',
      headers: asUser(applicant, json),
      body: JSON.stringify({ version: mine.version, materials: { [first!.id]: [await upload(applicant, item.implementationCode, first!.id, MINIMAL_PDF)], ...(third ? { [third.id]: [await upload(applicant, item.implementationCode, third.id, MINIMAL_PDF)] } : {}) } }),
    });
    expect(onlyOne.status).toBe(400);
    expect(onlyOne.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining([`materials.${second!.id}`]));

    const resubmitted = await api(`/cases/${caseNumber}/resubmit`, {
      method: 'POST',
      headers: asUser(applicant, json),
      body: JSON.stringify({
        version: mine.version,
        materials: {
          [first!.id]: [await upload(applicant, item.implementationCode, first!.id, MINIMAL_PDF, { fileName: '清晰扫描件.pdf' })],
          [second!.id]: [await upload(applicant, item.implementationCode, second!.id, MINIMAL_PDF, { fileName: '已签字.pdf' })],
        },
      }),
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('pre_review');
    expect(resubmitted.body.materials.find((m: { materialId: string }) => m.materialId === first!.id).files[0].fileName).toBe('清晰扫描件.pdf');

    const staffView = (await staffCase(preReviewer, caseNumber)).body;
    expect(staffView.materials.find((m) => m.materialId === first!.id)?.state).toBe('resubmitted');
    expect(staffView.actions).toEqual(['request_supplement', 'accept', 'not_accept', 'transfer']);
    expect(staffView.applicant.idNumber).toMatch(/^91341000MA2T3K4L5/);

    expect((await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全，符合法定形式' })).status).toBe(200);
    expect((await act(reviewer, caseNumber, { action: 'complete_review', opinion: '经审查符合《旅行社条例》规定的条件' })).status).toBe(200);
    expect((await act(decider, caseNumber, { action: 'approve', opinion: '同意' })).status).toBe(200);
    const delivered = await act(deliverer, caseNumber, { action: 'deliver', delivery: { method: 'electronic' } });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');

    mine = await applicantCase(applicant, caseNumber);
    expect(mine.status).toBe('delivered');
    expect(mine.documents.map((d) => d.kind)).toEqual(['supplement_notice', 'acceptance_notice', 'approval_decision']);
    expect(mine.documents.find((d) => d.kind === 'acceptance_notice')!.paragraphs.join('')).toContain('承诺办结时限');
    expect(mine.history.map((h) => h.action)).toEqual(['submit', 'request_supplement', 'resubmit', 'accept', 'complete_review', 'approve', 'deliver']);

    // The submission and six steps; entries written a moment ago may still be on their way to the anchors.
    const audit = await verifyAudit(preReviewer, caseNumber);
    expect(audit).toMatchObject({ caseNumber, entries: 7, intact: true });
    expect(audit.anchored + audit.pending).toBe(7);
  });

  it('refuses with a reason and the legal remedy, and records both in the decision', async () => {
    const { applicant, caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    await act(reviewer, caseNumber, { action: 'complete_review', opinion: '注册资本不足' });
    const bare = await act(decider, caseNumber, { action: 'refuse' });
    expect(bare.status).toBe(400);
    expect(bare.body.details!.map((d) => d.path).sort()).toEqual(['legalRemedy', 'reason']);
    expect((await act(decider, caseNumber, { action: 'refuse', reason: '不符合《旅行社条例》第六条规定的条件', legalRemedy: REFUSAL_REMEDY })).status).toBe(200);
    const decision = (await applicantCase(applicant, caseNumber)).documents.find((d) => d.kind === 'refusal_decision')!;
    expect(decision.paragraphs.join('')).toContain('不符合《旅行社条例》第六条');
    expect(decision.paragraphs.join('')).toContain('行政复议');
  });

  it('cannot ask for anything the guide of the case does not require', async () => {
    const { caseNumber } = await submitCase();
    const res = await act(preReviewer, caseNumber, { action: 'request_supplement', defects: [{ materialId: 'house-deed-notarised', reason: '请提供公证的房产证' }, { conditionIndex: 40, reason: '额外条件' }] });
    expect(res.status).toBe(400);
    expect(res.body.details!.map((d) => d.path)).toEqual(['defects[0].materialId', 'defects[1].conditionIndex']);
    expect(res.body.details![0]!.message).toContain('清单维护');
    expect((await staffCase(preReviewer, caseNumber)).body.status).toBe('pre_review');
  });

  it('pauses the completion clock during a special procedure and resumes it after', async () => {
    const { caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    const paused = await act(reviewer, caseNumber, { action: 'start_special_procedure', procedure: 'site_inspection', reason: '需现场核查经营场所' });
    const completion = paused.body.deadlines.find((d) => d.kind === 'completion')!;
    expect(completion.paused).toBe(true);
    expect(completion.remainingWorkingDays).toBeGreaterThan(0);
    const resumed = await act(reviewer, caseNumber, { action: 'end_special_procedure', opinion: '现场核查合格' });
    expect(resumed.body.status).toBe('accepted');
    expect(resumed.body.deadlines.find((d) => d.kind === 'completion')).toMatchObject({ paused: false, overdue: false });
  });

  it('lets the applicant withdraw', async () => {
    const { applicant, caseNumber } = await submitCase();
    const version = (await applicantCase(applicant, caseNumber)).version;
    const res = await api(`/cases/${caseNumber}/withdraw`, { method: 'POST', headers: asUser(applicant, json), body: JSON.stringify({ version, reason: '信息填写有误，重新申请' }) });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    expect((await act(preReviewer, caseNumber, { action: 'accept', opinion: 'x' })).status).toBe(409);
  });
});

describe('concurrent staff', () => {
  it('accepts ten different cases of one organisation at once: every one succeeds, each with its own document number', async () => {
    const cases = await Promise.all(Array.from({ length: 10 }, () => submitCase()));
    const versions = await Promise.all(cases.map(async ({ caseNumber }) => (await staffCase(preReviewer, caseNumber)).body.version));
    const results = await Promise.all(cases.map(({ caseNumber }, i) => act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全', version: versions[i] })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const numbers = results.map((r) => r.body.documents.find((d) => d.kind === 'acceptance_notice')!.number);
    expect(new Set(numbers).size).toBe(10);
    for (const number of numbers) expect(number).toMatch(/^黄文旅受〔\d{4}〕\d+号$/);
  }, 120_000);


  it('let exactly one of 20 simultaneous acceptances win; the others hear who was first', async () => {
    const { caseNumber } = await submitCase();
    const version = (await staffCase(preReviewer, caseNumber)).body.version;
    const results = await Promise.all(Array.from({ length: 20 }, () => act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全', version })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.body.message).toContain('已被他人处理');
    const detail = (await staffCase(preReviewer, caseNumber)).body;
    expect(detail.history.filter((h) => h.action === 'accept')).toHaveLength(1);
    expect(detail.documents.filter((d) => d.kind === 'acceptance_notice')).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('refuses the wrong role, the wrong organisation and applicants on every staff endpoint', async () => {
    const { applicant, caseNumber } = await submitCase();
    const provincial = (await signInAs('province-pre_review')).accessToken;
    const otherCity = (await newStaff('113401000030141720', ['pre_review', 'review', 'decide', 'deliver'], 'province-admin')).session.accessToken;

    expect((await act(reviewer, caseNumber, { action: 'accept', opinion: 'x' })).status).toBe(403);
    expect((await act(decider, caseNumber, { action: 'request_supplement', defects: [{ conditionIndex: 0, reason: 'x' }] })).status).toBe(403);
    expect((await staffCase(otherCity, caseNumber)).status).toBe(404);
    expect((await act(otherCity, caseNumber, { action: 'accept', opinion: 'x', version: 1 })).status).toBe(404);
    expect((await api(`/staff/cases/${caseNumber}/audit`, { headers: asUser(otherCity) })).status).toBe(404);
    expect((await api(`/staff/cases/${caseNumber}/materials/x/files/0`, { headers: asUser(otherCity) })).status).toBe(404);

    // Provincial staff supervise read-only.
    const supervised = await staffCase(provincial, caseNumber);
    expect(supervised.status).toBe(200);
    expect(supervised.body).toMatchObject({ readOnly: true, actions: [] });
    expect((await act(provincial, caseNumber, { action: 'accept', opinion: 'x' })).status).toBe(403);

    expect((await staffCase(applicant, caseNumber)).status).toBe(403);
    expect((await api('/staff/cases', { headers: asUser(applicant) })).status).toBe(403);
    expect((await api(`/staff/cases?organisation=${HUANGSHAN_BUREAU}`, { headers: asUser(otherCity) })).status).toBe(403);
  });
});

describe('provincial supervision', () => {
  it('sees the applicant masked and cannot open their files; the handling bureau sees them in full', async () => {
    const applicant = await newUser();
    const fields = { ...TRAVEL_AGENCY_FIELDS, premisesAddress: '黄山市屯溪区新安北路88号2楼（联系电话13955912345）' };
    const res = await submitApplication(applicant, await completeApplication(applicant, item, fields));
    const caseNumber = res.body.caseNumber as string;
    const provincial = (await signInAs('province-pre_review')).accessToken;

    const handled = (await staffCase(preReviewer, caseNumber)).body;
    expect(handled.applicant.agentName).toBe('程晓雨');
    expect(handled.fields.premisesAddress).toContain('13955912345');

    const supervised = await staffCase(provincial, caseNumber);
    expect(supervised.body.readOnly).toBe(true);
    // The enterprise and its credit code are public registrations; the agent is a person.
    expect(supervised.body.applicant).toMatchObject({ name: '黄山云海旅行社有限公司', idNumber: handled.applicant.idNumber, agentName: '程**' });
    expect(supervised.body.fields.premisesAddress).toBe('黄山市屯溪区新安北路88号2楼（联系电话139****2345）');
    expect(JSON.stringify(supervised.body)).not.toMatch(/13955912345|程晓雨|34100219900307123/);

    const material = supervised.body.materials.find((m) => m.files.length > 0)!;
    const link = await api(`/staff/cases/${caseNumber}/materials/${material.materialId}/files/0`, { headers: asUser(provincial) });
    expect(link.status).toBe(403);
    expect(link.body.message).toBe('省级监督可查看办件进度和脱敏信息，申请材料原件仅限承办单位查看');
    expect((await api(`/staff/cases/${caseNumber}/materials/${material.materialId}/files/0`, { headers: asUser(preReviewer) })).status).toBe(200);
  });
});

describe('the staff inbox', () => {
  it('lists the organisation’s open cases soonest deadline first, filters by status, and gives the province a read-only view', async () => {
    const { caseNumber } = await submitCase();
    const res = await api('/staff/cases?status=pre_review&limit=50', { headers: asUser(preReviewer) });
    expect(res.status).toBe(200);
    expect(res.body.readOnly).toBe(false);
    const dues = res.body.items.map((c: { deadline?: { dueAt: string } }) => c.deadline?.dueAt ?? '~');
    expect([...dues].sort()).toEqual(dues);
    expect(res.body.items.every((c: { status: string }) => c.status === 'pre_review')).toBe(true);
    expect(res.body.items.some((c: { caseNumber: string }) => c.caseNumber === caseNumber) || res.body.nextCursor).toBeTruthy();

    const provincial = (await signInAs('province-pre_review')).accessToken;
    const supervised = await api(`/staff/cases?organisation=${HUANGSHAN_BUREAU}&limit=5`, { headers: asUser(provincial) });
    expect(supervised.body.readOnly).toBe(true);
    const own = await api('/staff/cases', { headers: asUser(provincial) });
    expect(own.body.items.every((c: { organisationName: string }) => c.organisationName === '安徽省文化和旅游厅')).toBe(true);
  });

  it('moves a transferred case to the competent organisation with its history', async () => {
    const { applicant, caseNumber } = await submitCase();
    const moved = await act(preReviewer, caseNumber, { action: 'transfer', targetOrganisationCode: PROVINCE_DEPARTMENT, reason: '申请设立的是出境旅游业务，由省级机关审批' });
    expect(moved.status).toBe(200);
    expect((await staffCase(preReviewer, caseNumber)).status).toBe(404);
    const provincial = (await signInAs('province-pre_review')).accessToken;
    const there = (await staffCase(provincial, caseNumber)).body;
    expect(there).toMatchObject({ organisationName: '安徽省文化和旅游厅', readOnly: false, status: 'pre_review' });
    expect(there.history.map((h) => h.action)).toEqual(['submit', 'transfer']);
    expect((await applicantCase(applicant, caseNumber)).organisationName).toBe('安徽省文化和旅游厅');
  });
});

describe('the audit log', () => {
  it('chains every event from the submission on, and anchors each entry outside the table once the stream has run', async () => {
    const { caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    await act(reviewer, caseNumber, { action: 'complete_review', opinion: '符合条件' });
    const entries = await storedEntries(caseNumber);
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'submit'],
      [2, 'accept'],
      [3, 'complete_review'],
    ]);
    expect(await fullyAnchored(preReviewer, caseNumber)).toEqual({ caseNumber, entries: 3, intact: true, anchored: 3, pending: 0 });
    const anchors = await anchorsOf(caseNumber);
    expect([...anchors.values()].sort((a, b) => a.seq - b.seq).map((a) => [a.seq, a.hash])).toEqual(entries.map((e) => [e.seq, e.hash]));
  });

  it('reports the first broken link when a stored entry is changed', async () => {
    const { caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    await act(reviewer, caseNumber, { action: 'complete_review', opinion: '符合条件' });
    const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: process.env.TABLE_NAME!,
          Key: { pk: { S: `CASE#${caseNumber}` }, sk: { S: 'AUDIT#000002' } },
          UpdateExpression: 'SET step.entry.actorId = :someone',
          ExpressionAttributeValues: { ':someone': { S: 'dev-city-decide' } },
        }),
      );
      const { Items } = await client.send(
        new QueryCommand({ TableName: process.env.TABLE_NAME!, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': { S: `CASE#${caseNumber}` }, ':a': { S: 'AUDIT#' } } }),
      );
      expect(Items).toHaveLength(2);
    } finally {
      client.destroy();
    }
    expect(await verifyAudit(preReviewer, caseNumber)).toMatchObject({ intact: false, firstBrokenSeq: 2, entries: 3 });
  });

  it('detects a history item changed in its row: the opinion shown is covered by the chain', async () => {
    const { caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    await act(reviewer, caseNumber, { action: 'complete_review', opinion: '注册资本不足，建议不予许可' });
    const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    try {
      const { Items = [] } = await client.send(
        new QueryCommand({ TableName: process.env.TABLE_NAME!, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': { S: `CASE#${caseNumber}` }, ':a': { S: 'AUDIT#' } } }),
      );
      const review = Items.find((item) => item.step?.M?.event?.M?.action?.S === 'complete_review')!;
      await client.send(
        new UpdateItemCommand({
          TableName: process.env.TABLE_NAME!,
          Key: { pk: review.pk!, sk: review.sk! },
          UpdateExpression: 'SET step.event.opinion = :softer',
          ExpressionAttributeValues: { ':softer': { S: '经审查符合条件' } },
        }),
      );
    } finally {
      client.destroy();
    }
    expect((await staffCase(preReviewer, caseNumber)).body.history.map((h) => h.opinion)).toContain('经审查符合条件');
    expect(await verifyAudit(preReviewer, caseNumber)).toMatchObject({ intact: false, entries: 3, firstBrokenSeq: 3, problem: '第 3 条记录的内容已被改动' });
  });

  it('detects an entry rewritten with the whole chain and its head recomputed, through the anchors', async () => {
    const { caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    await act(reviewer, caseNumber, { action: 'complete_review', opinion: '注册资本不足' });
    await act(decider, caseNumber, { action: 'approve', opinion: '同意' });
    await fullyAnchored(preReviewer, caseNumber);

    await rewriteAsInsider(caseNumber, 3, (event) => (event.opinion = '经审查符合《旅行社条例》规定的条件'));
    expect(await storedEntries(caseNumber)).toHaveLength(4);
    expect(await verifyAudit(preReviewer, caseNumber)).toEqual({ caseNumber, entries: 4, intact: false, anchored: 2, pending: 0, firstBrokenSeq: 3, problem: '第 3 条记录与存证不符' });
  });

  it('keeps the first anchor when an insider deletes the rows and writes them anew', async () => {
    const { caseNumber } = await submitCase();
    await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全' });
    await fullyAnchored(preReviewer, caseNumber);
    const original = (await anchorsOf(caseNumber)).get(2)!;

    await rewriteAsInsider(caseNumber, 2, (event) => (event.actorName = '李四'), { reinsert: true });
    // The new row as the stream hands it to the anchoring function (the poller does so too, a moment later).
    const [row] = await rowsOf(`CASE#${caseNumber}`, 'AUDIT#000002');
    const forged = { eventName: 'INSERT', dynamodb: { Keys: { pk: row!.pk, sk: row!.sk }, NewImage: row, SequenceNumber: '1', ApproximateCreationDateTime: Date.now() / 1000 } };
    expect(await invokeFunction('anchorAudit', { Records: [forged] })).toEqual({ result: { batchItemFailures: [] }, functionError: null });

    expect((await anchorsOf(caseNumber)).get(2)).toEqual(original);
    expect(await verifyAudit(preReviewer, caseNumber)).toMatchObject({ intact: false, firstBrokenSeq: 2, problem: '第 2 条记录与存证不符' });
  });
});

describe('the working-day calendar', () => {
  it('says when a year has no data, and lets a provincial admin add it without a code change', async () => {
    const admin = (await signInAs('province-admin')).accessToken;
    const staff = preReviewer;
    expect((await api('/admin/calendar/2026', { headers: asUser(staff) })).body).toMatchObject({ source: 'official', workdays: expect.arrayContaining(['2026-10-10']) });
    const empty = await api('/admin/calendar/2031', { headers: asUser(staff) });
    expect(empty.body).toMatchObject({ source: 'weekdays_only', holidays: [] });
    expect(empty.body.note).toContain('周一至周五');

    const body = JSON.stringify({ holidays: ['2031-01-01', '2031-01-02'], workdays: ['2031-01-04'] });
    expect((await api('/admin/calendar/2031', { method: 'PUT', headers: asUser(staff, json), body })).status).toBe(403);
    const saved = await api('/admin/calendar/2031', { method: 'PUT', headers: asUser(admin, json), body });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'override', holidays: ['2031-01-01', '2031-01-02'], workdays: ['2031-01-04'] });
    const wrongYear = await api('/admin/calendar/2031', { method: 'PUT', headers: asUser(admin, json), body: JSON.stringify({ holidays: ['2030-12-31'], workdays: [] }) });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.code).toBe('CALENDAR_YEAR_INVALID');
  });
});
