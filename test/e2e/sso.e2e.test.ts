import type { Page } from 'playwright-core';
import { maskIdentityNumber, type Session } from '@ah-tourism/shared';
import { api } from '../support/api';
import { TRAVEL_AGENCY_FIELDS, cityItem, completeApplication, submitApplication, travelAgencyItem } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { addPortalPerson, choosePortalPerson, mintPortalCode } from '../support/identity';

/**
 * Single sign-on from the provincial portal on a phone-sized H5 app:
 *  - a portal deep link to a case carrying a fresh code opens the case signed in, the login page never
 *    shown, the code gone from the address; 我的 then shows the verified identity, masked;
 *  - a portal deep link to an application form (导游证核发, which a person applies for) opens the form
 *    signed in, the applicant's name and ID number filled in from the verified identity;
 *  - signed out, the same case link goes to the login page, where 政务服务网账号登录 goes to the identity
 *    service and comes back, signed in, on the case.
 */

/** The H5 app's own address: the redirect URI the portal (and the app) use with the identity service. */
const appAddress = () => `${process.env.H5_URL}/`;

/** A portal person with a 黄山市 旅行社业务经营许可 case of their own (submitted through the API). */
async function personWithCase(name: string) {
  const person = await addPortalPerson(name);
  const exchange = await api<Session>('/auth/portal/exchange', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: await mintPortalCode(person.personId, { redirectUri: appAddress() }), redirectUri: appAddress() }),
  });
  expect(exchange.status).toBe(200);
  const token = exchange.body.accessToken;
  const submitted = await submitApplication(token, await completeApplication(token, await travelAgencyItem(), TRAVEL_AGENCY_FIELDS));
  expect(submitted.status).toBe(201);
  return { person, caseNumber: submitted.body.caseNumber as string };
}

/** Records, in the page, whether the login page ever appeared (it is the element with class `login`). */
async function watchForLoginPage(page: Page): Promise<void> {
  await page.addInitScript({
    content: `
      window.__loginShown = false;
      new MutationObserver(() => {
        if (document.querySelector('.login') || location.hash.includes('pages/login')) window.__loginShown = true;
      }).observe(document, { childList: true, subtree: true });
    `,
  });
}

const loginShown = (page: Page) => page.evaluate('window.__loginShown === true');

describe('single sign-on from the provincial portal (H5)', () => {
  it('a portal deep link with a fresh code opens the case signed in, without showing the login page', async () => {
    const { person, caseNumber } = await personWithCase('欧阳深链');
    const code = await mintPortalCode(person.personId, { redirectUri: appAddress() });
    const phone = await openPhone();
    try {
      const { page } = phone;
      await watchForLoginPage(page);
      await page.goto(`${appAddress()}?code=${encodeURIComponent(code)}#/pages/cases/detail/index?caseNumber=${caseNumber}`);
      await visible(page.getByText(caseNumber).filter({ visible: true }).first(), 60_000);
      await visible(page.getByText('旅行社业务经营许可').filter({ visible: true }).first());
      expect(await loginShown(page)).toBe(false);
      // The one-time code does not stay in the address (nor in the history).
      expect(page.url()).not.toContain('code=');
      expect(page.url()).toContain(`caseNumber=${caseNumber}`);
      await screenshot(page, 'sso-deep-link-case');

      // 我的: the verified identity, masked; the account is this person's.
      await page.goto('about:blank');
      await page.goto(`${appAddress()}#/pages/mine/index`);
      await visible(page.getByText('已实名认证（政务服务网）').filter({ visible: true }));
      await visible(page.getByText(`身份证号：${maskIdentityNumber(person.idNumber)}`).filter({ visible: true }));
      await expect(page.getByText(person.idNumber).count()).resolves.toBe(0);
      await visible(page.getByText(caseNumber).filter({ visible: true }).first());
      await screenshot(page, 'sso-mine-verified');
    } finally {
      await phone.close();
    }
    // Generous: the first portal sign-in, submission and case page each start their function cold.
  }, 180_000);

  it('a portal deep link to an application form opens it signed in, filled in with the verified name and ID number', async () => {
    const person = await addPortalPerson('许预填');
    const item = await cityItem('导游证核发');
    const code = await mintPortalCode(person.personId, { redirectUri: appAddress() });
    const phone = await openPhone();
    try {
      const { page } = phone;
      await watchForLoginPage(page);
      await page.goto(`${appAddress()}?code=${encodeURIComponent(code)}#/pages/cases/apply/index?code=${item.implementationCode}`);
      const name = page.getByLabel('申请人姓名').filter({ visible: true });
      await visible(name, 60_000);
      await expect(name.inputValue()).resolves.toBe('许预填');
      await expect(page.getByLabel('申请人身份证号码').filter({ visible: true }).inputValue()).resolves.toBe(person.idNumber);
      expect(await loginShown(page)).toBe(false);
      expect(page.url()).toContain(`#/pages/cases/apply/index?code=${item.implementationCode}`);
      await screenshot(page, 'sso-deep-link-apply-prefilled');
    } finally {
      await phone.close();
    }
    // Generous: the first portal sign-in, submission and case page each start their function cold.
  }, 180_000);

  it('signed out, 政务服务网账号登录 on the login page goes to the identity service and back to the case, signed in', async () => {
    const { person, caseNumber } = await personWithCase('程回跳');
    await choosePortalPerson(person.personId);
    const phone = await openPhone();
    try {
      const { page } = phone;
      await page.goto(`${appAddress()}#/pages/cases/detail/index?caseNumber=${caseNumber}`);
      const portalButton = page.getByRole('button', { name: '使用安徽政务服务网账号登录，将前往政务服务网统一身份认证' }).filter({ visible: true });
      await visible(portalButton, 60_000);
      await screenshot(page, 'sso-login-page');
      await portalButton.click();
      // Out to the stand-in's authorize endpoint and back to the app's address with code and state.
      await visible(page.getByText(caseNumber).filter({ visible: true }).first(), 60_000);
      expect(page.url()).not.toContain('code=');
      expect(page.url()).not.toContain('state=');
      expect(page.url()).toContain(`#/pages/cases/detail/index?caseNumber=${caseNumber}`);
      await expect(page.locator('.login').filter({ visible: true }).count()).resolves.toBe(0);
      await screenshot(page, 'sso-back-on-case');
    } finally {
      await phone.close();
    }
    // Generous: the first portal sign-in, submission and case page each start their function cold.
  }, 180_000);
});
