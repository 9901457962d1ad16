/**
 * S3 event notifications offline: s3rver emits AWS-shaped records for every write; the ones that match
 * a Lambda notification of a bucket in serverless.yml are sent to that function through serverless
 * offline's Lambda Invoke endpoint, as S3 would invoke it (asynchronously, one record per event).
 */

export interface UploadTrigger {
  /** Full Lambda name, `<service>-<stage>-<function>`. */
  functionName: string;
  bucketName: string | undefined;
  /** `s3:ObjectCreated:*` etc. */
  event: string;
  prefix: string;
  suffix: string;
}

export interface S3EventRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string } };
}

/** serverless's logical id of a function: `inspectUpload` → `InspectUploadLambdaFunction`. */
const logicalIdOf = (key: string) => `${key.charAt(0).toUpperCase()}${key.slice(1).replace(/-/g, 'Dash').replace(/_/g, 'Underscore')}LambdaFunction`;

/** The Lambda notifications of the buckets in serverless.yml's resources, from `serverless print` output. */
export function uploadTriggersFromServerless(config: object, stage: string): UploadTrigger[] {
  const { service, functions, resources } = config as { service?: string | { name: string }; functions?: Record<string, any>; resources?: any };
  const serviceName = typeof service === 'string' ? service : service?.name;
  const byLogicalId = new Map(Object.entries(functions ?? {}).map(([key, fn]) => [logicalIdOf(key), fn?.name ?? `${serviceName}-${stage}-${key}`]));
  const all = [resources ?? {}].flat().reduce((merged: Record<string, any>, part: any) => ({ ...merged, ...(part?.Resources ?? {}) }), {});
  const triggers: UploadTrigger[] = [];
  for (const resource of Object.values(all) as any[]) {
    if (resource?.Type !== 'AWS::S3::Bucket') continue;
    for (const configuration of resource.Properties?.NotificationConfiguration?.LambdaConfigurations ?? []) {
      const target = configuration.Function?.['Fn::GetAtt']?.[0];
      const functionName = typeof target === 'string' ? byLogicalId.get(target) : undefined;
      if (!functionName) continue;
      const rules: { Name: string; Value: string }[] = configuration.Filter?.S3Key?.Rules ?? [];
      const rule = (name: string) => rules.find((r) => r.Name.toLowerCase() === name)?.Value ?? '';
      const bucketName = resource.Properties?.BucketName;
      triggers.push({ functionName, bucketName: typeof bucketName === 'string' ? bucketName : undefined, event: configuration.Event, prefix: rule('prefix'), suffix: rule('suffix') });
    }
  }
  return triggers;
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Post`; keys in records are URL-encoded, filters are not. */
export function triggerMatches(trigger: UploadTrigger, record: S3EventRecord): boolean {
  const wanted = trigger.event.replace(/^s3:/, '');
  const named = wanted.endsWith(':*') ? record.eventName.startsWith(wanted.slice(0, -1)) : record.eventName === wanted;
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  return named && (!trigger.bucketName || trigger.bucketName === record.s3.bucket.name) && key.startsWith(trigger.prefix) && key.endsWith(trigger.suffix);
}

export interface S3EventForwarder {
  /** Give it every event s3rver emits. */
  (event: { Records?: S3EventRecord[] }): void;
  /** Resolves once every event received so far has been delivered (or failed). */
  drain(): Promise<void>;
}

/** Sends matching records to their functions; a failure is logged, never thrown. */
export function forwardS3Events(options: { lambdaEndpoint: string; triggers: UploadTrigger[]; log?: (line: string) => void }): S3EventForwarder {
  const pending = new Set<Promise<void>>();
  const deliver = async (functionName: string, record: S3EventRecord) => {
    try {
      const response = await fetch(`${options.lambdaEndpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Amz-Invocation-Type': 'RequestResponse' },
        body: JSON.stringify({ Records: [record] }),
      });
      const text = await response.text();
      if (!response.ok || response.headers.get('x-amz-function-error') || /"(errorType|FunctionError)"/.test(text)) {
        options.log?.(`${functionName} failed on an S3 event (${response.status}): ${text.slice(0, 300)}`);
      }
    } catch (error) {
      options.log?.(`${functionName} unreachable for an S3 event: ${(error as Error).message}`);
    }
  };
  const forward = ((event: { Records?: S3EventRecord[] }) => {
    for (const record of event?.Records ?? []) {
      for (const trigger of options.triggers) {
        if (!triggerMatches(trigger, record)) continue;
        const delivery = deliver(trigger.functionName, record).finally(() => pending.delete(delivery));
        pending.add(delivery);
      }
    }
  }) as S3EventForwarder;
  forward.drain = async () => {
    while (pending.size) await Promise.all([...pending]);
  };
  return forward;
}
