import * as z from 'zod';

/**
 * A person's display preferences, kept on their account so that they follow them to another phone:
 * 长辈版 (larger type, larger targets, a simpler home) and the language of the app. Signed out, the
 * app keeps the same shape in local storage.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const preferencesSchema = z
  .object({
    elderMode: z.boolean().meta({ description: '长辈版：字更大、按钮更大、首页更简单' }),
    language: z.enum(LANGUAGES).meta({ description: '界面语言' }),
  })
  .meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof preferencesSchema>;

/** What an account without stored preferences gets. */
export const DEFAULT_PREFERENCES: Preferences = { elderMode: false, language: 'zh-CN' };

/** PATCH /me/preferences: only the preferences named change; unknown names are refused, not ignored. */
export const preferencesUpdateSchema = z
  .strictObject(
    {
      elderMode: z.boolean({ error: '长辈版开关只能是开启或关闭' }).optional(),
      language: z.enum(LANGUAGES, { error: '界面语言只能是简体中文（zh-CN）或英文（en）' }).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `不支持的设置项：${issue.keys.join('、')}` : '请提交设置项') },
  )
  .refine((update) => update.elderMode !== undefined || update.language !== undefined, { error: '请至少提交一项设置' })
  .meta({ id: 'PreferencesUpdate' });
export type PreferencesUpdate = z.infer<typeof preferencesUpdateSchema>;

/** The stored preferences completed with the defaults (a stored value of an unknown shape is ignored). */
export function withDefaults(stored: Partial<Preferences> | undefined): Preferences {
  const parsed = preferencesSchema.partial().safeParse(stored ?? {});
  return { ...DEFAULT_PREFERENCES, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

/** The preferences after an update. */
export function applyPreferencesUpdate(current: Preferences, update: PreferencesUpdate): Preferences {
  return { ...current, ...stripUndefined(update) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
