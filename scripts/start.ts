/**
 * `npm start`: the whole system on this machine (DynamoDB Local, local S3, the WeChat stand-in,
 * serverless offline with the table stream and schedule, the H5 app), seeded, until Ctrl-C.
 * Ports: DYNAMODB_PORT, S3_PORT, API_PORT, LAMBDA_PORT, H5_PORT, WECHAT_PORT.
 * VERBOSE=1 prints every line the services log.
 */
import { DEFAULT_PORTS, portsFromEnv, startStack, type RunningStack } from './local/stack';

async function main(): Promise<void> {
  const began = Date.now();
  const verbose = process.env.VERBOSE === '1';
  let stack: RunningStack | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping everything npm start started…');
    await stack?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    stack = await startStack({
      ports: portsFromEnv(DEFAULT_PORTS),
      h5: 'dev',
      progress: (step) => console.log(`• ${step}…`),
      log: (source, line) => {
        // serverless offline prints each request; show those always, the rest only when verbose.
        if (verbose || (source === 'api' && /^(GET|POST|PUT|PATCH|DELETE|OPTIONS) /.test(line.trim()))) {
          console.log(`[${source}] ${line}`);
        }
      },
    });
  } catch (error) {
    console.error(`\nCould not start the local system:\n${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(
    [
      '',
      `Ready in ${seconds} s.`,
      `  App (H5):   ${stack.h5Url}   (open at phone size, e.g. 375×812 in the browser's device mode)`,
      `  Sign in:    ${stack.h5Url}/#/pages/login/index   (pick a persona: citizen, enterprise, staff of 黄山市 or the province)`,
      `  Pushes:     ${stack.h5Url}/#/pages/dev/pushes/index   (what the WeChat stand-in received; raw: ${stack.wechatUrl}/__control/messages)`,
      `  API:        ${stack.apiUrl}   (OpenAPI document: ${stack.apiUrl}/openapi.json)`,
      `  DynamoDB:   ${stack.dynamodbEndpoint}   table ${stack.tableName}`,
      `  S3:         ${stack.s3Endpoint}`,
      `  WeChat:     ${stack.wechatUrl}   (local stand-in for api.weixin.qq.com)`,
      '  Reminders:  npm run sweep   (runs the near-due/overdue sweep now; AT=<ISO time> pretends it is then)',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

void main();
