import Taro from '@tarojs/taro'

/** Scrolls the page until the element with this id is near the top. Mini-program variant: pageScrollTo. */
export function scrollToId(id: string): void {
  void Taro.pageScrollTo({ selector: `#${id}`, duration: 200, offsetTop: -12 }).catch(() => undefined)
}
