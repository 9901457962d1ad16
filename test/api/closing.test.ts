import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, newUser, signInAs, submitApplication, travelAgencyItem } from '../support/applications';
import { verifyAudit } from '../support/audit';
import { decide, staffOf } from '../support/licences';
import { act, applicantCase } from '../support/lifecycle';
import { invokeFunction } from '../support/notifications';

const inboxHas = async (token: string, caseNumber: string) => {
  for (let cursor: string | undefined, pages = 0; pages < 50; pages += 1) {
    const res = await api(`/staff/cases?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: asUser(token) });
    if (res.body.items.some((c: { caseNumber: string }) => c.caseNumber === caseNumber)) return true;
    cursor = res.body.nextCursor;
    if (!cursor) return false;
  }
  throw new Error('inbox too long to page through');
};

describe('已办结: a delivered case leaves the inbox and is closed when its evaluation period ends', () => {
  it('closes ten days after delivery, not before, with the close step in the audit chain', async () => {
    const applicant = await newUser();
    const submitted = await submitApplication(applicant, await completeApplication(applicant, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS));
    const caseNumber = submitted.body.caseNumber as string;
    const staff = await staffOf('city');
    expect(await inboxHas(staff.pre, caseNumber)).toBe(true);
    await decide(staff, caseNumber);
    const deliverer = (await signInAs('city-deliver')).accessToken;
    const delivered = await act(deliverer, caseNumber, { action: 'deliver', delivery: { method: 'electronic' } });
    expect(delivered.body.status).toBe('delivered');
    expect(await inboxHas(staff.pre, caseNumber)).toBe(false);

    const deliveredAt = Date.now();
    const sweepAt = async (offsetMs: number) => (await invokeFunction<{ closed: number }>('closeDeliveredCasesAt', { now: new Date(deliveredAt + offsetMs).toISOString() })).result;
    await sweepAt(9 * 86_400_000);
    expect((await applicantCase(applicant, caseNumber)).status).toBe('delivered');
    expect((await sweepAt(10 * 86_400_000 + 3_600_000)).closed).toBeGreaterThanOrEqual(1);
    const closed = await applicantCase(applicant, caseNumber);
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已办结' });
    expect(closed.history.at(-1)).toMatchObject({ action: 'close', by: 'system' });
    // Run again: nothing more to do for this case.
    await sweepAt(10 * 86_400_000 + 7_200_000);
    expect((await applicantCase(applicant, caseNumber)).history.filter((h) => h.action === 'close')).toHaveLength(1);
    expect(await verifyAudit(staff.pre, caseNumber)).toMatchObject({ intact: true, entries: 6 });
  });
});
