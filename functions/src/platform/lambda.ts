import type { LambdaClient } from '@aws-sdk/client-lambda';
import { config } from './config';

/**
 * The Lambda client, loaded on first use like the S3 one (platform/s3.ts): only the rare path that asks
 * another function for an answer loads it. Against serverless offline's invoke endpoint in the local stage.
 */
export type LambdaSdk = typeof import('@aws-sdk/client-lambda');

let loaded: Promise<{ client: LambdaClient; sdk: LambdaSdk }> | undefined;

export function lambda(): Promise<{ client: LambdaClient; sdk: LambdaSdk }> {
  if (!loaded) {
    loaded = import('@aws-sdk/client-lambda').then((sdk) => {
      const { lambdaEndpoint } = config();
      return { client: new sdk.LambdaClient(lambdaEndpoint ? { endpoint: lambdaEndpoint } : {}), sdk };
    });
    // A failed load is retried on the next call instead of being kept.
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}

/** Calls a function and waits for its answer (RequestResponse); its own failure is thrown here. */
export async function invokeFunction(functionName: string, payload: unknown): Promise<unknown> {
  const { client, sdk } = await lambda();
  const result = await client.send(new sdk.InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }));
  const text = result.Payload ? Buffer.from(result.Payload).toString('utf8') : '';
  if (result.FunctionError) throw new Error(`${functionName} failed (${result.FunctionError}): ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
