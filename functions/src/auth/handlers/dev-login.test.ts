import type { HttpEvent } from '../../platform/http';
import { resetConfig } from '../../platform/config';
import { handler as devLogin } from './dev-login';
import { handler as devPersonas } from './list-dev-personas';

const saved = { ...process.env };
afterEach(() => {
  process.env = saved;
  resetConfig();
});

const event = (body?: unknown) =>
  ({ headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), routeKey: 'POST /dev/login' }) as unknown as HttpEvent;

describe('developer sign-in outside the local stage', () => {
  it.each(['prod', 'dev'])('does not exist in the %s stage (404, before anything is read or written)', async (stage) => {
    process.env = { ...saved, STAGE: stage, TABLE_NAME: 'ah-tourism-prod-main', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' };
    resetConfig();
    const login = (await devLogin(event({ personaId: 'province-admin' }))) as { statusCode: number; body: string };
    expect(login.statusCode).toBe(404);
    expect(JSON.parse(login.body).code).toBe('COMMON_NOT_FOUND');
    const personas = (await devPersonas(event())) as { statusCode: number };
    expect(personas.statusCode).toBe(404);
  });
});
