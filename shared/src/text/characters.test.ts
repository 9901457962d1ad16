import { maskPersonalNumbers, normaliseTypedText, typedTextProblem, withoutHiddenCharacters } from './characters';

describe('characters people may type', () => {
  it('drops zero-width characters, the byte order mark and directional marks, which nobody sees', () => {
    expect(normaliseTypedText('导游\u200B强制\u200C购物\u200D，\u2060共\uFEFF三\u200E次\u200F\u061C', 'line')).toBe('导游强制购物，共三次');
  });

  it('turns every kind of line break in text of several lines into a line feed, and leaves one line alone', () => {
    expect(normaliseTypedText('第一天\r\n第二天\r第三天\u2028第四天\u2029完', 'text')).toBe('第一天\n第二天\n第三天\n第四天\n完');
    expect(normaliseTypedText('第一天\r\n第二天', 'line')).toBe('第一天\r\n第二天');
  });

  it.each([
    ['U+202A', '\u202A'],
    ['U+202B', '\u202B'],
    ['U+202C', '\u202C'],
    ['U+202D', '\u202D'],
    ['U+202E', '\u202E'],
    ['U+2066', '\u2066'],
    ['U+2067', '\u2067'],
    ['U+2068', '\u2068'],
    ['U+2069', '\u2069'],
  ])('refuses the bidirectional control %s in one line and in several', (_name, char) => {
    expect(typedTextProblem(`合同${char}编号`, 'line')).toBe('bidi');
    expect(typedTextProblem(`合同${char}编号`, 'text')).toBe('bidi');
  });

  it('refuses NUL, the other C0 controls, DEL and the C1 controls', () => {
    for (const char of ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F']) {
      expect([char.codePointAt(0), typedTextProblem(`退款${char}申请`, 'text')]).toEqual([char.codePointAt(0), 'control']);
      expect([char.codePointAt(0), typedTextProblem(`退款${char}申请`, 'line')]).toEqual([char.codePointAt(0), 'control']);
    }
  });

  it('allows tab and line feed only in text of several lines', () => {
    expect(typedTextProblem('行程：\n\t第一天 黄山', 'text')).toBeNull();
    expect(typedTextProblem('黄山\t旅行社', 'line')).toBe('control');
    expect(typedTextProblem('黄山\n旅行社', 'line')).toBe('control');
    expect(typedTextProblem('黄山\u2028旅行社', 'line')).toBe('control');
  });

  it('accepts ordinary Chinese text with punctuation, emoji, full-width characters and Latin letters', () => {
    expect(typedTextProblem('导游说“不买不让走”！😡 退款¥2,400（ＡＢＣ旅行社）', 'text')).toBeNull();
    expect(typedTextProblem('营业执照副本-2026.pdf', 'line')).toBeNull();
  });
});

describe('a label taken from a picked file', () => {
  it('loses every hidden character, so it is never refused', () => {
    expect(withoutHiddenCharacters(' 发票\u202Efdp.exe\u0000\u200B ')).toBe('发票fdp.exe');
    expect(typedTextProblem(withoutHiddenCharacters('营业\u2066执照\u2069\n.pdf'), 'line')).toBeNull();
  });
});

describe('personal numbers inside free text', () => {
  it('masks resident ID numbers and mobiles the way the applicant’s own are masked', () => {
    expect(maskPersonalNumbers('我叫张三，身份证34010219900101123X，电话13912345678，请联系')).toBe('我叫张三，身份证3401**********123X，电话139****5678，请联系');
  });

  it('finds them grouped by spaces or hyphens, after +86, in full-width digits, several times', () => {
    expect(maskPersonalNumbers('手机 139 1234 5678 或 +86-139-1234-5678')).toBe('手机 139****5678 或 +86-139****5678');
    expect(maskPersonalNumbers('身份证 340102 19900101 1234')).toBe('身份证 3401**********1234');
    expect(maskPersonalNumbers('电话１３９１２３４５６７８')).toBe('电话１３９****５６７８');
    expect(maskPersonalNumbers('13912345678和13812345678')).toBe('139****5678和138****5678');
  });

  it('leaves other numbers alone: amounts, dates, order numbers, longer digit runs', () => {
    const text = '2026年5月1日付款2400元，订单号20260501123456，卡号6222021234567890123，座机0559-1234567';
    expect(maskPersonalNumbers(text)).toBe(text);
  });
});
