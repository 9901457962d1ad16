import { rootProperties } from './scale'

/**
 * Design px per rem in the H5 build: Taro's pxtransform divides by baseFontSize (20) × 2 / deviceRatio of
 * the 375 design width (2), and its script sizes <html> at 20 px per 375 px of screen. Taro.pxTransform
 * would say the same, but it throws until the app is created, and the mode must be on <html> before that.
 */
const DESIGN_PX_PER_REM = 20

const rem = (size: number) => `${+(size / DESIGN_PX_PER_REM).toFixed(5)}rem`

/**
 * H5: the mode's custom properties on <html>, in rem like every other length, so the larger type still
 * scales with the screen; the class lets a style tell the modes apart. The standard values are the
 * tokens' own fallbacks: switching back removes the properties.
 */
export function applyRoot(elderMode: boolean): void {
  if (typeof document === 'undefined') return
  const root = document.documentElement
  root.classList.toggle('elder-mode', elderMode)
  for (const [name, value] of rootProperties(true, { px: rem, fontsInRem: false })) {
    if (elderMode) root.style.setProperty(name, value)
    else root.style.removeProperty(name)
  }
}
