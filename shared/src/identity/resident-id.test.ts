import { isValidResidentId, maskIdentityNumber, maskMobile, MOBILE_PATTERN, residentIdCheckChar, residentIdProblem } from './resident-id';

const withCheck = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

describe('resident identity number (GB 11643)', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('computes check characters, including X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    const id = withCheck('34010219900307123');
    expect(isValidResidentId(id)).toBe(true);
  });

  it('names the problem: format, birth date or check digit', () => {
    expect(residentIdProblem('3401021990030712')).toBe('format');
    expect(residentIdProblem('04010219900307123X')).toBe('format');
    expect(residentIdProblem(withCheck('34010219900230123'))).toBe('birth_date');
    expect(residentIdProblem(withCheck('34010230000101123'), new Date('2026-11-27'))).toBe('birth_date');
    const good = withCheck('34010219900307123');
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    expect(residentIdProblem(wrong)).toBe('check_digit');
  });

  it('masks identity numbers and mobiles for display', () => {
    expect(maskIdentityNumber('340102199003071234')).toBe('3401**********1234');
    expect(maskMobile('13912345678')).toBe('139****5678');
    expect(MOBILE_PATTERN.test('13912345678')).toBe(true);
    expect(MOBILE_PATTERN.test('12912345678')).toBe(false);
  });
});
