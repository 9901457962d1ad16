import type { GuideFileLink, ImplementationItem, ListItemsResponse, ListRegionsResponse } from '@ah-tourism/shared'
import type { FacetsResponse, ScenariosResponse, SearchResponse, SuggestionsResponse } from '@ah-tourism/shared/src/search/api'
import { getJson } from '@/services/http'

export interface ItemQuery {
  region: string
  keyword?: string
  type?: string | null
  theme?: string | null
  frequent?: boolean
  limit?: number
  cursor?: string | null
}

export function listRegions(): Promise<ListRegionsResponse> {
  return getJson<ListRegionsResponse>('/regions')
}

export function listItems(query: ItemQuery): Promise<ListItemsResponse> {
  return getJson<ListItemsResponse>('/catalog/items', {
    query: {
      region: query.region,
      keyword: query.keyword?.trim(),
      type: query.type,
      theme: query.theme,
      frequent: query.frequent ? 'true' : undefined,
      limit: query.limit,
      cursor: query.cursor,
    },
  })
}

export function getItem(implementationCode: string): Promise<ImplementationItem> {
  return getJson<ImplementationItem>(`/catalog/items/${encodeURIComponent(implementationCode)}`)
}

/** A five-minute link to a blank form, sample or result sample of the guide version shown (public, no sign-in). */
export function getGuideFileLink(implementationCode: string, version: number, fileId: string): Promise<GuideFileLink> {
  return getJson<GuideFileLink>(`/catalog/items/${encodeURIComponent(implementationCode)}/versions/${version}/files/${fileId}`)
}

/** A published version of a guide: it never changes (a case shows the version it was applied under). */
export function getItemVersion(implementationCode: string, version: number): Promise<ImplementationItem> {
  return getJson<ImplementationItem>(`/catalog/items/${encodeURIComponent(implementationCode)}/versions/${version}`)
}

/** Search across levels: each item with its implementations at the province and every city, `region` first. */
export function searchCatalog(q: string, region: string): Promise<SearchResponse> {
  return getJson<SearchResponse>('/catalog/search', { query: { q: q.trim(), region } })
}

/** Suggestions for what has been typed (none for an empty prefix) and the hot searches. */
export function getSuggestions(prefix: string): Promise<SuggestionsResponse> {
  return getJson<SuggestionsResponse>('/catalog/suggestions', { query: { prefix: prefix.trim() || undefined } })
}

/** The item types and themes that have items in the region. */
export function getFacets(region: string): Promise<FacetsResponse> {
  return getJson<FacetsResponse>('/catalog/facets', { query: { region } })
}

/** 一件事, each step resolved for the region. */
export function listScenarios(region: string): Promise<ScenariosResponse> {
  return getJson<ScenariosResponse>('/catalog/scenarios', { query: { region } })
}
