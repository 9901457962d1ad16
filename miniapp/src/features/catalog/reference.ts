// The category tables are data in shared/. They are imported as JSON rather than through the
// package index, which would also bundle zod (~460 KB minified) into the main package.
import itemTypeTable from '@ah-tourism/shared/src/catalog/item-types.json'
import themeTable from '@ah-tourism/shared/src/catalog/themes.json'
import { CATALOG_STRINGS, REFERENCE_NAMES } from './labels'

export interface ItemTypeEntry {
  code: string
  name: string
}

export interface ThemeEntry {
  code: string
  name: string
  description: string
}

/** In the language of this run (the tables hold the Chinese; labels.ts has the English). */
export const ITEM_TYPES: ReadonlyArray<ItemTypeEntry> = itemTypeTable.map((type) => ({ code: type.code, name: REFERENCE_NAMES.itemTypes[type.code] ?? type.name }))
export const THEMES: ReadonlyArray<ThemeEntry> = themeTable.map((theme) => ({
  code: theme.code,
  name: REFERENCE_NAMES.themes[theme.code] ?? theme.name,
  description: REFERENCE_NAMES.themeDescriptions[theme.code] ?? theme.description,
}))

export function itemTypeName(code: string): string {
  return ITEM_TYPES.find((type) => type.code === code)?.name ?? CATALOG_STRINGS.otherType
}

export function themeName(code: string): string | undefined {
  return THEMES.find((theme) => theme.code === code)?.name
}

/** The province; the default region and the parent of every city. */
export const PROVINCE = { code: '340000', name: CATALOG_STRINGS.province } as const
