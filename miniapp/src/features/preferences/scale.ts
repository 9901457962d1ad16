/**
 * The type scale, tap height and text colours of the two modes, as CSS custom properties set at the
 * root of every page (pure: no Taro). The SCSS tokens (styles/tokens.scss) read these properties and
 * fall back to the standard values, so every page follows without knowing about 长辈版.
 *
 * Sizes are design px (375 wide). On H5 the caller turns them into rem (Taro.pxTransform), so they keep
 * scaling with the screen like everything else; on weapp the font sizes become rem of the page's root
 * font size, which <page-meta root-font-size="system"> ties to WeChat's font size setting.
 */
export interface Scale {
  fontXs: number
  fontSm: number
  fontMd: number
  fontLg: number
  fontXl: number
  fontTitle: number
  tapMin: number
}

/** 长辈版's text colours; the standard mode keeps the tokens' own. */
export interface Colours {
  colorText: string
  colorTextSecondary: string
  colorTextMuted: string
  colorBorder: string
}

/**
 * The standard sizes: the same as styles/tokens.scss (a unit test compares them). weapp needs them too,
 * as rem, for its type to follow the system font size.
 */
export const STANDARD_SCALE: Scale = {
  fontXs: 13,
  fontSm: 14,
  fontMd: 16,
  fontLg: 18,
  fontXl: 22,
  fontTitle: 17,
  tapMin: 44,
}

/**
 * 长辈版 (适老化): body text 20 px and nothing readable under 16 px, titles larger, every target at
 * least 48 px high, and no grey text: secondary text is nearly black (15.9:1 on white), borders darker.
 */
export const ELDER_SCALE: Scale = {
  fontXs: 16,
  fontSm: 18,
  fontMd: 20,
  fontLg: 22,
  fontXl: 26,
  fontTitle: 21,
  tapMin: 52,
}

export const ELDER_COLOURS: Colours = {
  colorText: '#111418',
  colorTextSecondary: '#1f2329',
  colorTextMuted: '#2b323b',
  colorBorder: '#aab2bd',
}

/** The body size WeChat's standard font setting gives 1rem on weapp (with root-font-size="system"). */
export const SYSTEM_REM_PX = 16

const FONT_PROPERTIES: [keyof Scale, string][] = [
  ['fontXs', '--font-size-xs'],
  ['fontSm', '--font-size-sm'],
  ['fontMd', '--font-size-md'],
  ['fontLg', '--font-size-lg'],
  ['fontXl', '--font-size-xl'],
  ['fontTitle', '--font-size-title'],
]

const COLOUR_PROPERTIES: [keyof Colours, string][] = [
  ['colorText', '--color-text'],
  ['colorTextSecondary', '--color-text-secondary'],
  ['colorTextMuted', '--color-text-muted'],
  ['colorBorder', '--color-border'],
]

export interface RootOptions {
  /** Design px → the platform's length (Taro.pxTransform). */
  px: (designPx: number) => string
  /** weapp: font sizes in rem, so that they follow the system font size. */
  fontsInRem: boolean
}

/** The custom properties for the root of a page in this mode, in a stable order. */
export function rootProperties(elderMode: boolean, { px, fontsInRem }: RootOptions): [string, string][] {
  const scale = elderMode ? ELDER_SCALE : STANDARD_SCALE
  const font = (size: number) => (fontsInRem ? `${+(size / SYSTEM_REM_PX).toFixed(4)}rem` : px(size))
  return [
    ...FONT_PROPERTIES.map(([key, name]): [string, string] => [name, font(scale[key])]),
    ['--tap-min', px(scale.tapMin)],
    ...(elderMode ? COLOUR_PROPERTIES.map(([key, name]): [string, string] => [name, ELDER_COLOURS[key]]) : []),
  ]
}

/** The same as an inline style (weapp's <page-meta page-style>). */
export function rootStyle(elderMode: boolean, options: RootOptions): string {
  return rootProperties(elderMode, options)
    .map(([name, value]) => `${name}:${value}`)
    .join(';')
}
