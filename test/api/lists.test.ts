import { randomUUID } from 'node:crypto';
import { ERRORS, listEntrySchema, type ImplementationItem } from '@ah-tourism/shared';
import { api, forRequests } from '../support/api';
import { asUser, cityItem, completeApplication, newUser, signInAs, signInWithWechat, submitApplication } from '../support/applications';
import { applicantCase, staffCase } from '../support/lifecycle';
import { actOnListDraft, draftFrom, listEntry, saveListDraft, untilCatalogServes } from '../support/lists';
import { HUANGSHAN_BUREAU, eventually } from '../support/notifications';
import { receivedMessage } from '../support/portal-reports';

/*
 * List maintenance (谁编制、谁维护) through the real API: a Huangshan list editor drafts the next version of
 * an entry, the bureau's admin and the province's 机构编制/法制 reviewer approve it, the editor publishes it.
 * The items changed here are ones no other test applies for (旅行社质量保证金存缴, 降低, 终止经营备案).
 */
const json = { 'Content-Type': 'application/json' };
const DEPOSIT = '旅行社质量保证金存缴';
const DEPOSIT_FIELDS = { agencyName: '黄山云海旅行社有限公司', depositForm: '银行存款', amount: 20 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let editor: string;
let admin: string;
let reviewer: string;
let cityReviewer: string;

beforeAll(async () => {
  const tokens = await Promise.all(
    ['city-list_editor', 'city-org_admin', 'province-list_review', 'city-list_review'].map(async (persona) => (await signInAs(persona)).accessToken),
  );
  [editor, admin, reviewer, cityReviewer] = tokens as [string, string, string, string];
}, forRequests(4));

describe('editing a guide: refused drafts, review, publication, and a case that keeps its version', () => {
  let item: ImplementationItem;
  let code: string;
  let applicant: string;
  let caseBefore: string;
  let submittedBeforeAt: number;
  const renamed = '旅行社质量保证金交存情况表（加盖公章）';

  beforeAll(async () => {
    item = await cityItem(DEPOSIT);
    code = item.implementationCode;
    applicant = await newUser();
    const res = await submitApplication(applicant, await completeApplication(applicant, item, DEPOSIT_FIELDS));
    expect(res.status).toBe(201);
    caseBefore = res.body.caseNumber;
    submittedBeforeAt = Date.now();
  }, forRequests(12));

  it('the editor sees the bureau’s entries; an applicant and a citizen-facing role do not', async () => {
    const mine = await api('/staff/lists', { headers: asUser(editor) });
    expect(mine.status).toBe(200);
    expect(mine.body.entries.length).toBeGreaterThan(5);
    expect(mine.body.entries.every((e: { organisationName: string }) => e.organisationName === '黄山市文化和旅游局')).toBe(true);
    expect(mine.body.entries).toContainEqual(expect.objectContaining({ implementationCode: code, version: 1, negativeListed: false }));
    expect((await api('/staff/lists', { headers: asUser(applicant) })).body.code).toBe('AUTH_FORBIDDEN');
    const preReviewer = (await signInAs('city-pre_review')).accessToken;
    expect((await api(`/staff/lists/${code}`, { headers: asUser(preReviewer) })).status).toBe(403);
  }, forRequests(4));

  it('an invalid draft is refused with each field named in Chinese, and nothing is saved', async () => {
    const res = await saveListDraft(editor, code, draftFrom(item, (guide) => {
      guide.materials[0]!.name = '其他材料';
      delete (guide as Partial<typeof guide>).consultPhones;
      guide.promisedLimit = { workingDays: -1 };
    }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('LIST_DRAFT_INVALID');
    expect(res.body.message).toBe(ERRORS.LIST_DRAFT_INVALID.message);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'guide.materials[0].name', message: expect.stringContaining('材料名称表述模糊') },
        { path: 'guide.consultPhones', message: '缺少咨询电话' },
        { path: 'guide.promisedLimit.workingDays', message: expect.stringMatching(/0/) },
      ]),
    );
    expect((await listEntry(editor, code)).body.draft).toBeUndefined();
  }, forRequests(2));

  it('a city cannot change catalog elements (name, legal basis): they stay the province’s', async () => {
    const res = await saveListDraft(editor, code, draftFrom(item, (guide, entry) => {
      entry.name = '旅行社质量保证金交存';
      guide.legalBasis[0]!.articles = '第十三条';
    }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('LIST_CATALOG_ELEMENT_LOCKED');
    expect(res.body.details!.map((d) => d.path)).toEqual(['name', 'guide.legalBasis']);
  });

  it('a valid draft shows the diff against the published version; concurrent edits do not overwrite each other', async () => {
    const created = await saveListDraft(editor, code, draftFrom(item, (guide) => {
      guide.materials[0]!.name = renamed;
      guide.place.hours = '周一至周五 8:30-12:00，14:00-17:30（法定节假日除外）';
    }));
    expect(created.status).toBe(200);
    const entry = listEntrySchema.parse(created.body);
    expect(entry.current.version).toBe(1);
    expect(entry.draft).toMatchObject({ baseVersion: 1, revision: 1, status: 'editing', catalogWide: false, stale: false, actions: ['edit', 'submit', 'discard'] });
    expect(entry.draft!.item.version).toBe(2);
    expect(entry.draft!.changes).toEqual([
      { path: 'guide.place.hours', label: '办理地点和时间 › 办理时间', section: '办理地点和时间', before: item.guide.place.hours, after: '周一至周五 8:30-12:00，14:00-17:30（法定节假日除外）' },
      { path: 'guide.materials[0].name', label: `申请材料“${renamed}” › 名称`, section: '申请材料', before: item.guide.materials[0]!.name, after: renamed },
    ]);
    expect(entry.draft!.steps.map((s) => s.label)).toEqual(['本单位审核', '机构编制/法制审核']);

    // A second "new draft" and two edits of the same revision: one edit wins, the others are told.
    expect((await saveListDraft(editor, code, draftFrom(item, () => undefined))).body.code).toBe('LIST_DRAFT_CONFLICT');
    const edit = (note: string) => saveListDraft(editor, code, { ...draftFrom(entry.draft!.item, (guide) => { guide.promisedLimit.note = note; }, 1), baseVersion: 1 });
    const both = await Promise.all([edit('当场办结'), edit('1个工作日内办结')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('LIST_DRAFT_CONFLICT');
    const winner = both.find((r) => r.status === 200)!.body;
    expect((await listEntry(editor, code)).body.draft).toMatchObject({ revision: 2, item: { guide: { promisedLimit: winner.draft!.item.guide.promisedLimit } } });
  }, forRequests(6));

  it('review goes in order: the bureau admin, then the provincial review; nobody approves their own draft, nothing is published before', async () => {
    expect((await actOnListDraft(editor, code, { action: 'publish' })).body.code).toBe('LIST_ACTION_NOT_ALLOWED');
    const submitted = await actOnListDraft(editor, code, { action: 'submit' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.draft).toMatchObject({ status: 'in_review', nextStep: 'org_admin', statusLabel: '审核中：待本单位审核' });
    expect((await saveListDraft(editor, code, draftFrom(item, () => undefined, 3))).body.code).toBe('LIST_ACTION_NOT_ALLOWED');

    // The provincial reviewer's turn has not come; the editor is no approver.
    expect((await actOnListDraft(reviewer, code, { action: 'approve' })).status).toBe(403);
    expect((await actOnListDraft(editor, code, { action: 'approve' })).status).toBe(403);
    const queue = await api('/staff/lists', { headers: asUser(admin) });
    expect(queue.body.awaitingMyReview).toContainEqual(expect.objectContaining({ implementationCode: code, draft: expect.objectContaining({ nextStep: 'org_admin' }) }));

    const byAdmin = await actOnListDraft(admin, code, { action: 'approve' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.draft).toMatchObject({ status: 'in_review', nextStep: 'legal_review', steps: [{ step: 'org_admin', approvedBy: '郑管理' }, { step: 'legal_review' }] });
    // A bureau's own reviewer is not the provincial 机构编制/法制 review.
    expect((await actOnListDraft(cityReviewer, code, { action: 'approve' })).status).toBe(403);
    expect((await api('/staff/lists', { headers: asUser(reviewer) })).body.awaitingMyReview).toContainEqual(expect.objectContaining({ implementationCode: code }));
    expect((await actOnListDraft(editor, code, { action: 'publish' })).body.code).toBe('LIST_ACTION_NOT_ALLOWED');

    const byReviewer = await actOnListDraft(reviewer, code, { action: 'approve' });
    expect(byReviewer.body.draft).toMatchObject({ status: 'approved', statusLabel: '审核通过，待发布', steps: [{ approvedBy: '郑管理' }, { approvedBy: '陈审核' }] });
    expect(byReviewer.body.draft?.actions).not.toContain('publish');
  }, forRequests(12));

  it('publish → a new immutable version; the catalog serves it, version 1 stays readable, the history names who approved', async () => {
    const published = await actOnListDraft(editor, code, { action: 'publish' });
    expect(published.status).toBe(200);
    expect(published.body.draft).toBeUndefined();
    expect(published.body.current).toMatchObject({ version: 2, guide: { place: { hours: '周一至周五 8:30-12:00，14:00-17:30（法定节假日除外）' } } });
    expect((await actOnListDraft(editor, code, { action: 'publish', revision: 4 })).body.code).toBe('LIST_DRAFT_NOT_FOUND');

    const served = await untilCatalogServes(code, 2);
    expect(served.guide.materials[0]!.name).toBe(renamed);
    const old = await api<ImplementationItem>(`/catalog/items/${code}/versions/1`);
    expect(old.status).toBe(200);
    expect(old.body).toEqual(item);
    expect(old.headers.get('cache-control')).toContain('immutable');
    expect((await api(`/catalog/items/${code}/versions/3`)).status).toBe(404);

    const history = await api(`/staff/lists/${code}/versions`, { headers: asUser(editor) });
    expect(history.body.versions).toEqual([
      {
        version: 2,
        publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        publishedBy: '冯编制',
        approvals: [
          { step: 'org_admin', label: '本单位审核', by: '郑管理', at: expect.any(String) },
          { step: 'legal_review', label: '机构编制/法制审核', by: '陈审核', at: expect.any(String) },
        ],
        changedSections: ['承诺办结时限', '办理地点和时间', '申请材料'],
      },
      { version: 1, publishedAt: item.publishedAt, changedSections: [] },
    ]);

    // The published version is reported upward (同步同源), once, with the guide as published.
    const [reported, ...again] = await eventually('the guide reported to the provincial platform', () => receivedMessage(`GUIDE-${code}-V2`), (records) => records.length > 0);
    expect(again).toEqual([]);
    expect(reported!.record).toMatchObject({ recordType: 'guide', implementationCode: code, version: 2, organisationCode: item.organisation.creditCode });
    expect((reported!.record as unknown as { guide: ImplementationItem['guide'] }).guide.materials[0]!.name).toBe(renamed);
  }, forRequests(40));

  it('a case submitted before keeps and shows the old version; a new case is applied under the new one', async () => {
    const before = await applicantCase(applicant, caseBefore);
    expect(before.guideVersion).toBe(1);
    expect(before.materials.map((m) => m.name)).toContain(item.guide.materials[0]!.name);
    expect(before.materials.map((m) => m.name)).not.toContain(renamed);
    const preReviewer = (await signInAs('city-pre_review')).accessToken;
    expect((await staffCase(preReviewer, caseBefore)).body.guideVersion).toBe(1);

    // Submission reads the current guide from its function's memory, trusted 30 s after it was read.
    await sleep(Math.max(0, submittedBeforeAt + 31_000 - Date.now()));
    const current = await untilCatalogServes(code, 2);
    const after = await submitApplication(applicant, await completeApplication(applicant, current, DEPOSIT_FIELDS));
    expect(after.status).toBe(201);
    const detail = await applicantCase(applicant, after.body.caseNumber);
    expect(detail.guideVersion).toBe(2);
    expect(detail.materials.map((m) => m.name)).toContain(renamed);
  }, forRequests(45));
});

describe('the negative list is maintained through the same review', () => {
  it('listing an item on the negative list needs a reason, both approvals, and can be sent back', async () => {
    const item = await cityItem('旅行社质量保证金降低');
    const code = item.implementationCode;
    const listed = (reason?: string) =>
      draftFrom(item, (guide) => {
        guide.negativeList = reason ? { listed: true, reason } : { listed: true };
        guide.visitsRequired = 1;
      });
    const refused = await saveListDraft(editor, code, listed());
    expect(refused.body.details).toEqual([{ path: 'guide.negativeList.reason', message: '列入网上审批负面清单的事项须写明必须现场办理的原因' }]);
    const saved = await saveListDraft(editor, code, listed('须当场核验银行出具的原件'));
    expect(saved.body.draft?.changes.map((c: { label: string }) => c.label)).toEqual([
      '到现场次数',
      '网上审批负面清单信息 › 是否列入负面清单',
      '网上审批负面清单信息 › 必须现场办理的原因',
    ]);
    await actOnListDraft(editor, code, { action: 'submit' });
    await actOnListDraft(admin, code, { action: 'approve' });
    expect((await actOnListDraft(editor, code, { action: 'publish' })).body.code).toBe('LIST_ACTION_NOT_ALLOWED');
    const sentBack = await actOnListDraft(reviewer, code, { action: 'reject', reason: '原因须写明依据的条款' });
    expect(sentBack.body.draft).toMatchObject({ status: 'editing', rejection: { reason: '原因须写明依据的条款', by: '陈审核' }, steps: [{ step: 'org_admin' }, { step: 'legal_review' }] });
    expect(sentBack.body.draft?.steps[0]?.approvedBy).toBeUndefined();
    expect((await actOnListDraft(reviewer, code, { action: 'reject' })).body.details).toEqual([{ path: 'reason', message: '请填写退回原因' }]);

    // Nothing reached the catalog: the item is still handled online.
    const page = await api(`/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社质量保证金降低')}`);
    expect(page.body.items[0]).toMatchObject({ implementationCode: code, negativeListed: false });
    const discarded = await actOnListDraft(editor, code, { action: 'discard' });
    expect(discarded.status).toBe(200);
    expect(discarded.body.draft).toBeUndefined();
  }, forRequests(12));

  it('once approved at both steps and published, the catalog lists the item on the negative list; taking it off goes the same way', async () => {
    const item = await cityItem('旅行社质量保证金降低');
    const code = item.implementationCode;
    const summary = async () =>
      (await api(`/catalog/items?region=341000&keyword=${encodeURIComponent('旅行社质量保证金降低')}`)).body.items.find((i: { implementationCode: string }) => i.implementationCode === code);
    const throughReview = async (change: Parameters<typeof draftFrom>[1], base: ImplementationItem) => {
      expect((await saveListDraft(editor, code, draftFrom(base, change))).status).toBe(200);
      await actOnListDraft(editor, code, { action: 'submit' });
      await actOnListDraft(admin, code, { action: 'approve' });
      await actOnListDraft(reviewer, code, { action: 'approve' });
      const published = await actOnListDraft(editor, code, { action: 'publish' });
      expect(published.status).toBe(200);
      return published.body.current;
    };
    const listed = await throughReview((guide) => {
      guide.negativeList = { listed: true, reason: '须当场核验银行出具的原件' };
      guide.visitsRequired = 1;
    }, item);
    expect(listed).toMatchObject({ version: 2, guide: { negativeList: { listed: true }, visitsRequired: 1 } });
    expect(await summary()).toMatchObject({ negativeListed: true, visitsRequired: 1 });

    const unlisted = await throughReview((guide) => {
      guide.negativeList = { listed: false };
      guide.visitsRequired = 0;
    }, listed);
    expect(unlisted.version).toBe(3);
    expect(await summary()).toMatchObject({ negativeListed: false, visitsRequired: 0 });
    const history = await api(`/staff/lists/${code}/versions`, { headers: asUser(editor) });
    expect(history.body.versions.map((v: { version: number; changedSections: string[] }) => [v.version, v.changedSections])).toEqual([
      [3, ['到现场次数', '网上审批负面清单信息']],
      [2, ['到现场次数', '网上审批负面清单信息']],
      [1, []],
    ]);
  }, forRequests(16));
});

describe('catalog elements are edited at the province and published to every level', () => {
  it('a provincial change of the legal basis gives every implementation a new version with the same basis; older city drafts are stale', async () => {
    const provinceEditor = (await signInAs('province-list_editor')).accessToken;
    const provinceAdmin = (await signInAs('province-org_admin')).accessToken;
    const list = await api(`/catalog/items?level=city&keyword=${encodeURIComponent('旅行社终止经营备案')}&limit=50`);
    const cityCode = list.body.items.find((i: { regionCode: string }) => i.regionCode === '341000').implementationCode as string;
    const provinceList = await api(`/catalog/items?region=340000&keyword=${encodeURIComponent('旅行社终止经营备案')}`);
    const provinceCode = provinceList.body.items[0].implementationCode as string;

    // A city draft started on version 1.
    const cityCurrent = (await listEntry(editor, cityCode)).body.current;
    const cityDraft = await saveListDraft(editor, cityCode, draftFrom(cityCurrent, (guide) => { guide.place.hours = '工作日 9:00-17:00'; }));
    expect(cityDraft.status).toBe(200);
    expect(cityDraft.body.canEditCatalogElements).toBe(false);

    const provinceCurrent = (await listEntry(provinceEditor, provinceCode)).body;
    expect(provinceCurrent.canEditCatalogElements).toBe(true);
    const excerpt = '旅行社终止经营的，应当在登记办理完毕之日起10个工作日内，向原许可的旅游行政管理部门备案，交回旅行社业务经营许可证。';
    const saved = await saveListDraft(provinceEditor, provinceCode, draftFrom(provinceCurrent.current, (guide) => { guide.legalBasis[0]!.excerpt = excerpt; }));
    expect(saved.status).toBe(200);
    expect(saved.body.draft).toMatchObject({ catalogWide: true });
    await actOnListDraft(provinceEditor, provinceCode, { action: 'submit' });
    expect((await actOnListDraft(provinceAdmin, provinceCode, { action: 'approve' })).body.draft?.nextStep).toBe('legal_review');
    await actOnListDraft(reviewer, provinceCode, { action: 'approve' });
    const published = await actOnListDraft(provinceEditor, provinceCode, { action: 'publish' });
    expect(published.status).toBe(200);
    expect(published.body.current.version).toBe(2);

    const cityV2 = await api<ImplementationItem>(`/catalog/items/${cityCode}/versions/2`);
    expect(cityV2.status).toBe(200);
    expect(cityV2.body.guide.legalBasis[0]!.excerpt).toBe(excerpt);
    expect(cityV2.body.guide.place).toEqual(cityCurrent.guide.place);
    const others = list.body.items.filter((i: { regionCode: string }) => i.regionCode !== '341000').slice(0, 3);
    for (const other of others) {
      expect((await api<ImplementationItem>(`/catalog/items/${other.implementationCode}/versions/2`)).body.guide.legalBasis[0]!.excerpt).toBe(excerpt);
    }

    const stale = await listEntry(editor, cityCode);
    expect(stale.body.draft).toMatchObject({ stale: true, baseVersion: 1 });
    expect((await actOnListDraft(editor, cityCode, { action: 'submit' })).body.code).toBe('LIST_DRAFT_STALE');
    expect((await actOnListDraft(editor, cityCode, { action: 'discard' })).status).toBe(200);
  }, forRequests(24));
});

describe('who approves', () => {
  it('someone who edited a draft cannot approve it, even as the organisation admin', async () => {
    const item = await cityItem('旅行社质量保证金退还');
    const code = item.implementationCode;
    const invited = await api(`/organisations/${HUANGSHAN_BUREAU}/invitations`, {
      method: 'POST',
      headers: asUser(admin, { ...json, 'Idempotency-Key': randomUUID() }),
      body: JSON.stringify({ name: '何兼任', permissions: ['list_editor', 'org_admin'] }),
    });
    expect(invited.status).toBe(201);
    const both = await signInWithWechat(`lists-${Date.now()}`);
    const bound = await api('/staff/bind', { method: 'POST', headers: asUser(both.accessToken, json), body: JSON.stringify({ code: invited.body.code }) });
    expect(bound.status).toBe(200);
    const token = bound.body.accessToken as string;

    expect((await saveListDraft(token, code, draftFrom(item, (guide) => { guide.place.hours = '工作日 9:00-17:00'; }))).status).toBe(200);
    await actOnListDraft(token, code, { action: 'submit' });
    const own = await actOnListDraft(token, code, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('LIST_OWN_DRAFT');
    expect((await listEntry(token, code)).body.draft?.actions).toEqual(['discard']);
    expect((await actOnListDraft(token, code, { action: 'discard' })).status).toBe(200);
  }, forRequests(10));
});
