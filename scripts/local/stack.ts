import { loadCatalogSeed } from '../seed/catalog-data';
import { loadRegistrySeed } from '../seed/registry-data';
import { registryRecords, seededRegistry } from '../seed/registry-records';
import { licenceKeyEnv, localLicenceKeys } from './licence-keys';
import { LOCAL_AWS_ENV, localDynamoClient, startDynamoDbLocal } from './dynamodb-local';
import { buildH5, serveH5Static, startH5DevServer } from './h5';
import { startOffline } from './offline';
import { assertPortFree, type Managed } from './process';
import { localS3Client, startS3Local } from './s3-local';
import { forwardS3Events, uploadTriggersFromServerless } from './s3-events';
import { catalogRecords, putAll } from './seed';
import { putSeedGuideFiles } from '../seed/guide-files/upload';
import { ensureTables, printServerless, tableDefinitions } from './tables';
import { queuesFromServerless } from './failure-destinations';
import { provincialStandIns } from './provincial-standins';
import { startStreamPoller, streamMappingsFromServerless, type StreamPoller } from './stream-poller';
import { localTemplates, startWechatStandIn } from './wechat-standin';

export interface StackPorts {
  dynamodb: number;
  s3: number;
  api: number;
  lambda: number;
  h5: number;
  /** The local WeChat API stand-in (jscode2session, stable_token, subscribe/send). */
  wechat: number;
}

export const DEFAULT_PORTS: StackPorts = { dynamodb: 8000, s3: 4569, api: 3000, lambda: 3002, h5: 10086, wechat: 3010 };
/** Tests use their own ports so they can run while `npm start` is up. */
export const TEST_PORTS: StackPorts = { dynamodb: 8100, s3: 4669, api: 3100, lambda: 3102, h5: 10186, wechat: 3110 };

export function portsFromEnv(defaults: StackPorts, env: NodeJS.ProcessEnv = process.env): StackPorts {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
    return port;
  };
  return {
    dynamodb: read('DYNAMODB_PORT', defaults.dynamodb),
    s3: read('S3_PORT', defaults.s3),
    api: read('API_PORT', defaults.api),
    lambda: read('LAMBDA_PORT', defaults.lambda),
    h5: read('H5_PORT', defaults.h5),
    wechat: read('WECHAT_PORT', defaults.wechat),
  };
}

export interface StackOptions {
  ports: StackPorts;
  /** 'dev': Taro dev server with rebuilds; 'static': one production build served as files; 'none'. */
  h5: 'dev' | 'static' | 'none';
  log?: (source: string, line: string) => void;
  progress?: (step: string) => void;
}

export interface RunningStack {
  apiUrl: string;
  h5Url: string | undefined;
  /** True when the static H5 build of an earlier run was served again (nothing it is built from changed). */
  h5Reused: boolean;
  /** The WeChat stand-in: its control API shows every push the functions sent. */
  wechatUrl: string;
  /** serverless offline's Lambda Invoke endpoint (for scheduled functions on demand). */
  lambdaUrl: string;
  /**
   * The stream poller; `drain()` waits until every mapped function (dispatcher, audit anchoring) has seen
   * every record written so far, and the on-failure messages it sent (`failureMessages`) are settled.
   */
  streams: StreamPoller;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  /** serverless.yml as resolved for the local stage (`serverless print`), e.g. the functions' environment. */
  serverless: Record<string, any>;
  stop(): Promise<void>;
}

/**
 * The whole system on loopback: DynamoDB Local with the tables of serverless.yml and the seed data,
 * s3rver with the materials bucket, serverless offline, and the H5 app. Stops what it started if any
 * step fails.
 */
/** What serverless.yml reads from the environment for the local stage on these ports (with the dummy AWS credentials). */
export function serverlessEnv(ports: StackPorts): Record<string, string> {
  return {
    ...LOCAL_AWS_ENV,
    DYNAMODB_PORT: String(ports.dynamodb),
    S3_PORT: String(ports.s3),
    H5_PORT: String(ports.h5),
    TEST_H5_PORT: String(ports.h5),
    WECHAT_PORT: String(ports.wechat),
    ...licenceKeyEnv(),
  };
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { ports } = options;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= LOCAL_AWS_ENV.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const progress = options.progress ?? (() => undefined);
  const started: Managed[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    started.length = 0;
  };
  const h5Origin = `http://127.0.0.1:${ports.h5}`;
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const wechatUrl = `http://127.0.0.1:${ports.wechat}`;
  // The static H5 build only needs to know where the API and the stand-in will listen, so it runs
  // while the other services start (or is reused at once when nothing it is built from changed).
  const h5Build = new AbortController();
  let h5Static: Promise<{ dir: string; reused: boolean; why?: string }> | undefined;
  const localEnv = serverlessEnv(ports);
  try {
    if (options.h5 === 'static') {
      await assertPortFree(ports.h5, 'H5 app', 'H5_PORT');
      progress('building the H5 app, or reusing the last build when nothing it is built from changed (in the background)');
      h5Static = buildH5(apiUrl, wechatUrl, h5Build.signal);
      // Awaited below; until then a failure must not count as unhandled.
      h5Static.catch(() => undefined);
    }

    progress('checking the seed data');
    const seed = loadCatalogSeed();
    // The public registries' licences issued before this system, signed with this machine's licence key.
    const registry = seededRegistry(loadRegistrySeed(seed.regions), { organisations: seed.organisations, signing: localLicenceKeys().signing });

    progress('starting DynamoDB Local and local S3');
    const [dynamodb, s3] = await Promise.all([
      startDynamoDbLocal(ports.dynamodb, options.log && ((line) => options.log!('dynamodb', line))),
      startS3Local(ports.s3, [h5Origin, `http://localhost:${ports.h5}`]),
    ]);
    started.push(dynamodb, s3);

    progress('creating tables from serverless.yml and loading the seed data');
    const definition = await printServerless('local', localEnv);
    const tables = tableDefinitions(definition);
    const tableName = tables[0]?.create.TableName;
    if (!tableName) throw new Error('serverless.yml declares no DynamoDB table');
    const client = localDynamoClient(dynamodb.endpoint);
    try {
      await ensureTables(client, tables);
      await putAll(client, tableName, [...catalogRecords(seed), ...registryRecords(registry)]);
    } finally {
      client.destroy();
    }
    progress('putting the guides\' files (blank forms, samples) in local S3');
    const storage = localS3Client(s3.endpoint);
    try {
      await putSeedGuideFiles(storage, s3.bucket, seed.items);
    } finally {
      storage.destroy();
    }

    progress('starting the WeChat stand-in');
    const environment = definition.provider?.environment ?? {};
    const wechat = await startWechatStandIn({
      port: ports.wechat,
      appId: environment.WECHAT_APP_ID,
      appSecret: environment.LOCAL_WECHAT_APP_SECRET,
      templates: localTemplates(),
      // The provincial e-licence service's stand-in, on the same server (data/licences.json).
      licenceService: { appId: environment.LICENCE_SERVICE_APP_ID, secret: environment.LOCAL_LICENCE_SERVICE_SECRET },
      services: provincialStandIns(environment),
      log: options.log && ((line) => options.log!('wechat', line)),
    });
    started.push(wechat);

    progress('starting serverless offline');
    const api = await startOffline(localEnv, ports, options.log && ((line) => options.log!('api', line)));
    started.push(api);

    progress('connecting the table stream to its functions');
    const streams = await startStreamPoller({
      dynamodbEndpoint: dynamodb.endpoint,
      tableName,
      lambdaEndpoint: `http://127.0.0.1:${ports.lambda}`,
      mappings: streamMappingsFromServerless(definition, 'local'),
      // A batch given up on reaches its destination queue's consumer (the notification DLQ's: finishFailedBatches).
      queues: queuesFromServerless(definition, 'local'),
      onFailure: (failure) => options.log?.('streams', `gave up on ${failure.records.length} record(s) for ${failure.functionName}: ${failure.reason}`),
      log: options.log && ((line) => options.log!('streams', line)),
    });
    started.push(streams);
    // S3 notifications (uploads → inspectUpload) through the same Lambda endpoint; failures are only logged.
    s3.onEvent(forwardS3Events({ lambdaEndpoint: `http://127.0.0.1:${ports.lambda}`, triggers: uploadTriggersFromServerless(definition, 'local'), log: (line) => (options.log ? options.log('s3-events', line) : console.warn(`s3 events: ${line}`)) }));

    let h5Url: string | undefined;
    let h5Reused = false;
    if (options.h5 === 'dev') {
      progress('starting the H5 dev server');
      const h5 = await startH5DevServer(ports.h5, api.url, wechat.url, options.log && ((line) => options.log!('h5', line)));
      started.push(h5);
      h5Url = h5.url;
    } else if (h5Static) {
      if (api.url !== apiUrl || wechat.url !== wechatUrl) throw new Error(`The H5 app was built for ${apiUrl} and ${wechatUrl}, not ${api.url} and ${wechat.url}`);
      progress('waiting for the H5 build');
      const h5 = await serveH5Static(ports.h5, await h5Static);
      started.push(h5);
      h5Url = h5.url;
      h5Reused = h5.reused;
      progress(h5Reused ? 'H5 app: reused the previous build' : `H5 app: built (${h5.why})`);
    }
    return {
      apiUrl: api.url,
      h5Url,
      h5Reused,
      wechatUrl: wechat.url,
      lambdaUrl: `http://127.0.0.1:${ports.lambda}`,
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      tableName,
      serverless: definition,
      streams,
      stop,
    };
  } catch (error) {
    h5Build.abort();
    await h5Static?.catch(() => undefined);
    await stop();
    throw error;
  }
}
