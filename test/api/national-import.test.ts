import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { formatImplementationCode, type ImplementationItem, type ImportResult, type ImportSummary, type StaffCaseSummary } from '@ah-tourism/shared';
import { api, apiUrl, forRequests } from '../support/api';
import { asUser, newUser, signInAs, travelAgencyItem, validCreditCode, validResidentId } from '../support/applications';
import { assessmentReport, figure, HUANGSHAN, PROVINCE } from '../support/assessment';
import { act, staffCase } from '../support/lifecycle';
import { createAppKey, signedApi } from '../support/open-api';

const json = { 'Content-Type': 'application/json' };
const HEADER = '办件编号,事项编码,实施机构代码,申请人类型,申请人名称,证件号码,联系电话,申请时间,受理时间,办件状态,办结时间,办理结果,办理环节';
const PERSON_ID = validResidentId('34100219900307123');
const ENTERPRISE_CODE = validCreditCode('91341000MA2T3K4L5');
/** A month no other test writes cases in, so the organisation's figures for it move only by this file's imports. */
const MONTH = '2024-10';

/** POST /public/progress from its own loopback address (the per-client limit is for separate people). */
function publicQuery(body: unknown): Promise<{ status: number; body: any }> {
  const url = new URL('/public/progress', apiUrl());
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250) + 2}`, headers: { ...json, 'Content-Length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * 导入全国旅游监管服务平台办件: 郑管理 (单位管理员, 黄山市文化和旅游局) imports a CSV file of cases handled in the
 * national system, with good and bad rows, twice.
 */
describe('importing cases handled in the national tourism supervision system', () => {
  let admin: string;
  let item: ImplementationItem;
  const run = randomUUID().slice(0, 8).toUpperCase();
  const no = (n: number) => `QG-${run}-${n}`;
  let file: string;
  let first: ImportResult;
  let second: ImportResult;
  let onlineBefore: { numerator?: number; denominator?: number };

  const importFile = (token: string, body: unknown) => api<ImportResult & { code?: string; message?: string }>('/staff/imports', { method: 'POST', headers: asUser(token, json), body: JSON.stringify(body) });

  beforeAll(async () => {
    admin = (await signInAs('city-org_admin')).accessToken;
    item = await travelAgencyItem();
    const provinceItem = formatImplementationCode({ basicCode: '0100120000', level: 'province', regionCode: PROVINCE.regionCode, creditCode: PROVINCE.organisationCode });
    file = [
      HEADER,
      // 2: good, a person's case finished with approval, one named step of the national system.
      `${no(1)},${item.implementationCode},${HUANGSHAN.organisationCode},个人,程晓雨,${PERSON_ID},13955912345,2024-10-08 09:00,2024-10-08 10:30,已办结,2024-10-15 16:00,准予许可,现场核查@2024-10-10 14:00`,
      // 3: good, an enterprise's case still in progress there, by its basic code.
      `${no(2)},0100117000,${HUANGSHAN.organisationCode},企业,黄山云海旅行社有限公司,${ENTERPRISE_CODE},13855900001,2024-10-09 09:00,2024-10-09 11:00,办理中,,,`,
      // 4: the identity number's check digit is wrong.
      `${no(3)},${item.implementationCode},${HUANGSHAN.organisationCode},个人,李四,${PERSON_ID.slice(0, 17)}${PERSON_ID.endsWith('0') ? '1' : '0'},,2024-10-08 09:00,2024-10-08 10:00,已受理,,,`,
      // 5: an item another organisation implements.
      `${no(4)},${provinceItem},${HUANGSHAN.organisationCode},个人,王五,${PERSON_ID},,2024-10-08 09:00,2024-10-08 10:00,已受理,,,`,
      // 6: finished without a result, and a mobile of ten digits: two fields of one row.
      `${no(5)},${item.implementationCode},${HUANGSHAN.organisationCode},个人,赵六,${PERSON_ID},1395591234,2024-10-08 09:00,2024-10-08 10:00,已办结,2024-10-12 10:00,,`,
      // 7: the national number of row 2 again.
      `${no(1)},${item.implementationCode},${HUANGSHAN.organisationCode},个人,程晓雨,${PERSON_ID},,2024-10-08 09:00,2024-10-08 10:30,已受理,,,`,
    ].join('\r\n');
    onlineBefore = figure((await assessmentReport(admin, { scope: `organisation:${HUANGSHAN.organisationCode}`, from: MONTH, to: MONTH })).body, 'casesOnline');
  }, forRequests(6));

  it('writes the good rows, names each bad row and field; importing the same file again writes nothing new', async () => {
    const res = await importFile(admin, { format: 'csv', content: `\uFEFF${file}`, fileName: '全国平台导出.csv' });
    expect(res.status).toBe(200);
    first = res.body;
    expect(first).toMatchObject({ rows: 6, imported: 2, alreadyImported: 0, rejected: 4, importedBy: '郑管理', sourceLabel: '全国旅游监管服务平台', fileName: '全国平台导出.csv' });
    const imported = first.lines.filter((l) => l.outcome === 'imported');
    expect(imported.map((l) => [l.row, l.nationalCaseNumber])).toEqual([
      [2, no(1)],
      [3, no(2)],
    ]);
    expect(first.lines.filter((l) => l.outcome === 'rejected').map((l) => [l.row, l.field])).toEqual([
      [4, '证件号码'],
      [5, '事项编码'],
      [6, '联系电话'],
      [6, '办理结果'],
      [7, '办件编号'],
    ]);
    expect(first.lines.find((l) => l.row === 7)!.problem).toBe('与第2行的办件编号重复，同一办件只能出现一次');
    expect(first.lines.find((l) => l.row === 5)!.problem).toBe('该事项不由本单位实施，只能导入本单位事项的办件');

    const again = await importFile(admin, { format: 'csv', content: file });
    expect(again.status).toBe(200);
    second = again.body;
    expect(second).toMatchObject({ rows: 6, imported: 0, alreadyImported: 2, rejected: 4 });
    expect(second.lines.filter((l) => l.outcome === 'already_imported').map((l) => [l.row, l.caseNumber])).toEqual(imported.map((l) => [l.row, l.caseNumber]));

    // The same records as JSON: the same cases, still nothing written twice.
    const asJson = [{ nationalCaseNumber: no(2), itemCode: '0100117000', organisationCode: HUANGSHAN.organisationCode, applicantType: '企业', applicantName: '黄山云海旅行社有限公司', applicantIdNumber: ENTERPRISE_CODE, appliedAt: '2024-10-09 09:00', acceptedAt: '2024-10-09 11:00', status: '办理中' }];
    const third = await importFile(admin, { format: 'json', content: JSON.stringify(asJson) });
    expect(third.body).toMatchObject({ rows: 1, imported: 0, alreadyImported: 1, lines: [{ row: 1, outcome: 'already_imported', caseNumber: imported[1]!.caseNumber }] });
  }, forRequests(8));

  it('keeps each import with its counts, and its report as a CSV file naming row, field and problem', async () => {
    const history = await api<{ items: ImportSummary[] }>('/staff/imports', { headers: asUser(admin) });
    expect(history.status).toBe(200);
    const ids = history.body.items.map((i) => i.importId);
    expect(ids.indexOf(second.importId)).toBeLessThan(ids.indexOf(first.importId));
    const { lines: _lines, ...summary } = first;
    expect(history.body.items.find((i) => i.importId === first.importId)).toEqual(summary);

    const report = await fetch(`${apiUrl()}/staff/imports/${first.importId}/report`, { headers: asUser(admin) });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toMatch(/^attachment; filename="national-import-\d{12}-[0-9A-Z]{6}\.csv"/);
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('行号,办件编号（全国旅游监管服务平台）,结果,字段,问题,本系统办件编号');
    expect(lines.find((l) => l.startsWith('4,'))).toMatch(new RegExp(`^4,${no(3)},未导入,证件号码,身份证号码不正确`));
    expect(lines).toContain(`5,${no(4)},未导入,事项编码,该事项不由本单位实施，只能导入本单位事项的办件,`);
    expect(lines.filter((l) => l.startsWith('6,')).map((l) => l.split(',')[3])).toEqual(['联系电话', '办理结果']);
    expect(lines).toContain(`7,${no(1)},未导入,办件编号,与第2行的办件编号重复，同一办件只能出现一次,`);
    expect(lines.find((l) => l.startsWith('2,'))).toMatch(new RegExp(`^2,${no(1)},已导入,,,\\d{14}[0-9A-Z]{8}$`));

    const secondReport = await (await fetch(`${apiUrl()}/staff/imports/${second.importId}/report`, { headers: asUser(admin) })).text();
    expect(secondReport).toContain(`2,${no(1)},已导入，未重复写入,,,`);
  }, forRequests(4));

  it('lists the imported cases once each in the organisation\'s cases, marked with their source, read-only', async () => {
    const [finished, inProgress] = first.lines.filter((l) => l.outcome === 'imported').map((l) => l.caseNumber!) as [string, string];
    const staff = (await signInAs('city-review')).accessToken;
    const listed: StaffCaseSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: StaffCaseSummary[]; nextCursor: string | null } = (await api(`/staff/cases?source=national_tourism_system&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: asUser(staff) })).body;
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed.filter((c) => c.caseNumber === finished || c.caseNumber === inProgress).map((c) => [c.caseNumber, c.statusLabel, c.channelLabel, c.nationalCaseNumber])).toEqual([
      [inProgress, '已受理', '全国旅游监管服务平台', no(2)],
      [finished, '已办结', '全国旅游监管服务平台', no(1)],
    ]);
    expect(listed.every((c) => c.channel === 'national_tourism_system')).toBe(true);

    const detail = (await staffCase(staff, finished)).body;
    expect(detail).toMatchObject({ channel: 'national_tourism_system', channelLabel: '全国旅游监管服务平台', status: 'closed', actions: [], applicant: { name: '程晓雨', idNumber: PERSON_ID } });
    expect(detail.history.map((h) => [h.action, h.actorName, h.opinion])).toEqual([
      ['submit', '全国旅游监管服务平台', undefined],
      ['accept', '全国旅游监管服务平台', undefined],
      ['national_step', '全国旅游监管服务平台', '现场核查'],
      ['approve', '全国旅游监管服务平台', undefined],
      ['close', '全国旅游监管服务平台', undefined],
    ]);
    // Handled in the national system: our lifecycle does not act on it.
    const refused = await act(staff, inProgress, { action: 'complete_review', opinion: '审查完毕' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE_IMPORTED_READ_ONLY');
    const audit = await api(`/staff/cases/${finished}/audit`, { headers: asUser(staff) });
    expect(audit.body).toMatchObject({ intact: true });
  }, forRequests(8));

  it('answers the public progress query by our case number and the applicant\'s name or mobile', async () => {
    const [finished, inProgress] = first.lines.filter((l) => l.outcome === 'imported').map((l) => l.caseNumber!) as [string, string];
    const byName = await publicQuery({ caseNumber: finished, name: '程晓雨' });
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ caseNumber: finished, applicantName: '程**', statusLabel: '已办结', finished: true, sourceLabel: '全国旅游监管服务平台' });
    expect(byName.body.steps.map((s: { label: string }) => s.label)).toEqual(['提交申请', '受理', '现场核查', '准予许可', '办结']);
    const byMobile = await publicQuery({ caseNumber: inProgress, mobileLast4: '0001' });
    expect(byMobile.status).toBe(200);
    expect(byMobile.body).toMatchObject({ applicantName: '黄山云海旅行社有限公司', statusLabel: '已受理', finished: false });
    expect((await publicQuery({ caseNumber: inProgress, name: '别的公司' })).status).toBe(404);
  }, forRequests(4));

  it('counts the imported cases in the organisation\'s statistics as submitted offline', async () => {
    const scope = { scope: `organisation:${HUANGSHAN.organisationCode}`, from: MONTH, to: MONTH };
    let online = onlineBefore;
    for (let wait = 0; wait < 60 && online.denominator !== (onlineBefore.denominator ?? 0) + 2; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      online = figure((await assessmentReport(admin, scope)).body, 'casesOnline');
    }
    expect(online).toMatchObject({ denominator: (onlineBefore.denominator ?? 0) + 2, numerator: onlineBefore.numerator ?? 0 });
    const onTime = figure((await assessmentReport(admin, scope)).body, 'onTimeRate');
    expect(onTime.denominator).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('is for the organisation\'s administrator only; another organisation\'s import is not found', async () => {
    const reviewer = (await signInAs('city-review')).accessToken;
    const refused = await importFile(reviewer, { format: 'csv', content: file });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH_FORBIDDEN');
    expect((await api('/staff/imports', { headers: asUser(reviewer) })).status).toBe(403);
    expect((await importFile(await newUser(), { format: 'csv', content: file })).status).toBe(403);
    expect((await api('/staff/imports', { method: 'POST', headers: json, body: JSON.stringify({ format: 'csv', content: file }) })).status).toBe(401);
    const province = (await signInAs('province-org_admin')).accessToken;
    const other = await api(`/staff/imports/${first.importId}/report`, { headers: asUser(province) });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('IMPORT_NOT_FOUND');
  }, forRequests(7));

  it('refuses a file it cannot read, with what to fix, and writes nothing', async () => {
    const before = await api<{ items: ImportSummary[] }>('/staff/imports', { headers: asUser(admin) });
    const header = await importFile(admin, { format: 'csv', content: '办件编号,备注\nX1,1' });
    expect(header.status).toBe(400);
    expect(header.body).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: '表头中有无法识别的列：备注，请按导入说明填写列名' });
    expect((await importFile(admin, { format: 'json', content: '{"a":1}' })).body).toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    expect((await importFile(admin, { format: 'xlsx', content: 'x' })).body).toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
    const tooMany = [HEADER, ...Array.from({ length: 501 }, (_, i) => `${no(1000 + i)},0100117000,${HUANGSHAN.organisationCode},个人,程晓雨,${PERSON_ID},,2024-10-08 09:00,2024-10-08 10:00,已受理,,,`)].join('\n');
    const large = await importFile(admin, { format: 'csv', content: tooMany });
    expect(large.status).toBe(413);
    expect(large.body.code).toBe('IMPORT_TOO_MANY_ROWS');
    // No import record for any of them (these requests name no file; the browser test's imports, which may run meanwhile, do).
    const after = await api<{ items: ImportSummary[] }>('/staff/imports', { headers: asUser(admin) });
    const known = new Set(before.body.items.map((i) => i.importId));
    expect(after.body.items.filter((i) => !known.has(i.importId) && !i.fileName)).toEqual([]);
  }, forRequests(6));

  it('answers a full file of 500 rows within the API\'s time; rows not reached are written by importing the file again, each once', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${no(2000 + i)},0100117000,${HUANGSHAN.organisationCode},个人,程晓雨,${PERSON_ID},,2024-10-08 09:00,2024-10-08 10:00,已受理,,,`);
    const content = [HEADER, ...rows].join('\n');
    const written = new Map<string, string>();
    for (let attempt = 0; attempt < 6 && written.size < 500; attempt += 1) {
      // Each answer comes (the request stops starting rows after its time budget); how long it takes is not asserted.
      const res = await importFile(admin, { format: 'csv', content });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 500, rejected: 0, alreadyImported: written.size, imported: 500 - written.size - res.body.deferred });
      for (const line of res.body.lines.filter((l) => l.outcome === 'imported')) {
        expect(written.has(line.nationalCaseNumber!)).toBe(false);
        written.set(line.nationalCaseNumber!, line.caseNumber!);
      }
    }
    expect(written.size).toBe(500);
    const last = await importFile(admin, { format: 'csv', content });
    expect(last.body).toMatchObject({ imported: 0, alreadyImported: 500, deferred: 0 });
  }, 240_000);
});

/** The national system pushing the cases it handled, signed with an app key of scope national_records. */
describe('cases pushed by the national tourism supervision system over the signed open API', () => {
  const run = randomUUID().slice(0, 8).toUpperCase();
  const path = (organisationCode: string) => `/open/v1/organisations/${organisationCode}/national-records`;

  it('imports them as the file import does, once however often they are pushed; the import names the consumer', async () => {
    const key = await createAppKey(['national_records'], 'qglyjg', '全国旅游监管服务平台');
    const item = await travelAgencyItem();
    const content = [
      HEADER,
      `QG-${run}-1,${item.implementationCode},${HUANGSHAN.organisationCode},个人,程晓雨,${PERSON_ID},13955912345,2024-10-08 09:00,2024-10-08 10:30,已办结,2024-10-15 16:00,准予许可,`,
      `QG-${run}-2,0100117000,${HUANGSHAN.organisationCode},个人,程晓雨,12345,,2024-10-09 09:00,,办理中,,,`,
    ].join('\n');
    const first = await signedApi<ImportResult>(key, 'POST', path(HUANGSHAN.organisationCode), { format: 'csv', content });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 2, imported: 1, rejected: 1, alreadyImported: 0 });
    expect(first.body.lines.find((l) => l.outcome === 'rejected')).toMatchObject({ row: 3, field: '证件号码' });
    const again = await signedApi<ImportResult>(key, 'POST', path(HUANGSHAN.organisationCode), { format: 'csv', content });
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 1 });

    const admin = (await signInAs('city-org_admin')).accessToken;
    const history = await api<{ items: ImportSummary[] }>('/staff/imports', { headers: asUser(admin) });
    expect(history.body.items.find((i) => i.importId === first.body.importId)).toMatchObject({ imported: 1, rejected: 1, importedBy: 'qglyjg' });
  }, forRequests(10));

  it('refuses a key of another scope (403) and an unknown organisation (404)', async () => {
    const portal = await createAppKey(['portal']);
    const body = { format: 'csv', content: `${HEADER}\n` };
    const outOfScope = await signedApi(portal, 'POST', path(HUANGSHAN.organisationCode), body);
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.code).toBe('OPEN_API_SCOPE_FORBIDDEN');
    const key = await createAppKey(['national_records'], 'qglyjg', '全国旅游监管服务平台');
    const unknown = await signedApi(key, 'POST', path(validCreditCode('11341000MB0000000')), body);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('COMMON_NOT_FOUND');
  }, forRequests(6));
});

