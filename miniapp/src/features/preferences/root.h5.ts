import Taro from '@tarojs/taro'
import { rootProperties } from './scale'

/**
 * H5: the mode's custom properties on <html>, in rem like every other length (Taro.pxTransform), so the
 * larger type still scales with the screen; the class lets a style tell the modes apart.
 */
export function applyRoot(elderMode: boolean): void {
  if (typeof document === 'undefined') return
  const root = document.documentElement
  root.classList.toggle('elder-mode', elderMode)
  // The standard values are the tokens' own fallbacks: switching back removes the properties.
  for (const [name, value] of rootProperties(true, { px: (size) => String(Taro.pxTransform(size)), fontsInRem: false })) {
    if (elderMode) root.style.setProperty(name, value)
    else root.style.removeProperty(name)
  }
}
