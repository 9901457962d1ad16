import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { PROVINCE } from '@/features/catalog/reference'

/**
 * A small app-wide store. It carries what must survive between pages that cannot pass query
 * parameters to each other (switchTab drops them): the chosen region, persisted with Taro storage,
 * and the catalog filters the home page hands to the 办事 tab.
 */

export interface RegionChoice {
  code: string
  name: string
}

export interface CatalogFilters {
  keyword: string
  type: string | null
  theme: string | null
}

export interface AppState {
  region: RegionChoice
  filters: CatalogFilters
}

export const EMPTY_FILTERS: CatalogFilters = { keyword: '', type: null, theme: null }

const REGION_STORAGE_KEY = 'ah-tourism.region'

function isRegionChoice(value: unknown): value is RegionChoice {
  const region = value as RegionChoice
  return typeof region === 'object' && region !== null && /^\d{6}$/.test(region.code) && typeof region.name === 'string' && region.name.length > 0
}

function loadRegion(): RegionChoice {
  try {
    const stored: unknown = Taro.getStorageSync(REGION_STORAGE_KEY)
    if (isRegionChoice(stored)) return { code: stored.code, name: stored.name }
  } catch {
    // Storage can be unavailable (private mode, quota): fall back to the province.
  }
  return { ...PROVINCE }
}

function saveRegion(region: RegionChoice): void {
  try {
    Taro.setStorageSync(REGION_STORAGE_KEY, region)
  } catch {
    // Not persisted this time; the choice still holds for this session.
  }
}

let state: AppState = { region: loadRegion(), filters: EMPTY_FILTERS }
const listeners = new Set<() => void>()

function setState(next: AppState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export const appStore = {
  getState: (): AppState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },

  setRegion(region: RegionChoice): void {
    if (region.code === state.region.code && region.name === state.region.name) return
    saveRegion(region)
    setState({ ...state, region: { code: region.code, name: region.name } })
  },

  setFilters(filters: Partial<CatalogFilters>): void {
    const next = { ...state.filters, ...filters }
    const { keyword, type, theme } = state.filters
    if (next.keyword === keyword && next.type === type && next.theme === theme) return
    setState({ ...state, filters: next })
  },

  /** A fresh search from the home page replaces every filter. */
  startSearch(filters: Partial<CatalogFilters>): void {
    appStore.setFilters({ ...EMPTY_FILTERS, ...filters })
  },
}

/** Subscribes a component to one slice of the store; the slice must be referentially stable. */
export function useAppState<T>(select: (state: AppState) => T): T {
  return useSyncExternalStore(appStore.subscribe, () => select(state), () => select(state))
}
