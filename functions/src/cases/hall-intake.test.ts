import { CLAIM_CODE_LENGTH, claimCodeHash, formatClaimCode, newClaimCode, normaliseClaimCode } from './hall-intake';

describe('the claim code of a hall-window receipt', () => {
  it('is 8 characters without look-alikes (no 0/O, 1/I/L), drawn at random', () => {
    const codes = Array.from({ length: 200 }, newClaimCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[2-9A-HJKMNP-Z]{${CLAIM_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set(codes.join(''));
    expect(used.size).toBeGreaterThan(25);
  });

  it('reads as typed: any case, with or without the dash or spaces, and is checked by a hash salted with the case number', () => {
    const code = 'K7QM3XPA';
    expect(formatClaimCode(code)).toBe('K7QM-3XPA');
    expect(normaliseClaimCode(' k7qm-3xpa ')).toBe(code);
    expect(claimCodeHash('20261205341000ABCDEFGH', 'k7qm 3xpa')).toBe(claimCodeHash('20261205341000ABCDEFGH', code));
    expect(claimCodeHash('20261205341000ABCDEFGH', code)).not.toBe(claimCodeHash('20261205341000ABCDEFGJ', code));
    expect(claimCodeHash('20261205341000ABCDEFGH', code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
