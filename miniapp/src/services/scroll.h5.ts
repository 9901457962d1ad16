/**
 * H5 variant: the element's own scrollIntoView. Taro's H5 pageScrollTo looks the page's scroll
 * container up by the page's path, and did not move pages opened with query parameters
 * (?caseNumber=…).
 */
export function scrollToId(id: string): void {
  document.getElementById(id)?.scrollIntoView({ block: 'start' })
}
