import type { Context } from 'aws-lambda';
import type { HttpEvent } from './http';

/*
 * Logs and metrics of one invocation, as Powertools writes them to stdout/stderr: the ids on every line,
 * fields that cannot replace a standard key, metrics published once per invocation.
 */
const env = { POWERTOOLS_SERVICE_NAME: 'ah-tourism-test', POWERTOOLS_METRICS_NAMESPACE: 'ah-tourism', POWERTOOLS_METRICS_DISABLED: 'false' };
let modules: {
  http: typeof import('./http');
  logger: typeof import('./logger').logger;
  metrics: typeof import('./metrics');
  invocation: typeof import('./invocation');
};
let lines: Record<string, any>[];

beforeAll(() => {
  Object.assign(process.env, env);
  jest.isolateModules(() => {
    modules = { http: require('./http'), logger: require('./logger').logger, metrics: require('./metrics'), invocation: require('./invocation') };
  });
});

beforeEach(() => {
  lines = [];
  const capture = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) if (line.trim().startsWith('{')) lines.push(JSON.parse(line));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  jest.spyOn(process.stderr, 'write').mockImplementation(capture as never);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  for (const key of Object.keys(env)) delete process.env[key];
});

const context = (awsRequestId: string) => ({ awsRequestId, functionName: 'ah-tourism-test-submitApplication', functionVersion: '$LATEST', invokedFunctionArn: 'arn', memoryLimitInMB: '512' }) as unknown as Context;
const request = (requestId: string, headers: Record<string, string> = {}) => ({ headers, routeKey: 'POST /cases', requestContext: { requestId } }) as unknown as HttpEvent;
const logs = () => lines.filter((line) => typeof line.message === 'string');
const emf = () => lines.filter((line) => line._aws);

describe('log lines of an HTTP request', () => {
  it('carry the request id, the app’s correlation id and the Lambda context on every line', async () => {
    const { http, logger } = modules;
    const handler = http.httpHandler(async () => {
      logger.info('first');
      logger.warn('second', { caseNumber: 'C1' });
      return http.json(200, {});
    });
    await handler(request('api-1', { 'X-Correlation-Id': 'app-7f3a' }), context('lambda-1'));
    expect(logs()).toHaveLength(2);
    for (const line of logs()) {
      expect(line).toMatchObject({ correlation_id: 'app-7f3a', api_request_id: 'api-1', function_request_id: 'lambda-1', service: 'ah-tourism-test' });
    }
    expect(logs()[1]).toMatchObject({ level: 'WARN', message: 'second', detail: { caseNumber: 'C1' } });
  });

  it('use the request id as correlation id when the app sends none or an unusable one, and forget the previous request', async () => {
    const { http, logger } = modules;
    const handler = http.httpHandler(async () => {
      logger.info('seen');
      return http.json(200, {});
    });
    await handler(request('api-2', { 'x-correlation-id': 'with spaces and {json}' }), context('lambda-2'));
    await handler(request('api-3'), context('lambda-3'));
    expect(logs().map((l) => [l.correlation_id, l.api_request_id, l.function_request_id])).toEqual([
      ['api-2', 'api-2', 'lambda-2'],
      ['api-3', 'api-3', 'lambda-3'],
    ]);
  });

  it('keep the standard keys whatever a field is called', () => {
    modules.logger.info('evaluation recorded', { level: 'bad', message: 'x', timestamp: 'y', correlation_id: 'z', service: 's' });
    const [line] = logs();
    expect(line).toMatchObject({ level: 'INFO', message: 'evaluation recorded', service: 'ah-tourism-test' });
    expect(line!.detail).toEqual({ level: 'bad', message: 'x', timestamp: 'y', correlation_id: 'z', service: 's' });
    expect(line!.correlation_id).not.toBe('z');
  });

  it('log an unexpected error with its stack, answering a bare 500', async () => {
    const { http } = modules;
    const response = await http.httpHandler(async () => {
      throw new TypeError('boom');
    })(request('api-4'), context('lambda-4'));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('boom');
    expect(logs()).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'unhandled error', detail: { route: 'POST /cases' }, error: expect.objectContaining({ name: 'TypeError', message: 'boom', stack: expect.any(String) }) }),
    ]);
  });
});

describe('metrics', () => {
  it('publishes what one invocation counted, once, in the embedded metric format', async () => {
    const { invocation, metrics } = modules;
    const handler = invocation.observed(async () => {
      metrics.countSubmission();
      metrics.countTransition();
      metrics.countTransition();
    });
    await handler({}, context('lambda-5'));
    expect(emf()).toHaveLength(1);
    const [blob] = emf();
    expect(blob!._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'ah-tourism', Dimensions: [['service']], Metrics: [{ Name: 'CaseSubmissions', Unit: 'Count' }, { Name: 'CaseTransitions', Unit: 'Count' }] },
    ]);
    expect(blob).toMatchObject({ service: 'ah-tourism-test', CaseSubmissions: 1, CaseTransitions: [1, 1] });
  });

  it('publishes also when the invocation fails, and nothing when nothing was counted', async () => {
    const { invocation, metrics } = modules;
    await expect(
      invocation.observed(async () => {
        metrics.countDispatchGiveUp();
        throw new Error('stream will retry');
      })({}),
    ).rejects.toThrow('stream will retry');
    expect(emf().map((blob) => blob.DispatchGiveUps)).toEqual([1]);
    lines.length = 0;
    await invocation.observed(async () => undefined)({});
    expect(lines).toEqual([]);
  });

  it('counts each push with its final state as a dimension', () => {
    modules.metrics.countPush('sent');
    modules.metrics.countPush('refused');
    expect(emf().map((blob) => [blob._aws.CloudWatchMetrics[0].Dimensions, blob.state, blob.Pushes])).toEqual([
      [[['service', 'state']], 'sent', 1],
      [[['service', 'state']], 'refused', 1],
    ]);
  });
});

describe('the time an invocation has left', () => {
  it('is what the Lambda context says, within that invocation only, and unknown without one', async () => {
    const { invocation } = modules;
    const timed = { ...context('lambda-9'), getRemainingTimeInMillis: () => 8_000 } as Context;
    const seen = await Promise.all([
      invocation.observed(async () => invocation.remainingTimeMs())({}, timed),
      invocation.observed(async () => invocation.remainingTimeMs())({}),
    ]);
    expect(seen[0]).toBeGreaterThan(7_500);
    expect(seen[0]).toBeLessThanOrEqual(8_000);
    expect(seen[1]).toBeUndefined();
    expect(invocation.remainingTimeMs()).toBeUndefined();
  });
});
