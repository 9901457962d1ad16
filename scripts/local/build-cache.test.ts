import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsHash, reuseOrBuild, taroSettings } from './build-cache';

let dir: string;
let src: string;
let out: string;
let builds: number;

const build = (content = 'built') => async () => {
  builds += 1;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.html'), content);
};
const cached = (settings: Record<string, string> = { api: 'http://127.0.0.1:3100' }, run = build()) =>
  reuseOrBuild({ name: 'app', outDir: out, inputs: { paths: [src], settings }, build: run });

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'build-cache-'));
  src = path.join(dir, 'src');
  out = path.join(dir, 'dist', 'app');
  mkdirSync(path.join(src, 'pages'), { recursive: true });
  writeFileSync(path.join(src, 'pages', 'index.tsx'), 'export default 1');
  builds = 0;
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.BUILD_CACHE;
});

describe('the build cache', () => {
  it('builds the first time and reuses the output while nothing it is built from changed', async () => {
    expect(await cached()).toEqual({ reused: false, why: 'no earlier build' });
    expect(await cached()).toEqual({ reused: true });
    expect(builds).toBe(1);
    expect(existsSync(`${out}.build-stamp.json`)).toBe(true);
  });

  it('builds again when a source file, a new file or a baked-in setting changes', async () => {
    await cached();
    const changed = { reused: false, why: 'sources or settings changed' };
    writeFileSync(path.join(src, 'pages', 'index.tsx'), 'export default 2');
    expect(await cached()).toEqual(changed);
    writeFileSync(path.join(src, 'pages', 'new.tsx'), 'export default 3');
    expect(await cached()).toEqual(changed);
    expect(await cached({ api: 'http://127.0.0.1:3200' })).toEqual(changed);
    expect(await cached({ api: 'http://127.0.0.1:3200' })).toEqual({ reused: true });
    expect(builds).toBe(4);
  });

  it('ignores test files, documentation, build output and installed packages', () => {
    const before = inputsHash({ paths: [src], settings: {} });
    writeFileSync(path.join(src, 'pages', 'index.test.tsx'), 'test');
    writeFileSync(path.join(src, 'README.md'), '# notes');
    for (const skipped of ['dist', 'node_modules']) {
      mkdirSync(path.join(src, skipped));
      writeFileSync(path.join(src, skipped, 'x.js'), 'x');
    }
    expect(inputsHash({ paths: [src], settings: {} })).toBe(before);
  });

  it('builds again when the output was changed or removed since, or when BUILD_CACHE=off', async () => {
    await cached();
    const touched = { reused: false, why: 'the output was changed since' };
    writeFileSync(path.join(out, 'index.html'), 'a manual build');
    expect(await cached()).toEqual(touched);
    utimesSync(path.join(out, 'index.html'), new Date(), new Date(Date.now() - 60_000));
    expect(await cached()).toEqual(touched);
    rmSync(out, { recursive: true });
    expect(await cached()).toEqual(touched);
    process.env.BUILD_CACHE = 'off';
    expect(await cached()).toEqual({ reused: false, why: 'BUILD_CACHE=off' });
    expect(builds).toBe(5);
  });

  it('never reuses the output of a build that failed', async () => {
    await cached();
    writeFileSync(path.join(src, 'pages', 'index.tsx'), 'export default 2');
    const failing = async () => {
      writeFileSync(path.join(out, 'index.html'), 'half written');
      throw new Error('compile error');
    };
    await expect(cached(undefined, failing)).rejects.toThrow('compile error');
    expect(existsSync(`${out}.build-stamp.json`)).toBe(false);
    expect(await cached()).toEqual({ reused: false, why: 'no earlier build' });
  });

  it('takes the Taro settings from the environment: TARO_*, NODE_ENV and browserslist, nothing else', () => {
    const settings = taroSettings({ TARO_APP_API_BASE: 'https://api', NODE_ENV: 'production', BROWSERSLIST_IGNORE_OLD_DATA: '1', HOME: '/root' });
    expect(settings).toMatchObject({ 'env.TARO_APP_API_BASE': 'https://api', 'env.NODE_ENV': 'production', 'env.BROWSERSLIST_IGNORE_OLD_DATA': '1' });
    expect(Object.keys(settings)).not.toContain('env.HOME');
    expect(settings.node).toBe(process.version);
  });
});
