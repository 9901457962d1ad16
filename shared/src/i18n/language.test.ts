import { ERRORS, type ErrorCode } from '../errors';
import { ERROR_MESSAGES_EN } from '../errors-en';
import { englishFieldMessage } from './field-messages-en';
import { containsHan, preferredLanguage } from './language';

describe('preferredLanguage (Accept-Language)', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN, en;q=0.8', 'zh-CN'],
    ['en;q=0.8, zh-CN;q=0.9', 'zh-CN'],
    ['zh-CN;q=0.5, en;q=0.6', 'en'],
    ['fr-FR, en;q=0.7', 'en'],
    ['de, fr;q=0.9', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['en;q=0.000', 'zh-CN'],
    ['en;q=1.0', 'en'],
    ['*', 'zh-CN'],
    ['en;q=0.5, *;q=0.9', 'zh-CN'],
    ['zh;q=0, *', 'en'],
    ['en;q=2, zh', 'zh-CN'],
    ['en;q=abc', 'zh-CN'],
    ['en ; q=0.4 , ja', 'en'],
    ['en, zh-CN', 'en'],
    ['zh-TW, en', 'zh-CN'],
    ['english', 'zh-CN'],
    ['e n', 'zh-CN'],
  ])('%p answers in %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });

  it('reads only the first 1,000 characters of an oversized header', () => {
    expect(preferredLanguage(`${'x-a;q=0.1,'.repeat(200)}en`)).toBe('zh-CN');
  });
});

describe('English error messages', () => {
  const codes = Object.keys(ERRORS) as ErrorCode[];

  it.each(codes)('%s has an English message without Han characters', (code) => {
    const english = ERROR_MESSAGES_EN[code];
    expect(typeof english).toBe('string');
    expect(english.trim().length).toBeGreaterThan(10);
    expect(containsHan(english)).toBe(false);
  });

  it('has no English message for a code that does not exist', () => {
    expect(Object.keys(ERROR_MESSAGES_EN).sort()).toEqual([...codes].sort());
  });
});

describe('englishFieldMessage', () => {
  it.each([
    ['请填写姓名', 'Please fill this in.'],
    ['请填写姓名（至少2个字）', 'Enter at least 2 characters.'],
    ['旅行社名称不能超过50个字', 'Enter at most 50 characters.'],
    ['手机号码应为11位，以1开头', 'A mobile number has 11 digits and starts with 1.'],
    ['身份证号码校验位不正确，请逐位核对后重新输入', 'The check digit of the ID card number is wrong. Please check each digit.'],
    ['请从选项中选择导游语种', 'Choose one of the options.'],
    ['请上传“营业执照”', 'Upload this material.'],
    ['人数不能小于1', 'Enter a number of at least 1.'],
    ['经营场所地址请填写到门牌号', 'Give the full address, down to the street number.'],
  ])('%s → %s', (chinese, english) => {
    expect(englishFieldMessage(chinese)).toBe(english);
  });

  it('falls back on the zod issue: its code and limits', () => {
    expect(englishFieldMessage('字符串长度须不少于3', { code: 'too_small', origin: 'string', minimum: 3 })).toBe('Enter at least 3 characters.');
    expect(englishFieldMessage('无效输入', { code: 'invalid_type', input: undefined })).toBe('Please fill this in.');
    expect(englishFieldMessage('无效输入', { code: 'invalid_type', input: 3 })).toBe('This value is not of the expected kind.');
    expect(englishFieldMessage('任何别的话')).toBe('This entry is not valid. Please check it.');
  });
});
