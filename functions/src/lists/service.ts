import {
  changedSections,
  cstDay,
  diffEntries,
  implementationItemSchema,
  LIST_REVIEW_STEPS,
  parseCatalogEntry,
  parseImplementationCode,
  type FieldIssue,
  type ImplementationItem,
  type ListDraftActionRequest,
  type ListEntries,
  type ListEntry,
  type ListReviewStep,
  type ListVersions,
  type SaveListDraftRequest,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { UserRecord } from '../auth/store';
import { AppError } from '../platform/errors';
import { canEdit, canPublish, canReview, canView, ownsEntry, stepsReviewedBy, type ListActor } from './permissions';
import { nextStepOf, reviewPartition, type StoredListDraft } from './records';
import type { ListStore } from './store';
import { awaitingSummary, draftActions, draftView, entrySummary } from './views';

export interface ListServiceDeps {
  store: ListStore;
  /** The caller's account as stored now. */
  user: (caller: Caller) => Promise<UserRecord>;
  /** The review steps after the organisation's own editing, in order (configuration). */
  steps: readonly ListReviewStep[];
  now?: () => Date;
}

/** Deep equality regardless of key order (DynamoDB does not keep the order of a map's keys). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Catalog elements a draft changes: only the province may, and then for every level at once. */
function catalogElementChanges(current: ImplementationItem, next: ImplementationItem): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (next.name !== current.name) issues.push({ path: 'name', message: '事项名称是目录要素，由省级统一编制，本级不能修改' });
  if (!same(next.guide.legalBasis, current.guide.legalBasis)) {
    issues.push({ path: 'guide.legalBasis', message: '设定依据是目录要素，由省级统一编制，本级不能修改' });
  }
  return issues;
}

/** List maintenance: drafts of the next version, their review, and publication as a new immutable version. */
export function listService(deps: ListServiceDeps) {
  const now = deps.now ?? (() => new Date());

  async function actorOf(caller: Caller): Promise<ListActor> {
    const user = await deps.user(caller);
    if (!user.staff) throw new AppError('AUTH_FORBIDDEN');
    return { userId: user.userId, name: user.displayName, staff: user.staff };
  }

  async function currentOf(implementationCode: string): Promise<ImplementationItem> {
    const current = parseImplementationCode(implementationCode) ? await deps.store.current(implementationCode) : undefined;
    if (!current) throw new AppError('CATALOG_ITEM_NOT_FOUND');
    return current;
  }

  function entryView(actor: ListActor, current: ImplementationItem, draft: StoredListDraft | undefined): ListEntry {
    const editor = canEdit(actor, current.implementationCode);
    return {
      current,
      ...(draft ? { draft: draftView(draft, current, actor, deps.steps) } : {}),
      canEdit: editor,
      canEditCatalogElements: editor && actor.staff.level === 'province' && current.level === 'province',
    };
  }

  /** The candidate next version: the current one with the maintained content replaced, checked like the seed data. */
  function compose(actor: ListActor, current: ImplementationItem, entry: SaveListDraftRequest['entry']): { item: ImplementationItem; catalogWide: boolean } {
    const candidate = {
      ...current,
      name: entry.name ?? current.name,
      themes: entry.themes ?? current.themes,
      keywords: entry.keywords ?? current.keywords,
      frequent: entry.frequent ?? current.frequent,
      guide: entry.guide,
      version: current.version + 1,
    };
    const { data, problems } = parseCatalogEntry(implementationItemSchema, candidate);
    if (!data) throw new AppError('LIST_DRAFT_INVALID', undefined, problems);
    const locked = catalogElementChanges(current, data);
    const provincial = actor.staff.level === 'province' && current.level === 'province';
    if (locked.length && !provincial) throw new AppError('LIST_CATALOG_ELEMENT_LOCKED', undefined, locked);
    return { item: data, catalogWide: locked.length > 0 };
  }

  async function publish(actor: ListActor, draft: StoredListDraft, current: ImplementationItem): Promise<ImplementationItem> {
    const at = now();
    const publishedAt = cstDay(at);
    const main: ImplementationItem = { ...draft.item, version: current.version + 1, publishedAt };
    const others: ImplementationItem[] = [];
    if (draft.catalogWide) {
      const codes = (await deps.store.codesOfBasicCode(main.itemType, main.basicCode)).filter((code) => code !== main.implementationCode);
      for (const other of await deps.store.currentMany(codes)) {
        const guide = { ...other.guide, legalBasis: main.guide.legalBasis };
        others.push({ ...other, name: main.name, guide, version: other.version + 1, publishedAt });
      }
    }
    const publication = {
      byName: actor.name,
      at: at.toISOString(),
      approvals: draft.approvals.map(({ step, name, at: approvedAt }) => ({ step, name, at: approvedAt })),
      changedSections: changedSections(diffEntries(current, main)),
    };
    await deps.store.publish([main, ...others], publication, draft);
    return main;
  }

  return {
    /** The caller's organisation's entries with their draft state, and the drafts waiting for the caller's review. */
    async listEntries(caller: Caller): Promise<ListEntries> {
      const actor = await actorOf(caller);
      const { staff } = actor;
      const maintains = staff.permissions.includes('list_editor') || staff.permissions.includes('org_admin');
      const reviewed = stepsReviewedBy(actor, deps.steps);
      if (!maintains && reviewed.length === 0) throw new AppError('AUTH_FORBIDDEN');
      let entries: ListEntries['entries'] = [];
      if (maintains) {
        const codes = (await deps.store.codesInRegion(staff.regionCode)).filter((code) => ownsEntry(actor, code));
        const [items, drafts] = await Promise.all([deps.store.currentMany(codes), deps.store.draftsOf(staff.organisationCode)]);
        const draftOf = new Map(drafts.map((d) => [d.implementationCode, d]));
        entries = items
          .map((item) => entrySummary(item, draftOf.get(item.implementationCode)))
          .sort((a, b) => a.implementationCode.localeCompare(b.implementationCode));
      }
      const waiting = await Promise.all(reviewed.map((step) => deps.store.awaiting(reviewPartition(step, staff.organisationCode))));
      const awaitingMyReview = waiting
        .flat()
        .filter((draft) => draftActions(draft, actor).includes('approve'))
        .map(awaitingSummary);
      return { entries, awaitingMyReview };
    },

    async getEntry(caller: Caller, implementationCode: string): Promise<ListEntry> {
      const actor = await actorOf(caller);
      if (!canView(actor, implementationCode)) throw new AppError('AUTH_FORBIDDEN');
      const [current, draft] = await Promise.all([currentOf(implementationCode), deps.store.draft(implementationCode)]);
      return entryView(actor, current, draft);
    },

    /** Creates or changes the entry's draft; an invalid one is refused with every problem at its field. */
    async saveDraft(caller: Caller, implementationCode: string, request: SaveListDraftRequest): Promise<ListEntry> {
      const actor = await actorOf(caller);
      if (!canEdit(actor, implementationCode)) throw new AppError('AUTH_FORBIDDEN');
      const [current, existing] = await Promise.all([currentOf(implementationCode), deps.store.draft(implementationCode)]);
      if (request.revision === undefined && existing) throw new AppError('LIST_DRAFT_CONFLICT');
      if (request.revision !== undefined && !existing) throw new AppError('LIST_DRAFT_NOT_FOUND');
      if (existing && existing.revision !== request.revision) throw new AppError('LIST_DRAFT_CONFLICT');
      if (existing && existing.status !== 'editing') throw new AppError('LIST_ACTION_NOT_ALLOWED', '草稿已提交审核，审核中不能修改；如需修改，请由审核人员退回');
      if (request.baseVersion !== current.version || (existing && existing.baseVersion !== current.version)) throw new AppError('LIST_DRAFT_STALE');
      const { item, catalogWide } = compose(actor, current, request.entry);
      const draft: StoredListDraft = {
        implementationCode,
        organisationCode: actor.staff.organisationCode,
        baseVersion: current.version,
        revision: (existing?.revision ?? 0) + 1,
        status: 'editing',
        catalogWide,
        steps: [...deps.steps],
        approvals: [],
        ...(existing?.rejection ? { rejection: existing.rejection } : {}),
        editors: [...new Set([...(existing?.editors ?? []), actor.userId])],
        editedByName: actor.name,
        updatedAt: now().toISOString(),
        item,
      };
      await deps.store.putDraft(draft, existing?.revision);
      return entryView(actor, current, draft);
    },

    async act(caller: Caller, implementationCode: string, request: ListDraftActionRequest): Promise<ListEntry> {
      const actor = await actorOf(caller);
      if (!canView(actor, implementationCode)) throw new AppError('AUTH_FORBIDDEN');
      const [current, draft] = await Promise.all([currentOf(implementationCode), deps.store.draft(implementationCode)]);
      if (!draft) throw new AppError('LIST_DRAFT_NOT_FOUND');
      if (draft.revision !== request.revision) throw new AppError('LIST_DRAFT_CONFLICT');
      const at = now().toISOString();
      const next = nextStepOf(draft);
      const step = (allowedStatus: StoredListDraft['status'], allowed: boolean) => {
        if (draft.status !== allowedStatus) throw new AppError('LIST_ACTION_NOT_ALLOWED');
        if (!allowed) throw new AppError('AUTH_FORBIDDEN');
      };
      let updated: StoredListDraft;
      switch (request.action) {
        case 'submit': {
          step('editing', canEdit(actor, implementationCode));
          if (draft.baseVersion !== current.version) throw new AppError('LIST_DRAFT_STALE');
          if (diffEntries(current, draft.item).length === 0) throw new AppError('LIST_NO_CHANGE');
          // A new submission starts the review afresh; the last refusal has been answered.
          const rest: StoredListDraft = { ...draft };
          delete rest.rejection;
          updated = { ...rest, status: deps.steps.length ? 'in_review' : 'approved', steps: [...deps.steps], approvals: [], submittedAt: at, editors: [...new Set([...draft.editors, actor.userId])] };
          break;
        }
        case 'approve':
        case 'reject': {
          step('in_review', !!next && canReview(actor, next, implementationCode));
          if (draft.editors.includes(actor.userId)) throw new AppError('LIST_OWN_DRAFT');
          if (request.action === 'reject') {
            const rejection = { reason: request.reason ?? '', userId: actor.userId, name: actor.name, at, step: next! };
            updated = { ...draft, status: 'editing', approvals: [], rejection };
          } else {
            const approvals = [...draft.approvals, { step: next!, userId: actor.userId, name: actor.name, at }];
            updated = { ...draft, approvals, status: approvals.length === draft.steps.length ? 'approved' : 'in_review' };
          }
          break;
        }
        case 'publish': {
          step('approved', canPublish(actor, implementationCode));
          if (draft.baseVersion !== current.version) throw new AppError('LIST_DRAFT_STALE');
          const published = await publish(actor, draft, current);
          return entryView(actor, published, undefined);
        }
        case 'discard': {
          if (!canEdit(actor, implementationCode)) throw new AppError('AUTH_FORBIDDEN');
          await deps.store.deleteDraft(implementationCode, draft.revision);
          return entryView(actor, current, undefined);
        }
      }
      updated = { ...updated, revision: draft.revision + 1, updatedAt: at };
      await deps.store.putDraft(updated, draft.revision);
      return entryView(actor, current, updated);
    },

    /** Every published version, newest first, with who published and approved it. */
    async versions(caller: Caller, implementationCode: string): Promise<ListVersions> {
      const actor = await actorOf(caller);
      if (!canView(actor, implementationCode)) throw new AppError('AUTH_FORBIDDEN');
      await currentOf(implementationCode);
      const versions = await deps.store.versions(implementationCode);
      return {
        versions: versions.map(({ version, publishedAt, publication }) => ({
          version,
          publishedAt,
          ...(publication
            ? {
                publishedBy: publication.byName,
                approvals: publication.approvals.map((a) => ({ step: a.step, label: LIST_REVIEW_STEPS[a.step], by: a.name, at: a.at })),
                changedSections: publication.changedSections,
              }
            : { changedSections: [] }),
        })),
      };
    },
  };
}

export type ListService = ReturnType<typeof listService>;
