/**
 * `npm run sweep`: runs the scheduled reminder sweep (near-due, overdue, evaluation reminders) now,
 * against the system `npm start` is running, through serverless offline's Lambda endpoint, the way
 * EventBridge invokes it in AWS. AT=<ISO time> runs it as if it were that moment, through the local
 * stage's own sweepTimersAt (stages/local.yml).
 */
import { DEFAULT_PORTS, portsFromEnv } from './local/stack';

async function main(): Promise<void> {
  const { lambda } = portsFromEnv(DEFAULT_PORTS);
  const payload = process.env.AT ? { now: new Date(process.env.AT).toISOString() } : {};
  const name = process.env.AT ? 'sweepTimersAt' : 'sweepTimers';
  const url = `http://127.0.0.1:${lambda}/2015-03-31/functions/ah-tourism-local-${name}/invocations`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
  } catch {
    console.error(`Nothing answers on 127.0.0.1:${lambda}. Start the system first: npm start`);
    process.exit(1);
  }
  const body = await response.text();
  if (response.headers.get('x-amz-function-error')) {
    console.error(`The sweep failed: ${body}`);
    process.exit(1);
  }
  const result = JSON.parse(body) as { fired: number; days: string[] };
  console.log(`Sweep done: ${result.fired} reminder(s) fired, looked at ${result.days.length} day(s) of timers.`);
}

void main();
