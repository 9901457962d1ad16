import { ROUTES } from '@ah-tourism/shared/src/api/routes';
import { api } from '../support/api';
import { asUser, cityItem, newUser, signInAs } from '../support/applications';

/**
 * Bodies built to hurt the code after parsing: about 10,700 nested arrays in 21 KB made the request hash
 * and validation run out of stack (500). Excessive depth is refused with a 400 before any recursive work.
 */

const DEPTH = 10_700;
const deeplyNested = `{"implementationCode":"x","fields":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
const json = { 'Content-Type': 'application/json' };
const fill = (path: string) => path.replace(/\{[^}]+\}/g, 'X1');

describe('deeply nested JSON', () => {
  let citizen = '';
  let staff = '';
  let itemCode = '';

  beforeAll(async () => {
    citizen = await newUser();
    staff = (await signInAs('city-pre_review')).accessToken;
    itemCode = (await cityItem('旅行社业务经营许可')).implementationCode;
  });

  it('is refused with 400 COMMON_JSON_TOO_DEEP by the submission, which files no case', async () => {
    expect(Buffer.byteLength(deeplyNested)).toBeLessThan(64 * 1024);
    const res = await api('/cases', { method: 'POST', headers: asUser(citizen, { ...json, 'Idempotency-Key': `deep-${Date.now()}-abcdefgh` }), body: deeplyNested });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'COMMON_JSON_TOO_DEEP' });
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await api('/cases', { headers: asUser(citizen) })).body.cases).toEqual([]);
  });

  it('is refused with 400 COMMON_JSON_TOO_DEEP when saving a draft, which saves nothing', async () => {
    const res = await api(`/drafts/${itemCode}`, { method: 'PUT', headers: asUser(citizen, json), body: deeplyNested });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'COMMON_JSON_TOO_DEEP' });
    expect((await api('/drafts', { headers: asUser(citizen) })).body.drafts).toEqual([]);
  });

  it('still lets an ordinary body through (a shallow one with brackets inside strings)', async () => {
    const res = await api(`/drafts/${itemCode}`, {
      method: 'PUT',
      headers: asUser(citizen, json),
      body: JSON.stringify({ fields: { note: '['.repeat(100) }, materials: {} }),
    });
    expect(res.body.code).not.toBe('COMMON_JSON_TOO_DEEP');
  });

  // Every route that takes a body, as a citizen and as staff: refused by its access check or by the depth
  // check, never a 5xx. One test per route: each request may start its function cold.
  const withBody = ROUTES.filter((route) => route.method !== 'get' && route.method !== 'delete');
  it.each(withBody.flatMap((route) => (['citizen', 'staff'] as const).map((who) => [`${route.method.toUpperCase()} ${route.path} as ${who}`, route, who] as const)))(
    '%s: a clean 4xx',
    async (_name, route, who) => {
      const token = who === 'citizen' ? citizen : staff;
      const res = await api(fill(route.path), { method: route.method.toUpperCase(), headers: asUser(token, { ...json, 'Idempotency-Key': `deep-${Date.now()}-abcdefgh` }), body: deeplyNested });
      expect({ route: route.operationId, status: res.status >= 400 && res.status < 500 }).toEqual({ route: route.operationId, status: true });
      expect(res.body.code).toEqual(expect.any(String));
    },
  );
});
