import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { backendInputs, reuseOrBuild, serverlessEnvSettings } from '../../scripts/local/build-cache';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

type Resource = { Type: string; Properties: Record<string, any> };
let workDir: string;
let outDir: string;
let resources: Record<string, Resource>;
let template: string;

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** Every IAM statement of every role and policy in the template. */
function iamStatements(): { owner: string; Action: string | string[]; Resource: unknown; Effect: string }[] {
  return Object.entries(resources).flatMap(([name, r]) => {
    const documents =
      r.Type === 'AWS::IAM::Role'
        ? (r.Properties.Policies ?? []).map((p: any) => p.PolicyDocument)
        : r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy'
          ? [r.Properties.PolicyDocument]
          : [];
    return documents.flatMap((doc: any) => doc.Statement.map((s: any) => ({ owner: name, ...s })));
  });
}

/** The package of the last run, reused while nothing it is built from changed (scripts/local/build-cache.ts). */
const PACKAGE_DIR = path.join(ROOT, 'node_modules', '.cache', 'serverless-package-prod');

beforeAll(async () => {
  // A HOME without credentials and a temporary folder of its own, removed afterwards: serverless-esbuild
  // stages every function's zip in a folder of os.tmpdir() that it never removes (its cleanup is not
  // recursive), about 1 MB per function.
  workDir = mkdtempSync(path.join(os.tmpdir(), 'sls-package-'));
  const home = path.join(workDir, 'home');
  const tmp = path.join(workDir, 'tmp');
  for (const dir of [home, tmp]) mkdirSync(dir);
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  const began = Date.now();
  outDir = PACKAGE_DIR;
  const { reused, why } = await reuseOrBuild({
    name: 'serverless package',
    outDir,
    inputs: { paths: backendInputs(), settings: { stage: 'prod', ...serverlessEnvSettings(env) } },
    build: async () => {
      rmSync(outDir, { recursive: true, force: true });
      await run(process.execPath, [path.join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', outDir], {
        cwd: ROOT,
        env: { ...env, HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
        maxBuffer: 16 * 1024 * 1024,
      });
    },
  });
  process.stdout.write(
    reused
      ? `serverless package --stage prod: reused ${path.relative(ROOT, outDir)} (built from the same files and settings; BUILD_CACHE=off rebuilds)\n`
      : `serverless package --stage prod (${why}) took ${((Date.now() - began) / 1000).toFixed(1)} s\n`,
  );
  template = readFileSync(path.join(outDir, 'cloudformation-template-update-stack.json'), 'utf8');
  resources = JSON.parse(template).Resources;
}, 180_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('serverless package --stage prod (no AWS credentials)', () => {
  it('builds one zip per function', () => {
    const zips = readdirSync(outDir).filter((f) => f.endsWith('.zip'));
    expect(zips.length).toBe(ofType('AWS::Lambda::Function').length);
    expect(zips.length).toBeGreaterThanOrEqual(4);
  });

  it('runs every function on nodejs22.x with its own least-privilege role', () => {
    for (const [name, fn] of ofType('AWS::Lambda::Function')) {
      expect({ name, runtime: fn.Properties.Runtime }).toEqual({ name, runtime: 'nodejs22.x' });
      expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Role$/), 'Arn'] });
    }
    // No function falls back to the framework's shared default role.
    expect(resources).not.toHaveProperty('IamRoleLambdaExecution');
  });

  it('never grants data access on Resource "*"', () => {
    const statements = iamStatements().filter((s) => s.Effect === 'Allow');
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const actions = ([] as string[]).concat(s.Action);
      const resourcesOf = ([] as unknown[]).concat(s.Resource);
      expect({ owner: s.owner, actions, wildcard: resourcesOf.includes('*') }).toEqual({ owner: s.owner, actions, wildcard: false });
      for (const action of actions) expect(action).not.toMatch(/^(dynamodb|s3):\*$/);
    }
  });

  it('lets catalog readers only GetItem and Query the main table and its indexes', () => {
    const catalog = iamStatements().filter((s) => s.owner === 'CatalogReaderRole' && JSON.stringify(s.Action).includes('dynamodb'));
    expect(catalog).toHaveLength(1);
    expect(catalog[0]!.Action).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(JSON.stringify(catalog[0]!.Resource)).toContain('MainTable');
  });

  it('hard-codes no partition, so the stack deploys to aws-cn too', () => {
    expect(template).not.toMatch(/arn:aws(-cn|-us-gov)?:/);
    expect(template).toContain('AWS::Partition');
  });

  it('declares the table with its GSIs and the private, encrypted materials bucket', () => {
    const [[, table] = []] = ofType('AWS::DynamoDB::Table');
    expect(table?.Properties.TableName).toBe('ah-tourism-prod-main');
    expect(table?.Properties.GlobalSecondaryIndexes.map((g: any) => g.IndexName)).toEqual(['GSI1', 'GSI2']);
    expect(table?.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    const [[, bucket] = []] = ofType('AWS::S3::Bucket').filter(([name]) => name === 'MaterialsBucket');
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket?.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket?.Properties.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT']));
  });

  it('exposes an HTTP API with CORS limited to known origins, and no local endpoint', () => {
    const [[, httpApi] = []] = ofType('AWS::ApiGatewayV2::Api');
    expect(httpApi?.Properties.ProtocolType).toBe('HTTP');
    expect(httpApi?.Properties.CorsConfiguration.AllowOrigins).not.toContain('*');
    expect(template).not.toContain('127.0.0.1');
  });

  it('encrypts personal data with its own KMS key in AWS, never with the local development key', () => {
    for (const [name, fn] of ofType('AWS::Lambda::Function')) {
      const env = fn.Properties.Environment.Variables;
      expect({ name, localKey: env.LOCAL_DATA_KEY, kms: env.KMS_KEY_ID }).toEqual({ name, localKey: '', kms: { Ref: 'DataKey' } });
    }
    expect(resources.DataKey?.Properties.EnableKeyRotation).toBe(true);
    const kmsUsers = iamStatements().filter((s) => JSON.stringify(s.Action).includes('kms:'));
    expect(kmsUsers.map((s) => s.owner).sort()).toEqual([
      'CaseSubmitterRole',
      'CaseWorkerRole',
      'ComplaintRole',
      'ConsultationRole',
      'DraftKeeperRole',
      'FeedbackRole',
      'PublicQueryRole',
      'StaffReaderRole',
    ]);
    for (const s of kmsUsers) expect(s.Resource).toEqual({ 'Fn::GetAtt': ['DataKey', 'Arn'] });
  });

  it('lets only the uploader write material files, only under materials/', () => {
    const writers = iamStatements().filter((s) => ([] as string[]).concat(s.Action).includes('s3:PutObject'));
    expect(writers.map((s) => s.owner)).toEqual(['MaterialUploaderRole']);
    expect(JSON.stringify(writers[0]!.Resource)).toContain('/materials/*');
  });
  it('signs sessions with a key only the sign-in functions read, never with a local development value', () => {
    for (const [name, fn] of ofType('AWS::Lambda::Function')) {
      const env = fn.Properties.Environment.Variables;
      expect({ name, sessionKey: env.LOCAL_SESSION_KEY, secret: env.LOCAL_WECHAT_APP_SECRET, wechat: env.WECHAT_API_BASE, state: env.WECHAT_MINIPROGRAM_STATE }).toEqual({
        name,
        sessionKey: '',
        secret: '',
        wechat: 'https://api.weixin.qq.com',
        state: 'formal',
      });
    }
    const readers = (parameter: string) =>
      iamStatements()
        .filter((s) => JSON.stringify(s.Resource).includes(`parameter/ah-tourism/prod/${parameter}`))
        .map((s) => s.owner)
        .sort();
    expect(readers('session-private-key')).toEqual(['SignInRole']);
    expect(readers('wechat-app-secret')).toEqual(['NotifierRole', 'SignInRole']);
    // Every function behind a protected route can read the public key, and nothing else of SSM.
    expect(readers('session-public-key')).toEqual([
      'CalendarAdminRole',
      'CaseReaderRole',
      'CaseSubmitterRole',
      'CaseWorkerRole',
      'ComplaintRole',
      'ConsultationRole',
      'DraftKeeperRole',
      'FeedbackReaderRole',
      'FeedbackRole',
      'InboxRole',
      'MaterialUploaderRole',
      'SignInRole',
      'StaffAdminRole',
      'StaffReaderRole',
    ]);
  });

  it('gives the public progress query, which takes no sign-in, only reads, its request counter and decryption', () => {
    const statements = iamStatements().filter((s) => s.owner === 'PublicQueryRole');
    const actions = statements.flatMap((s) => ([] as string[]).concat(s.Action)).filter((a) => !a.startsWith('logs:')).sort();
    expect(actions).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'kms:Decrypt']);
    expect(JSON.stringify(statements)).not.toContain('/index/');
    expect(JSON.stringify(statements)).not.toContain('ssm:');
  });

  it('feeds outbox records from the table stream to the dispatcher, with retries, bisect and a dead-letter queue', () => {
    expect(resources.MainTable?.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const [[, mapping] = []] = ofType('AWS::Lambda::EventSourceMapping');
    expect(mapping?.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['MainTable', 'StreamArn'] },
      FunctionName: { 'Fn::GetAtt': ['DispatchNotificationsLambdaFunction', 'Arn'] },
      MaximumRetryAttempts: 5,
      ParallelizationFactor: 5,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['NotificationDlq', 'Arn'] } } },
    });
    expect(JSON.parse(mapping!.Properties.FilterCriteria.Filters[0].Pattern)).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } });
    const streamReaders = iamStatements().filter((s) => ([] as string[]).concat(s.Action).includes('dynamodb:GetRecords'));
    expect(streamReaders.map((s) => [s.owner, s.Resource])).toEqual([['NotifierRole', { 'Fn::GetAtt': ['MainTable', 'StreamArn'] }]]);
  });

  it('runs the reminder sweep on a schedule', () => {
    const rules = ofType('AWS::Events::Rule').map(([, rule]) => rule.Properties);
    expect(rules).toEqual([expect.objectContaining({ ScheduleExpression: 'rate(15 minutes)', Targets: [expect.objectContaining({ Arn: { 'Fn::GetAtt': ['SweepTimersLambdaFunction', 'Arn'] } })] })]);
  });
});
