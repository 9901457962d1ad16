import type { Session } from '@ah-tourism/shared';
import { openPhone } from './browser';

const SESSION_KEY = 'ah-tourism.session';
type BrowserGlobal = {
  localStorage: { setItem(key: string, value: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
};

/**
 * A phone whose app starts signed in with this session (put in the app's storage before the first load,
 * as after WeChat sign-in); later loads keep whatever the app itself stored (a renewed session).
 */
export async function openPhoneSignedIn(session: Session): Promise<Awaited<ReturnType<typeof openPhone>>> {
  const phone = await openPhone();
  await phone.context.addInitScript(
    ([key, value]) => {
      const g = globalThis as unknown as BrowserGlobal;
      if (g.sessionStorage.getItem('session-seeded')) return;
      g.localStorage.setItem(key, value);
      g.sessionStorage.setItem('session-seeded', '1');
    },
    [SESSION_KEY, JSON.stringify({ data: session })] as const,
  );
  return phone;
}
