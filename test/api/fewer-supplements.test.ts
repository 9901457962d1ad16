import type { ApplicationPrefill, ImplementationItem, SupplementDraft } from '@ah-tourism/shared';
import { api, forRequests } from '../support/api';
import { MINIMAL_PDF, TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem, upload, cityItem } from '../support/applications';
import { act, applicantCase } from '../support/lifecycle';
import { provinceItem } from '../support/licences';

const json = { 'Content-Type': 'application/json' };
let item: ImplementationItem;
let preReviewer: string;

beforeAll(async () => {
  item = await travelAgencyItem();
  preReviewer = (await signInAs('city-pre_review')).accessToken;
});

async function submitCase(applicant: string) {
  const res = await submitApplication(applicant, await completeApplication(applicant, item, TRAVEL_AGENCY_FIELDS));
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

const prefill = (user: string, code: string) => api<ApplicationPrefill & { code?: string }>(`/me/application-prefill/${code}`, { headers: asUser(user) });
const draftOf = (user: string, caseNumber: string) => api<SupplementDraft & { code?: string; message?: string }>(`/cases/${caseNumber}/supplement-draft`, { headers: asUser(user) });
const saveDraft = (user: string, caseNumber: string, body: unknown) =>
  api<SupplementDraft & { code?: string; message?: string; details?: { path: string; message: string }[] }>(`/cases/${caseNumber}/supplement-draft`, { method: 'PUT', headers: asUser(user, json), body: JSON.stringify(body) });

describe('prefill from the person’s own earlier applications', () => {
  it('offers the applicant and the shared fields of the person’s latest application for another item, and nothing to anyone else', async () => {
    const applicant = await newUser();
    const outlet = await cityItem('旅行社服务网点设立备案');
    expect((await prefill(applicant, outlet.implementationCode)).body).toEqual({ found: false, from: null, fields: {} });

    await submitCase(applicant);
    const mine = await prefill(applicant, outlet.implementationCode);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toContain('no-store');
    expect(mine.body).toMatchObject({
      found: true,
      enterprise: { name: '黄山云海旅行社有限公司', creditCode: expect.stringMatching(/^91341000MA2T3K4L5/), legalRepresentative: '汪明' },
      agent: { name: '程晓雨', idNumber: expect.stringMatching(/^34100219900307123/), mobile: '13955912345' },
      // The agency's name carries over; the premises address is another field than the outlet's.
      fields: { agencyName: '黄山云海旅行社有限公司' },
    });
    expect(mine.body.person).toBeUndefined();

    // Someone else asking for the same item sees nothing of it.
    const other = await newUser();
    expect((await prefill(other, outlet.implementationCode)).body).toEqual({ found: false, from: null, fields: {} });
    expect((await api(`/me/application-prefill/${outlet.implementationCode}`)).status).toBe(401);
    expect((await prefill(applicant, 'not-a-code')).status).toBe(404);
  }, forRequests(20));
});

describe('supplement uploads kept as a draft', () => {
  it('keeps the re-uploaded files until the supplement is submitted, for the applicant only, and clears them with it', async () => {
    const applicant = await newUser();
    const caseNumber = await submitCase(applicant);
    const [first, second] = item.guide.materials.filter((m) => m.source === 'applicant' && m.necessity === 'required');

    // No notice open: nothing kept, nothing to keep.
    expect((await draftOf(applicant, caseNumber)).body).toEqual({ caseNumber, version: 0, materials: {}, updatedAt: null });
    const early = await saveDraft(applicant, caseNumber, { version: 0, materials: {} });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CASE_ACTION_NOT_ALLOWED');

    const notice = await act(preReviewer, caseNumber, { action: 'request_supplement', defects: [{ materialId: first!.id, reason: '复印件不清晰' }, { materialId: second!.id, reason: '缺少签字' }] });
    expect(notice.status).toBe(200);

    const file = await upload(applicant, item.implementationCode, first!.id, MINIMAL_PDF, { fileName: '清晰扫描件.pdf' });
    const saved = await saveDraft(applicant, caseNumber, { version: 0, materials: { [first!.id]: [file] } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ caseNumber, version: 1, materials: { [first!.id]: [{ key: file.key, fileName: '清晰扫描件.pdf' }] } });

    // Coming back later: the same files.
    const back = await draftOf(applicant, caseNumber);
    expect(back.body).toMatchObject({ version: 1, materials: { [first!.id]: [{ key: file.key, fileName: '清晰扫描件.pdf' }] } });

    // An older view's save loses nothing: it is refused, and the newer draft stays.
    const stale = await saveDraft(applicant, caseNumber, { version: 0, materials: {} });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE_VERSION_CONFLICT');
    expect((await draftOf(applicant, caseNumber)).body.version).toBe(1);

    // Only the notice's materials, and only the person's own uploads.
    const third = item.guide.materials.find((m) => m.source === 'applicant' && ![first!.id, second!.id].includes(m.id))!;
    const wrong = await saveDraft(applicant, caseNumber, { version: 1, materials: { [third.id]: [file], [second!.id]: [{ key: 'materials/someone-else/x.pdf', fileName: 'x.pdf' }] } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(wrong.body.details!.map((d) => d.path).sort()).toEqual([`materials.${second!.id}[0]`, `materials.${third.id}`].sort());

    // Nobody else reads or writes it: the same 404 as for a case that does not exist.
    const stranger = await newUser();
    expect((await draftOf(stranger, caseNumber)).status).toBe(404);
    expect((await saveDraft(stranger, caseNumber, { version: 1, materials: {} })).status).toBe(404);
    expect((await api(`/cases/${caseNumber}/supplement-draft`)).status).toBe(401);

    // Submitting the supplement clears the draft in the same step.
    const secondFile = await upload(applicant, item.implementationCode, second!.id, MINIMAL_PDF);
    const both = await saveDraft(applicant, caseNumber, { version: 1, materials: { [first!.id]: [file], [second!.id]: [secondFile] } });
    expect(both.body.version).toBe(2);
    const mine = await applicantCase(applicant, caseNumber);
    const resubmitted = await api(`/cases/${caseNumber}/resubmit`, { method: 'POST', headers: asUser(applicant, json), body: JSON.stringify({ version: mine.version, materials: both.body.materials }) });
    expect(resubmitted.status).toBe(200);
    expect((await draftOf(applicant, caseNumber)).body).toEqual({ caseNumber, version: 0, materials: {}, updatedAt: null });

    // A second notice starts from an empty draft: the first notice's files are not offered again.
    expect((await act(preReviewer, caseNumber, { action: 'request_supplement', defects: [{ materialId: first!.id, reason: '仍不清晰' }] })).status).toBe(200);
    expect((await draftOf(applicant, caseNumber)).body).toMatchObject({ version: 0, materials: {} });
  }, forRequests(30));
});

describe('choice options constrained per implementation', () => {
  it('refuses a 4A application to a city that rates 3A and below, naming the rule on the field; accepts 3A there and 4A at the province', async () => {
    const city = await cityItem('A级旅游景区质量等级评定');
    const grade = city.applicationFields.find((f) => f.key === 'targetGrade')!;
    expect(city.optionRules).toEqual([{ field: 'targetGrade', options: ['A级', 'AA级', 'AAA级'], rule: expect.stringContaining('3A级及以下') }]);
    expect(grade.options).toContain('AAAA级');

    const applicant = await newUser();
    const fields = { scenicName: '黄山翡翠谷景区', scenicAddress: '黄山市黄山区汤口镇翡翠谷' };
    const refused = await submitApplication(applicant, await completeApplication(applicant, city, { ...fields, targetGrade: 'AAAA级' }));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('COMMON_VALIDATION_FAILED');
    expect(refused.body.details).toEqual([{ path: 'fields.targetGrade', message: '市级文化和旅游部门受理3A级及以下等级旅游景区的评定申请；申报4A级旅游景区，请向安徽省文化和旅游厅申请' }]);
    expect((await api('/cases', { headers: asUser(applicant) })).body.cases).toEqual([]);

    expect((await submitApplication(applicant, await completeApplication(applicant, city, { ...fields, targetGrade: 'AAA级' }))).status).toBe(201);

    const province = await provinceItem('A级旅游景区质量等级评定');
    const low = await submitApplication(applicant, await completeApplication(applicant, province, { ...fields, targetGrade: 'AAA级' }));
    expect(low.status).toBe(400);
    expect(low.body.details[0].message).toContain('安徽省文化和旅游厅受理4A级');
    expect((await submitApplication(applicant, await completeApplication(applicant, province, { ...fields, targetGrade: 'AAAA级' }))).status).toBe(201);
  }, forRequests(40));
});
