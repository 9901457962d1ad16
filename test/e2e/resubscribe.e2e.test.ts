import { randomUUID } from 'node:crypto';
import type { SubscriptionList } from '@ah-tourism/shared';
import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, asUser, completeApplication, signInAs, signInWithWechat, submitApplication, travelAgencyItem } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { act } from '../support/lifecycle';
import { untilVisible } from '../support/lifecycle-phone';
import { answerSimulatedSubscribe, openApp, useSessionOnPhone } from '../support/login-phone';
import { eventually, pushesAbout } from '../support/notifications';

/**
 * Honest notifications (H5, Chromium, 375×812): a one-time subscribe grant is spent by the push it
 * allowed. A person subscribes to progress notices on the case page (the local stand-in for WeChat's
 * dialog), the acceptance notice is pushed and spends the grant, and the case page then offers to
 * subscribe again; accepting it brings the grant back and the offer goes.
 */

const ITEM = '旅行社业务经营许可';
const OFFER = '订阅办件进展通知';

describe('the case page offers to subscribe again once the grant is spent (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  afterAll(async () => phone?.close());

  it('subscribe once, a notice spends the grant, the offer comes back, accepting it makes it go', async () => {
    const openid = `resub-${randomUUID().replace(/-/g, '')}`;
    const session = await signInWithWechat(openid);
    const user = session.accessToken;
    const submitted = await submitApplication(user, await completeApplication(user, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS));
    expect(submitted.status).toBe(201);
    const caseNumber = submitted.body.caseNumber as string;
    const progressGrants = async () => (await api<SubscriptionList>('/me/subscriptions', { headers: asUser(user) })).body.templates.find((t) => t.key === 'case_progress')?.remaining;

    phone = await openPhone();
    const { page } = phone;
    await useSessionOnPhone(page, session);
    const casePage = `pages/cases/detail/index?caseNumber=${caseNumber}`;

    // No grant yet: the case page says so and offers to subscribe; 允许 in the (simulated) WeChat dialog.
    await openApp(page, casePage);
    await untilVisible(page, page.getByRole('heading', { name: ITEM, level: 1 }));
    const offer = page.getByRole('button', { name: OFFER }).filter({ visible: true });
    await visible(offer);
    await offer.click();
    expect(await answerSimulatedSubscribe(page, '允许')).toContain('办件进度通知');
    await visible(page.getByRole('status').filter({ hasText: '已订阅：办件有新进展时会通过微信通知您一次' }));
    expect(await progressGrants()).toBe(1);

    // The acceptance notice is pushed and spends the grant.
    const preReviewer = (await signInAs('city-pre_review')).accessToken;
    expect((await act(preReviewer, caseNumber, { action: 'accept', opinion: '材料齐全，符合法定形式' })).status).toBe(200);
    await eventually('the acceptance pushed', () => pushesAbout(openid, caseNumber, 'case_progress'), (pushes) => pushes.length === 1, 45_000);
    expect(await progressGrants()).toBe(0);

    // Back on the case page: the offer again, saying why.
    await openApp(page, casePage);
    await untilVisible(page, page.getByText('已受理', { exact: true }).filter({ visible: true }));
    await visible(offer);
    await visible(page.getByText(/您目前不会收到本办件后续进展的微信通知/).filter({ visible: true }));
    await offer.scrollIntoViewIfNeeded();
    await screenshot(page, 'resubscribe-01-offer');
    await offer.click();
    await answerSimulatedSubscribe(page, '允许');
    await visible(page.getByRole('status').filter({ hasText: '已订阅：办件有新进展时会通过微信通知您一次' }));
    expect(await progressGrants()).toBe(1);

    // With a grant in hand the page offers nothing.
    await openApp(page, casePage);
    await untilVisible(page, page.getByText('已受理', { exact: true }).filter({ visible: true }));
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: OFFER }).filter({ visible: true }).count()).toBe(0);
    expect(await page.getByText(/您目前不会收到本办件后续进展的微信通知/).filter({ visible: true }).count()).toBe(0);
  }, 180_000);
});
