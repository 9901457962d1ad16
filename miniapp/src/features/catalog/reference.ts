// The category tables are data in shared/. They are imported as JSON rather than through the
// package index, which would also bundle zod (~460 KB minified) into the main package.
import itemTypeTable from '@ah-tourism/shared/src/catalog/item-types.json'
import themeTable from '@ah-tourism/shared/src/catalog/themes.json'

export interface ItemTypeEntry {
  code: string
  name: string
}

export interface ThemeEntry {
  code: string
  name: string
  description: string
}

export const ITEM_TYPES: ReadonlyArray<ItemTypeEntry> = itemTypeTable
export const THEMES: ReadonlyArray<ThemeEntry> = themeTable

export function itemTypeName(code: string): string {
  return ITEM_TYPES.find((type) => type.code === code)?.name ?? '其他'
}

export function themeName(code: string): string | undefined {
  return THEMES.find((theme) => theme.code === code)?.name
}

/** The province; the default region and the parent of every city. */
export const PROVINCE = { code: '340000', name: '安徽省' } as const
