// Types only: the list-maintenance schemas stay out of the mini-program's packages.
import type { ListDraftActionRequest, ListEntries, ListEntry, ListVersions, SaveListDraftRequest } from '@ah-tourism/shared'
import { getJson, requestJson } from '@/services/http'

/** List maintenance (清单维护): the organisation's entries, one entry's draft and review, its versions. */

const path = (value: string) => encodeURIComponent(value)

export function listListEntries(): Promise<ListEntries> {
  return getJson<ListEntries>('/staff/lists', { auth: true })
}

export function getListEntry(code: string): Promise<ListEntry> {
  return getJson<ListEntry>(`/staff/lists/${path(code)}`, { auth: true })
}

/** Saves the draft; a 400 lists every problem at its field (`guide.materials[2].name`). */
export async function saveListDraft(code: string, request: SaveListDraftRequest): Promise<ListEntry> {
  return (await requestJson<ListEntry>('PUT', `/staff/lists/${path(code)}/draft`, { auth: true, body: request })).data
}

/** An action at the revision on screen; a 409 says someone else changed the draft first. */
export async function actOnListDraft(code: string, request: ListDraftActionRequest): Promise<ListEntry> {
  return (await requestJson<ListEntry>('POST', `/staff/lists/${path(code)}/draft/actions`, { auth: true, body: request })).data
}

export function listListVersions(code: string): Promise<ListVersions> {
  return getJson<ListVersions>(`/staff/lists/${path(code)}/versions`, { auth: true })
}
