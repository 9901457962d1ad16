import { REPO_ROOT, SERVERLESS_BIN } from './paths';
import { assertPortFree, startProcess, waitFor, type Managed } from './process';

/**
 * Runs `serverless offline` (stage `local`): the HTTP API on 127.0.0.1:apiPort and the Lambda
 * invoke endpoint on lambdaPort, with the functions bundled by serverless-esbuild as in AWS.
 * Ready when GET /regions answers 200, i.e. a function really read the seeded table.
 */
export async function startOffline(
  env: Record<string, string>,
  ports: { api: number; lambda: number },
  log?: (line: string) => void,
): Promise<Managed & { url: string }> {
  await assertPortFree(ports.api, 'API (serverless offline)', 'API_PORT');
  await assertPortFree(ports.lambda, 'Lambda invoke endpoint (serverless offline)', 'LAMBDA_PORT');
  const { child, managed, output } = startProcess(
    'serverless offline',
    process.execPath,
    [SERVERLESS_BIN, 'offline', 'start', '--stage', 'local'],
    { cwd: REPO_ROOT, env: { ...process.env, ...env, API_PORT: String(ports.api), LAMBDA_PORT: String(ports.lambda) }, log },
  );
  const url = `http://127.0.0.1:${ports.api}`;
  try {
    await waitFor('serverless offline', async () => (await fetch(`${url}/regions`)).status === 200, Number(process.env.OFFLINE_READY_TIMEOUT_MS || 120_000), child);
  } catch (error) {
    await managed.stop();
    throw new Error(`${(error as Error).message}\n--- serverless offline output ---\n${output()}`);
  }
  return { ...managed, url };
}
