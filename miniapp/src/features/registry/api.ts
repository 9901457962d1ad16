import type { RegisteredTravelAgencyDetail, TourGuidePage, TravelAgencyPage } from '@ah-tourism/shared'
import { getJson } from '@/services/http'

/** A registry query: a city, and either a licence number (exact) or a name fragment. */
export interface RegistryQuery {
  region: string
  keyword?: string
  number?: string
  limit?: number
  cursor?: string | null
}

const query = (q: RegistryQuery) => ({ region: q.region, keyword: q.keyword, number: q.number, limit: q.limit, cursor: q.cursor })

export function listAgencies(q: RegistryQuery): Promise<TravelAgencyPage> {
  return getJson<TravelAgencyPage>('/public/registries/travel-agencies', { query: query(q) })
}

export function listGuides(q: RegistryQuery): Promise<TourGuidePage> {
  return getJson<TourGuidePage>('/public/registries/tour-guides', { query: query(q) })
}

export function getAgency(number: string, region: string): Promise<RegisteredTravelAgencyDetail> {
  return getJson<RegisteredTravelAgencyDetail>(`/public/registries/travel-agencies/${encodeURIComponent(number)}`, { query: { region: region || undefined } })
}
