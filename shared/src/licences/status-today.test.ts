import { statusToday } from './registry-text';

describe('a licence’s status today', () => {
  it('is the recorded one, or expired once a valid licence is past its last day', () => {
    expect(statusToday('valid', '2026-12-05', '2026-12-05')).toBe('valid');
    expect(statusToday('valid', '2026-12-04', '2026-12-05')).toBe('expired');
    expect(statusToday('valid', undefined, '2099-01-01')).toBe('valid');
    expect(statusToday('revoked', '2020-01-01', '2026-12-05')).toBe('revoked');
    expect(statusToday('suspended', '2030-01-01', '2026-12-05')).toBe('suspended');
  });
});
