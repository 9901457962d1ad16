import type { ImplementationItem, ListDraftActionRequest, ListEntry, SaveListDraftRequest } from '@ah-tourism/shared';
import { api, type ApiResponse } from './api';
import { asUser } from './applications';

const json = { 'Content-Type': 'application/json' };
type Answer<T> = ApiResponse<T & { code?: string; message?: string; details?: { path: string; message: string }[] }>;

export const listEntry = (token: string, code: string): Promise<Answer<ListEntry>> => api(`/staff/lists/${code}`, { headers: asUser(token) });

export const saveListDraft = (token: string, code: string, request: SaveListDraftRequest): Promise<Answer<ListEntry>> =>
  api(`/staff/lists/${code}/draft`, { method: 'PUT', headers: asUser(token, json), body: JSON.stringify(request) });

/** An action on the draft at the revision the caller sees now (or the one given). */
export async function actOnListDraft(
  token: string,
  code: string,
  request: Omit<ListDraftActionRequest, 'revision'> & { revision?: number },
): Promise<Answer<ListEntry>> {
  const revision = request.revision ?? (await listEntry(token, code)).body.draft?.revision ?? 1;
  return api(`/staff/lists/${code}/draft/actions`, { method: 'POST', headers: asUser(token, json), body: JSON.stringify({ ...request, revision }) });
}

/** A draft request that changes the guide of the current version with `change`. */
export function draftFrom(current: ImplementationItem, change: (guide: ImplementationItem['guide'], entry: { name?: string }) => void, revision?: number): SaveListDraftRequest {
  const guide = structuredClone(current.guide);
  const entry: { name?: string } = {};
  change(guide, entry);
  return { baseVersion: current.version, ...(revision ? { revision } : {}), entry: { ...entry, guide: guide as Record<string, unknown> } };
}

/** Polls until the catalog serves the version (each function instance trusts its current pointer for 30 s). */
export async function untilCatalogServes(code: string, version: number, budgetMs = 40_000): Promise<ImplementationItem> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const res = await api<ImplementationItem>(`/catalog/items/${code}`, { headers: { 'Cache-Control': 'no-cache' } });
    if (res.status === 200 && res.body.version === version) return res.body;
    if (Date.now() > deadline) throw new Error(`the catalog still serves version ${res.body.version} of ${code}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
