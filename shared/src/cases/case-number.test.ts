import { formatCaseNumber, isCaseNumber, newCaseNumber } from './case-number';

const RANDOM = Uint8Array.from([0x12, 0x34, 0x56, 0x78, 0x9a]);

describe('case numbers', () => {
  it('carry the China-time date of submission, as the page shows it beside 提交时间', () => {
    // 00:45 on 5 December in China is still 4 December in UTC.
    const number = newCaseNumber('2026-12-04T16:45:00.000Z', '341000', RANDOM);
    expect(number.slice(0, 14)).toBe('20261205341000');
    expect(isCaseNumber(number)).toBe(true);
  });

  it('keep the day before 16:00 UTC, when China time is the same day', () => {
    expect(newCaseNumber('2026-12-04T15:59:59.999Z', '340000', RANDOM).slice(0, 8)).toBe('20261204');
  });

  it('encode 40 random bits as 8 Crockford base32 characters', () => {
    expect(formatCaseNumber('2026-12-05', '341000', RANDOM)).toBe('20261205341000' + '28T5CY4T');
  });
});
