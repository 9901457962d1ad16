import type { ImplementationItem } from '@ah-tourism/shared';
import { cityItem, completeApplication, signInAs, submitApplication } from '../support/applications';
import { openPhone, screenshot, visible } from '../support/browser';
import { decide, staffOf } from '../support/licences';
import { switchPersona } from '../support/lifecycle-phone';
import { openApp } from '../support/login-phone';

/** A case submitted through the API for a persona (the form itself is covered by the apply story). */
async function submitAs(personaId: string, item: ImplementationItem, fields: Record<string, unknown>): Promise<string> {
  const token = (await signInAs(personaId)).accessToken;
  const res = await submitApplication(token, await completeApplication(token, item, fields));
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.caseNumber;
}

describe('the one visit of a negative-list item and smart approval (H5, Chromium)', () => {
  let phone: Awaited<ReturnType<typeof openPhone>>;
  afterAll(async () => phone?.close());

  it('the applicant books the on-site visit for a scenic-area rating from the hall’s slots, once it is approved', async () => {
    const item = await cityItem('A级旅游景区质量等级评定');
    const caseNumber = await submitAs('citizen', item, { scenicName: '黄山翡翠谷景区', targetGrade: 'AAA级', scenicAddress: '黄山市黄山区汤口镇翡翠谷' });
    phone = await openPhone();
    const { page } = phone;
    await switchPersona(page, 'citizen');
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    await visible(page.getByText('现场办理（最多跑一次）').filter({ visible: true }).first(), 45_000);
    // The page leads with where the case is: the step, who holds it, the days left and what is next.
    const progress = page.getByRole('region', { name: '办理进度' }).filter({ visible: true });
    await visible(progress.getByRole('listitem', { name: '第2步 预审，当前' }));
    await visible(progress.getByText('当前办理：黄山市文化和旅游局'));
    await visible(progress.getByText(/^剩余 \d+ 个工作日$/));
    // Awaiting pre-review: the page says what the visit is for and when it can be booked, and offers no slots.
    await visible(page.getByText('到现场办理：到现场领取A级旅游景区标牌并签收').filter({ visible: true }));
    await visible(page.getByText('作出准予决定后，即可在此预约到现场领取的时间').filter({ visible: true }));
    expect(await page.getByRole('button', { name: '预约时段' }).filter({ visible: true }).count()).toBe(0);

    await decide(await staffOf('city'), caseNumber);
    await openApp(page, `pages/cases/detail/index?caseNumber=${caseNumber}`);
    await visible(page.getByText('尚未预约现场办理时段').filter({ visible: true }), 45_000);
    await visible(progress.getByRole('listitem', { name: '第5步 送达，当前' }));
    await visible(progress.getByText('下一步：请预约到现场的时间'));
    await screenshot(page, 'visit-00-progress-approved');
    await page.getByRole('button', { name: '预约时段' }).filter({ visible: true }).first().click();
    const free = page.getByRole('radio').filter({ visible: true }).filter({ hasText: '余 3 个' }).first();
    await visible(free, 30_000);
    await free.click();
    await screenshot(page, 'visit-01-slots');
    await page.getByRole('button', { name: '确认预约' }).filter({ visible: true }).click();
    await visible(page.getByText(/\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}–\d{2}:\d{2}/).filter({ visible: true }).first(), 30_000);
    await visible(page.getByRole('button', { name: '改约' }).filter({ visible: true }));
    await screenshot(page, 'visit-02-booked');
  }, 180_000);

  it('staff see which smart-approval rule failed on a filing that fell back to a person', async () => {
    const item = await cityItem('旅行社服务网点设立备案');
    const caseNumber = await submitAs('citizen', item, { agencyName: '黄山云海旅行社有限公司', outletName: '云海旅行社合肥网点', outletAddress: '合肥市蜀山区长江西路100号' });
    const { page } = phone;
    await switchPersona(page, 'city-pre_review');
    await openApp(page, `pages/staff/case/index?caseNumber=${caseNumber}`);
    await visible(page.getByText('以下规则未通过，转人工办理').filter({ visible: true }), 45_000);
    await visible(page.getByText('服务网点位于本市行政区域内').filter({ visible: true }).first());
    await visible(page.getByText(/不在黄山市/).filter({ visible: true }).first());
    await screenshot(page, 'smart-approval-manual');
  }, 180_000);
});
