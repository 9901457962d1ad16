import type { HttpEvent } from './http';
import { callerOf } from './caller';
import { resetConfig } from './config';
import { AppError } from './errors';

const event = (headers: Record<string, string>) => ({ headers }) as unknown as HttpEvent;

function withStage(stage: string, run: () => void) {
  const saved = { ...process.env };
  Object.assign(process.env, { STAGE: stage, TABLE_NAME: 't' });
  resetConfig();
  try {
    run();
  } finally {
    process.env = saved;
    resetConfig();
  }
}

describe('the local-only caller stand-in', () => {
  it('accepts X-Local-User in the local stage', () => {
    withStage('local', () => expect(callerOf(event({ 'x-local-user': 'local-abcd-1234' }))).toEqual({ userId: 'local-abcd-1234' }));
  });

  it.each(['prod', 'dev'])('is refused in the %s stage', (stage) => {
    withStage(stage, () => {
      expect(() => callerOf(event({ 'x-local-user': 'local-abcd-1234' }))).toThrow(AppError);
      try {
        callerOf(event({ 'X-Local-User': 'local-abcd-1234' }));
      } catch (error) {
        expect((error as AppError).code).toBe('AUTH_REQUIRED');
        expect((error as AppError).status).toBe(401);
      }
    });
  });

  it('refuses a missing or malformed identity even locally', () => {
    withStage('local', () => {
      expect(() => callerOf(event({}))).toThrow(AppError);
      expect(() => callerOf(event({ 'x-local-user': 'admin' }))).toThrow(AppError);
    });
  });
});
