import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { MINIAPP_DIR, TARO_BIN } from './paths';
import { assertPortFree, startProcess, waitFor, type Managed } from './process';
import { serveStatic } from './static-server';

const run = promisify(execFile);

/** The Taro H5 dev server (rebuilds on change), talking to the API at apiBase. */
/** Build-time settings of the local H5 app: the API, developer sign-in and the WeChat stand-in's page. */
function localAppEnv(apiBase: string, wechatStandIn: string) {
  return { TARO_APP_API_BASE: apiBase, TARO_APP_DEV_LOGIN: '1', TARO_APP_WECHAT_STANDIN: wechatStandIn, BROWSERSLIST_IGNORE_OLD_DATA: '1' };
}

export async function startH5DevServer(port: number, apiBase: string, wechatStandIn: string, log?: (line: string) => void): Promise<Managed & { url: string }> {
  await assertPortFree(port, 'H5 app', 'H5_PORT');
  const { child, managed, output } = startProcess('H5 dev server', process.execPath, [TARO_BIN, 'build', '--type', 'h5', '--watch'], {
    cwd: MINIAPP_DIR,
    env: { ...process.env, H5_PORT: String(port), ...localAppEnv(apiBase, wechatStandIn) },
    log,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('H5 dev server', async () => (await fetch(url)).status === 200, 180_000, child);
  } catch (error) {
    await managed.stop();
    throw new Error(`${(error as Error).message}\n--- taro output ---\n${output()}`);
  }
  return { ...managed, url };
}

/** Where the statically served H5 build goes: apart from dist/h5, which the dev server owns. */
const STATIC_H5_DIR = path.join('dist', 'h5-static');

/** Builds the H5 app once (production mode) for apiBase and returns its folder. */
export async function buildH5(apiBase: string, wechatStandIn: string): Promise<string> {
  await run(process.execPath, [TARO_BIN, 'build', '--type', 'h5'], {
    cwd: MINIAPP_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...localAppEnv(apiBase, wechatStandIn),
      TARO_OUTPUT_DIR: STATIC_H5_DIR,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return path.join(MINIAPP_DIR, STATIC_H5_DIR);
}

/**
 * A production H5 build served statically: what the browser tests drive. REUSE_H5_BUILD=1 serves the
 * existing build instead (for iterating on tests; it must have been built for the same API base).
 */
export async function startH5Static(port: number, apiBase: string, wechatStandIn: string): Promise<Managed & { url: string }> {
  await assertPortFree(port, 'H5 app', 'TEST_H5_PORT');
  const existing = path.join(MINIAPP_DIR, STATIC_H5_DIR);
  const reuse = process.env.REUSE_H5_BUILD === '1' && existsSync(path.join(existing, 'index.html'));
  return serveStatic(reuse ? existing : await buildH5(apiBase, wechatStandIn), port);
}
