import { request } from 'node:http';
import { finishedCase } from '../support/evaluations';
import { apiUrl, forRequests } from '../support/api';
import { cityItem, completeApplication, newUser, submitApplication } from '../support/applications';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/**
 * POST /public/progress from a given loopback address (127.0.0.0/8 all reach the local API), so each
 * test is its own client for the per-client limit, as separate people would be.
 */
function query(from: string, body: unknown): Promise<Answer> {
  const url = new URL('/public/progress', apiUrl());
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A well-formed case number that no case has (a random part of six Z after two digits: practically never drawn). */
const unknownNumber = (i: number) => `20261201341000${String(i).padStart(2, '0')}ZZZZZZ`;

/** A fresh loopback address per test. */
let next = 20;
const newClient = () => `127.0.${Math.floor(Math.random() * 200) + 20}.${(next += 1)}`;

describe('the public progress query (no sign-in)', () => {
  let caseNumber: string;
  beforeAll(async () => {
    ({ caseNumber } = await finishedCase());
  });

  it('answers the right number and name with masked, public progress only', async () => {
    const res = await query(newClient(), { caseNumber, name: '黄山云海旅行社有限公司' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      caseNumber,
      itemName: '旅行社服务网点设立备案',
      organisationName: '黄山市文化和旅游局',
      statusLabel: '已送达',
      finished: true,
    });
    expect(res.body.steps.map((s: { label: string }) => s.label)).toEqual(['提交申请', '智慧审批准予', '送达']);
    // Nothing personal: no agent, no identity or mobile number, no officers or opinions.
    expect(res.text).not.toMatch(/程晓雨|13955912345|3410021990|汪明/);
    expect(Object.keys(res.body).sort()).toEqual(['applicantName', 'caseNumber', 'finished', 'itemName', 'organisationName', 'statusHint', 'statusLabel', 'steps', 'submittedAt'].sort());
  });

  it('also answers to the last four digits of the registered mobile, and to a number typed in lower case', async () => {
    const res = await query(newClient(), { caseNumber: caseNumber.toLowerCase(), mobileLast4: '2345' });
    expect(res.status).toBe(200);
    expect(res.body.caseNumber).toBe(caseNumber);
  });

  it('shows the promised date of an accepted case, with the person’s name masked', async () => {
    const applicant = await newUser();
    const item = await cityItem('旅行社服务网点设立备案');
    const body = await completeApplication(applicant, item, { agencyName: '黄山云海旅行社有限公司', outletName: '云海旅行社合肥网点', outletAddress: '合肥市蜀山区长江西路100号' });
    const submitted = await submitApplication(applicant, body);
    const res = await query(newClient(), { caseNumber: submitted.body.caseNumber, name: '黄山云海旅行社有限公司' });
    expect(res.body).toMatchObject({ statusLabel: '待预审', finished: false });
    expect(res.body.promisedBy).toBeUndefined();
  });

  it('gives a wrong name and an unknown number the very same answer', async () => {
    const client = newClient();
    const wrongName = await query(client, { caseNumber, name: '张三' });
    const wrongMobile = await query(client, { caseNumber, mobileLast4: '0000' });
    const unknown = await query(client, { caseNumber: `${caseNumber.slice(0, 14)}ZZZZZZZZ`, name: '黄山云海旅行社有限公司' });
    for (const res of [wrongName, wrongMobile, unknown]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'PUBLIC_QUERY_NO_MATCH', message: '未查询到匹配的办件，请核对办件编号和申请人姓名（或手机号码后4位）' });
    }
    expect(new Set([wrongName.text, wrongMobile.text, unknown.text]).size).toBe(1);
    expect(wrongName.headers['content-length']).toBe(unknown.headers['content-length']);
  });

  it('explains what is missing or malformed', async () => {
    const neither = await query(newClient(), { caseNumber });
    expect(neither.status).toBe(400);
    expect(neither.body.details).toEqual([{ path: 'name', message: '请填写申请人姓名或手机号码后4位（二选一）' }]);
    const bad = await query(newClient(), { caseNumber: '123', mobileLast4: '12a4' });
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['caseNumber', 'mobileLast4']);
  });

  it('answers the 31st request in a minute from one client with 429, while other clients go on', async () => {
    const client = newClient();
    const statuses: number[] = [];
    // Thirty different (unknown) numbers, so the per-case limit on failures does not come first.
    for (let i = 0; i < 30; i += 1) statuses.push((await query(client, { caseNumber: unknownNumber(i), name: `试探${i}` })).status);
    expect(statuses).toEqual(Array(30).fill(404));
    const limited = await query(client, { caseNumber, name: '黄山云海旅行社有限公司' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'COMMON_RATE_LIMITED', message: '操作过于频繁，请1分钟后再试' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await query(newClient(), { caseNumber, name: '黄山云海旅行社有限公司' })).status).toBe(200);
    // 32 requests in sequence, each answered no sooner than the 400 ms floor: time in proportion to them.
  }, forRequests(32));

  it('locks a case number after 10 failed attempts from any addresses, and says so; other cases go on', async () => {
    const applicant = await newUser();
    const item = await cityItem('旅行社服务网点设立备案');
    const body = await completeApplication(applicant, item, { agencyName: '黄山云海旅行社有限公司', outletName: '云海旅行社屯溪网点', outletAddress: '黄山市屯溪区新安北路8号' });
    const target = (await submitApplication(applicant, body)).body.caseNumber;

    // Ten guesses of the mobile's last four digits, each from its own address: the per-address limit never bites.
    const guesses = await Promise.all(['0000', '0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008', '0009'].map((mobileLast4) => query(newClient(), { caseNumber: target, mobileLast4 })));
    expect(guesses.map((g) => g.status)).toEqual(Array(10).fill(404));

    // Now even the right answer, from yet another address, is refused for the window, and told why.
    const locked = await query(newClient(), { caseNumber: target, name: '黄山云海旅行社有限公司' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('PUBLIC_QUERY_CASE_LOCKED');
    expect(locked.body.message).toMatch(/^该办件编号查询失败次数过多，为保护申请人信息已暂停查询，请(59|60)分钟后再试；申请人本人可登录后在“我的办件”中查看进度$/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3000);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(3600);

    // An unknown number locks the same way, so the lock tells nothing about whether a case exists.
    const unknown = unknownNumber(99);
    for (let i = 0; i < 10; i += 1) expect((await query(newClient(), { caseNumber: unknown, mobileLast4: '1234' })).status).toBe(404);
    expect((await query(newClient(), { caseNumber: unknown, mobileLast4: '1234' })).body.code).toBe('PUBLIC_QUERY_CASE_LOCKED');

    // Other cases are not affected.
    expect((await query(newClient(), { caseNumber, name: '黄山云海旅行社有限公司' })).status).toBe(200);
  }, forRequests(30));
});
