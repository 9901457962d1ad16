import { creditCodeCheckChar } from '../identity/credit-code';
import {
  basicCodeSchema,
  formatImplementationCode,
  implementationCodeSchema,
  itemTypeName,
  parseBasicCode,
  parseImplementationCode,
} from './codes';

const body = '113410000000000' + '01';
const HUANGSHAN_BUREAU = `${body}${creditCodeCheckChar(body)}`;

describe('basic code', () => {
  it('splits into item type, main item and sub item', () => {
    expect(parseBasicCode('0100117001')).toEqual({ itemType: '01', mainItem: '00117', subItem: '001' });
    expect(itemTypeName('01')).toBe('行政许可');
    expect(itemTypeName('20')).toBe('公共服务');
  });

  it.each([
    ['too short', '010011700'],
    ['letters', '01A0117000'],
    ['unknown item type', '1100117000'],
    ['no main item', '0100000000'],
  ])('rejects %s', (_why, code) => {
    expect(parseBasicCode(code)).toBeNull();
    const result = basicCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/基本编码应为10位数字/);
  });
});

describe('implementation code', () => {
  const parts = { basicCode: '0100117000', level: 'city' as const, regionCode: '341000', creditCode: HUANGSHAN_BUREAU };

  it('round-trips through format and parse', () => {
    const code = formatImplementationCode(parts);
    expect(code).toHaveLength(35);
    expect(parseImplementationCode(code)).toEqual(parts);
    expect(implementationCodeSchema.safeParse(code).success).toBe(true);
  });

  it('rejects a credit code registered in another region', () => {
    const code = formatImplementationCode({ ...parts, regionCode: '340100' });
    expect(parseImplementationCode(code)).toBeNull();
  });

  it('rejects a credit code with a wrong check character', () => {
    const code = formatImplementationCode(parts);
    const broken = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    expect(parseImplementationCode(broken)).toBeNull();
  });

  it('rejects an unknown level digit and wrong lengths', () => {
    const code = formatImplementationCode(parts);
    expect(parseImplementationCode(code.slice(0, 10) + '7' + code.slice(11))).toBeNull();
    expect(parseImplementationCode(code + '0')).toBeNull();
    expect(implementationCodeSchema.safeParse('abc').error?.issues[0]?.message).toMatch(/实施编码无效/);
  });
});
