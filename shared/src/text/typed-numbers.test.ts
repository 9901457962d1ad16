import { normaliseTypedNumber, toHalfWidth } from './typed-numbers';

describe('numbers as people type or paste them', () => {
  it('reads a pasted mobile with spaces or hyphens as the same number, within its 11 digits', () => {
    expect(normaliseTypedNumber('tel', '139 5591 2345', 11)).toBe('13955912345');
    expect(normaliseTypedNumber('tel', '139-5591-2345', 11)).toBe('13955912345');
    expect(normaliseTypedNumber('tel', '+86 139 5591 2345', 11)).toBe('13955912345');
    expect(normaliseTypedNumber('tel', '8613955912345', 11)).toBe('13955912345');
  });

  it('reads full-width digits from a Chinese keyboard as digits', () => {
    expect(toHalfWidth('１３９５５９１２３４５')).toBe('13955912345');
    expect(normaliseTypedNumber('tel', '１３９\u3000５５９１\u3000２３４５', 11)).toBe('13955912345');
    expect(normaliseTypedNumber('idcard', '３４１００２１９９５０８１２１２３ｘ', 18)).toBe('34100219950812123X');
  });

  it('keeps an identity number’s check letter upper-case and a decimal’s point', () => {
    expect(normaliseTypedNumber('idcard', '34100219950812123x')).toBe('34100219950812123X');
    expect(normaliseTypedNumber('decimal', '３０．５')).toBe('30.5');
    expect(normaliseTypedNumber('decimal', '1,000')).toBe('1000');
  });

  it('still cuts what is longer than the number can be, after reading it', () => {
    expect(normaliseTypedNumber('tel', '139 5591 2345 6', 11)).toBe('13955912345');
  });
});
