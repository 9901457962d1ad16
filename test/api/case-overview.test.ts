import type { CaseOverview } from '@ah-tourism/shared';
import { api, forRequests } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { act } from '../support/lifecycle';

/**
 * GET /me/case-overview, home's 我的办件: the caller's own latest cases, newest first, each with what says
 * whether they have something to do (the supplement asked for, a visit to book, an evaluation).
 */
describe('my cases at a glance', () => {
  let preReviewer = '';
  beforeAll(async () => {
    preReviewer = (await signInAs('city-pre_review')).accessToken;
  });

  async function submit(user: string): Promise<string> {
    const res = await submitApplication(user, await completeApplication(user, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS));
    expect(res.status).toBe(201);
    return res.body.caseNumber as string;
  }
  const overview = (user: string) => api('/me/case-overview', { headers: asUser(user) });

  it('lists only the caller’s own cases, newest first, with the state that says a supplement is asked for', async () => {
    const [owner, other] = await Promise.all([newUser(), newUser()]);
    const older = await submit(owner);
    const newer = await submit(owner);
    const someoneElses = await submit(other);
    const item = await travelAgencyItem();
    const notice = await act(preReviewer, older, { action: 'request_supplement', defects: [{ materialId: item.guide.materials.find((m) => m.source === 'applicant')!.id, reason: '复印件不清晰，请上传清晰的扫描件' }] });
    expect(notice.status).toBe(200);

    const res = await overview(owner);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = res.body as CaseOverview;
    expect(body.cases.map((c) => c.caseNumber)).toEqual([newer, older]);
    expect(body.cases.map((c) => c.caseNumber)).not.toContain(someoneElses);
    const [first, second] = body.cases;
    expect(first).toMatchObject({ status: 'pre_review', statusLabel: expect.any(String), itemName: '旅行社业务经营许可', organisationName: '黄山市文化和旅游局', actions: expect.arrayContaining(['withdraw']) });
    expect(first!.deadlines.length).toBeGreaterThan(0);
    expect(second).toMatchObject({ status: 'supplement_requested', actions: expect.arrayContaining(['resubmit']) });
    // Nothing personal beyond what the person's own list shows (no identity numbers, no fields, no files).
    expect(Object.keys(first!).sort()).toEqual(
      ['actions', 'applicantName', 'caseNumber', 'deadlines', 'evaluation', 'implementationCode', 'itemName', 'organisationName', 'status', 'statusLabel', 'submittedAt'],
    );

    // The other person sees only their own.
    expect(((await overview(other)).body as CaseOverview).cases.map((c) => c.caseNumber)).toEqual([someoneElses]);
  }, forRequests(50));

  it('is empty for a person with no cases, and needs a signed-in caller', async () => {
    const res = await overview(await newUser());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cases: [] });
    const anonymous = await api('/me/case-overview');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: expect.stringMatching(/^AUTH_/) });
  });
});
