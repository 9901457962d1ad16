import { creditCodeCheckChar, creditCodeRegion, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100)', () => {
  it.each(['91350100M000100Y43', '91110000100006485K', '911100007109288314', '91310000MA1FL1MMXL'])(
    'accepts the published code %s',
    (code) => expect(isValidCreditCode(code)).toBe(true),
  );

  it('rejects a code whose check character is wrong', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('rejects characters outside the alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false);
    expect(isValidCreditCode('91350100O000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('computes the check character and reads the region', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('short')).toBeNull();
    expect(creditCodeRegion('91350100M000100Y43')).toBe('350100');
  });
});
