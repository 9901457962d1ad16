import * as z from 'zod';
import { typedText } from './free-text';

const narrative = typedText('投诉事由', 'text').min(1, '请填写投诉事由').max(20, '投诉事由不超过20个字');
const fileName = typedText('文件名').min(1).max(20);
const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('a typed-text field', () => {
  it('keeps ordinary text, trimmed, and drops invisible characters', () => {
    expect(narrative.parse('  导游\u200B强制购物\r\n共三次\uFEFF ')).toBe('导游强制购物\n共三次');
    expect(fileName.parse('\u200B营业执照.pdf ')).toBe('营业执照.pdf');
  });

  it('refuses a bidirectional override with a message that names the field', () => {
    expect(messages(narrative, '退款\u202E元0042')).toEqual(['投诉事由中含有会打乱文字显示顺序的隐藏字符（常见于复制来的内容），请删除这段文字后手动重新输入']);
    expect(messages(fileName, '发票\u202Efdp.exe')).toEqual(['文件名中含有会打乱文字显示顺序的隐藏字符（常见于复制来的内容），请删除这段文字后手动重新输入']);
  });

  it('refuses NUL and other control characters, allowing line breaks only where several lines belong', () => {
    expect(messages(narrative, '退款\u0000申请')).toEqual(['投诉事由中含有无法显示的控制字符（常见于复制来的内容），请删除这段文字后手动重新输入']);
    expect(messages(fileName, '营业\n执照.pdf')).toEqual(['文件名中含有无法显示的控制字符（常见于复制来的内容），请删除这段文字后手动重新输入']);
    expect(narrative.parse('第一天\n第二天')).toBe('第一天\n第二天');
  });

  it('counts text made only of invisible characters as not filled in, and keeps the field’s own limits', () => {
    expect(messages(narrative, '\u200B\u200B')).toEqual(['请填写投诉事由']);
    expect(messages(narrative, '慢'.repeat(21))).toEqual(['投诉事由不超过20个字']);
  });

  it('keeps a custom message for a missing value', () => {
    const name = typedText('姓名', 'line', z.string({ error: '请填写姓名' }));
    expect(messages(name, undefined)).toEqual(['请填写姓名']);
  });
});
