import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { miniappInputs, reuseOrBuild, taroSettings } from './build-cache';
import { MINIAPP_DIR, TARO_BIN } from './paths';
import { assertPortFree, startProcess, waitFor, type Managed } from './process';
import { serveStatic } from './static-server';

const run = promisify(execFile);

/** The client id the local stage registered with the identity service's stand-in (serverless.yml, portalClientId). */
export const LOCAL_PORTAL_CLIENT_ID = 'ah-tourism-local';

/**
 * Build-time settings of the local H5 app: the API, developer sign-in, the WeChat stand-in's page and
 * portal sign-in through the identity service's stand-in (served by the WeChat stand-in).
 */
function localAppEnv(apiBase: string, wechatStandIn: string) {
  return {
    TARO_APP_API_BASE: apiBase,
    TARO_APP_DEV_LOGIN: '1',
    TARO_APP_WECHAT_STANDIN: wechatStandIn,
    TARO_APP_PORTAL_AUTHORIZE: `${wechatStandIn.replace(/\/+$/, '')}/ahzwfw/uias/authorize`,
    TARO_APP_PORTAL_CLIENT_ID: LOCAL_PORTAL_CLIENT_ID,
    BROWSERSLIST_IGNORE_OLD_DATA: '1',
  };
}

/** The Taro H5 dev server (rebuilds on change), talking to the API at apiBase. */
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

/**
 * Builds the H5 app (production mode) for apiBase and returns its folder, or returns the previous
 * build when it was made from the same sources, lockfile and settings (see build-cache.ts).
 * Aborting the signal stops a build under way.
 */
export async function buildH5(apiBase: string, wechatStandIn: string, signal?: AbortSignal): Promise<{ dir: string; reused: boolean; why?: string }> {
  const dir = path.join(MINIAPP_DIR, STATIC_H5_DIR);
  // JITI_FS_CACHE: postcss-loader's config loader would otherwise leave an (empty) cache folder in os.tmpdir().
  const env = { ...process.env, NODE_ENV: 'production', ...localAppEnv(apiBase, wechatStandIn), TARO_OUTPUT_DIR: STATIC_H5_DIR, JITI_FS_CACHE: 'false' };
  const { reused, why } = await reuseOrBuild({
    name: 'H5 app',
    outDir: dir,
    inputs: { paths: miniappInputs(), settings: { target: 'h5', ...taroSettings(env) } },
    build: async () => {
      await run(process.execPath, [TARO_BIN, 'build', '--type', 'h5'], { cwd: MINIAPP_DIR, env, signal, maxBuffer: 64 * 1024 * 1024 });
    },
  });
  return { dir, reused, why };
}

/** Serves a static H5 build (what the browser tests drive) on 127.0.0.1:port. */
export async function serveH5Static(port: number, build: { dir: string; reused: boolean; why?: string }): Promise<Managed & { url: string; reused: boolean; why?: string }> {
  await assertPortFree(port, 'H5 app', 'H5_PORT');
  return { ...(await serveStatic(build.dir, port)), reused: build.reused, why: build.why };
}
