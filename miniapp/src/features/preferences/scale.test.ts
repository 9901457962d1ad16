import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ELDER_COLOURS, ELDER_SCALE, STANDARD_SCALE, rootProperties, rootStyle } from './scale'

const TOKENS = readFileSync(path.resolve(__dirname, '../../styles/tokens.scss'), 'utf8')

/** The first (plain) definition of a SCSS token. */
function token(name: string): string {
  const match = new RegExp(`^\\$${name}:\\s*([^;]+);`, 'm').exec(TOKENS)
  if (!match) throw new Error(`tokens.scss defines no $${name}`)
  return match[1]!.trim()
}

const designPx = (size: number) => `${size}px`

describe('the type scale of the two modes', () => {
  it.each([
    ['fontXs', 'font-size-xs'],
    ['fontSm', 'font-size-sm'],
    ['fontMd', 'font-size-md'],
    ['fontLg', 'font-size-lg'],
    ['fontXl', 'font-size-xl'],
    ['fontTitle', 'font-size-title'],
    ['tapMin', 'tap-min'],
  ] as const)('the standard %s is the tokens\' $%s', (key, name) => {
    expect(token(name)).toBe(`${STANDARD_SCALE[key]}px`)
  })

  it('gives 长辈版 body text of at least 18 px, nothing readable under 16 px, and targets of at least 48 px', () => {
    expect(ELDER_SCALE.fontMd).toBeGreaterThanOrEqual(18)
    expect(ELDER_SCALE.fontSm).toBeGreaterThanOrEqual(18)
    expect(ELDER_SCALE.fontXs).toBeGreaterThanOrEqual(16)
    expect(ELDER_SCALE.fontXl).toBeGreaterThan(ELDER_SCALE.fontMd)
    expect(ELDER_SCALE.tapMin).toBeGreaterThanOrEqual(48)
    for (const key of ['fontXs', 'fontSm', 'fontMd', 'fontLg', 'fontXl', 'fontTitle', 'tapMin'] as const) {
      expect(ELDER_SCALE[key]).toBeGreaterThan(STANDARD_SCALE[key])
    }
  })

  it('makes the grey text of 长辈版 darker than the standard tokens (contrast on white of at least 12:1)', () => {
    for (const [key, name] of [
      ['colorText', 'color-text'],
      ['colorTextSecondary', 'color-text-secondary'],
      ['colorTextMuted', 'color-text-muted'],
    ] as const) {
      expect(contrastOnWhite(ELDER_COLOURS[key])).toBeGreaterThanOrEqual(12)
      expect(contrastOnWhite(ELDER_COLOURS[key])).toBeGreaterThanOrEqual(contrastOnWhite(token(name)))
    }
  })

  it('sets the root properties in platform lengths: H5 design px, weapp type in rem of the system font size', () => {
    expect(rootProperties(true, { px: designPx, fontsInRem: false })).toEqual(
      expect.arrayContaining([
        ['--font-size-md', '20px'],
        ['--tap-min', '52px'],
        ['--color-text-secondary', '#1f2329'],
      ]),
    )
    const weapp = rootProperties(false, { px: (size) => `${size * 2}rpx`, fontsInRem: true })
    expect(weapp).toEqual(expect.arrayContaining([['--font-size-md', '1rem'], ['--font-size-xs', '0.8125rem'], ['--tap-min', '88rpx']]))
    // The standard mode keeps the tokens' own colours.
    expect(weapp.map(([name]) => name).filter((name) => name.startsWith('--color'))).toEqual([])
    expect(rootStyle(true, { px: designPx, fontsInRem: true })).toMatch(/^--font-size-xs:1rem;--font-size-sm:1\.125rem;--font-size-md:1\.25rem;.*--tap-min:52px;/)
  })
})

/** WCAG contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  return 1.05 / (luminance + 0.05)
}
