import type { RunningStack } from '../../scripts/local/stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __LOCAL_STACK__?: RunningStack }).__LOCAL_STACK__?.stop();
}
