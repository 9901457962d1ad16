#!/usr/bin/env node
/**
 * `npm run typecheck`: the three TypeScript projects (the root one with functions/, scripts/, bench/
 * and test/; shared/ on its own, as the app compiles it; the mini-program), as many at a time as the
 * machine has cores (tsc uses one). Each keeps an incremental build-info file under
 * node_modules/.cache/typecheck, so a run after a small change re-checks only what it affects.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const cache = path.join(root, 'node_modules', '.cache', 'typecheck');
const projects = [
  { name: 'root', config: 'tsconfig.json' },
  { name: 'miniapp', config: 'miniapp/tsconfig.json' },
  { name: 'shared', config: 'shared/tsconfig.json' },
];

function check({ name, config }) {
  const began = Date.now();
  return new Promise((resolve) => {
    const args = [tsc, '-p', config, '--incremental', '--tsBuildInfoFile', path.join(cache, `${name}.tsbuildinfo`)];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ name, config, code, output, seconds: (Date.now() - began) / 1000 }));
  });
}

const queue = [...projects];
const results = [];
await Promise.all(
  Array.from({ length: Math.min(projects.length, Math.max(1, availableParallelism())) }, async () => {
    for (let project = queue.shift(); project; project = queue.shift()) results.push(await check(project));
  }),
);

let failed = false;
for (const { name, config, code, output, seconds } of results) {
  console.log(`tsc -p ${config}: ${code === 0 ? 'ok' : 'errors'} (${seconds.toFixed(1)} s)`);
  if (code !== 0) {
    failed = true;
    process.stdout.write(output.replace(/^(?=.)/gm, `[${name}] `));
  }
}
process.exit(failed ? 1 : 0);
