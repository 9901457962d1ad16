import { DEFAULT_PREFERENCES, applyPreferencesUpdate, preferencesUpdateSchema, withDefaults } from './preferences';

describe('display preferences', () => {
  it('fills what an account has never saved with the defaults (standard mode, Simplified Chinese)', () => {
    expect(withDefaults(undefined)).toEqual({ elderMode: false, language: 'zh-CN' });
    expect(withDefaults({ elderMode: true })).toEqual({ elderMode: true, language: 'zh-CN' });
    expect(withDefaults({ language: 'en' })).toEqual({ elderMode: false, language: 'en' });
  });

  it('ignores a stored value of an unknown shape rather than passing it on', () => {
    expect(withDefaults({ elderMode: 'yes' } as never)).toEqual(DEFAULT_PREFERENCES);
  });

  it('changes only the preferences an update names', () => {
    const current = { elderMode: false, language: 'en' as const };
    expect(applyPreferencesUpdate(current, { elderMode: true })).toEqual({ elderMode: true, language: 'en' });
    expect(applyPreferencesUpdate(current, { language: 'zh-CN' })).toEqual({ elderMode: false, language: 'zh-CN' });
  });

  it.each([
    [{ elderMode: true }, { elderMode: true }],
    [{ language: 'en' }, { language: 'en' }],
    [{ elderMode: false, language: 'zh-CN' }, { elderMode: false, language: 'zh-CN' }],
  ])('accepts the update %j', (body, parsed) => {
    expect(preferencesUpdateSchema.parse(body)).toEqual(parsed);
  });

  it.each([
    [{}, '请至少提交一项设置'],
    [{ elderMode: 'true' }, '长辈版开关只能是开启或关闭'],
    [{ language: 'fr' }, '界面语言只能是简体中文（zh-CN）或英文（en）'],
    [{ elderMode: true, fontSize: 30 }, '不支持的设置项：fontSize'],
    [[], '请提交设置项'],
  ])('refuses %j with a message a person can act on', (body, message) => {
    const result = preferencesUpdateSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});
