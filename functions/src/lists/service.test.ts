import type { ImplementationItem, StaffMembership, StaffPermission } from '@ah-tourism/shared';
import { loadCatalogSeed } from '../../../scripts/seed/catalog-data';
import type { Caller } from '../auth/caller';
import type { UserRecord } from '../auth/store';
import { AppError } from '../platform/errors';
import type { StoredListDraft } from './records';
import { listService } from './service';
import type { ListStore } from './store';
import { reviewSteps } from './wiring';

/*
 * The rules of list maintenance on an in-memory store (the API test runs them against DynamoDB Local):
 * who may do what, the configured review steps in order, and what a draft must be.
 */
const seed = loadCatalogSeed();
const HUANGSHAN = '113410000039113649';
const PROVINCE = '11340000003325011J';
const cityItem = seed.items.find((i) => i.name === '旅行社质量保证金存缴' && i.regionCode === '341000')!;

function memoryStore(items: ImplementationItem[]): ListStore & { published: ImplementationItem[][] } {
  const current = new Map(items.map((i) => [i.implementationCode, structuredClone(i)]));
  const drafts = new Map<string, StoredListDraft>();
  const published: ImplementationItem[][] = [];
  return {
    published,
    current: async (code) => current.get(code),
    draft: async (code) => drafts.get(code),
    async putDraft(draft, expected) {
      const existing = drafts.get(draft.implementationCode);
      if (expected === undefined ? existing : existing?.revision !== expected) throw new AppError('LIST_DRAFT_CONFLICT');
      drafts.set(draft.implementationCode, structuredClone(draft));
    },
    async deleteDraft(code, expected) {
      if (drafts.get(code)?.revision !== expected) throw new AppError('LIST_DRAFT_CONFLICT');
      drafts.delete(code);
    },
    codesInRegion: async (region) => [...current.values()].filter((i) => i.regionCode === region).map((i) => i.implementationCode),
    codesOfBasicCode: async (_type, basic) => [...current.values()].filter((i) => i.basicCode === basic).map((i) => i.implementationCode),
    currentMany: async (codes) => codes.map((c) => current.get(c)!),
    draftsOf: async (org) => [...drafts.values()].filter((d) => d.organisationCode === org),
    awaiting: async () => [...drafts.values()].filter((d) => d.status === 'in_review'),
    versions: async () => [],
    async publish(next, _publication, draft) {
      if (drafts.get(draft.implementationCode)?.revision !== draft.revision) throw new AppError('LIST_DRAFT_CONFLICT');
      for (const item of next) {
        if (current.get(item.implementationCode)!.version !== item.version - 1) throw new AppError('LIST_DRAFT_STALE');
        current.set(item.implementationCode, item);
      }
      drafts.delete(draft.implementationCode);
      published.push(next);
    },
  };
}

function person(id: string, organisationCode: string, level: 'city' | 'province', permissions: StaffPermission[]): { caller: Caller; user: UserRecord } {
  const staff: StaffMembership = { staffId: `st_${id}`, organisationCode, organisationName: '单位', regionCode: level === 'city' ? '341000' : '340000', level, permissions };
  return { caller: { userId: id, sessionId: 's', staff, provincialAdmin: false }, user: { userId: id, displayName: id, openid: id, createdAt: '2026-12-01T00:00:00Z', staff } };
}

const people = {
  editor: person('editor', HUANGSHAN, 'city', ['list_editor']),
  admin: person('admin', HUANGSHAN, 'city', ['org_admin']),
  reviewer: person('reviewer', PROVINCE, 'province', ['list_review']),
  cityReviewer: person('cityReviewer', HUANGSHAN, 'city', ['list_review']),
  both: person('both', HUANGSHAN, 'city', ['list_editor', 'org_admin']),
};
const byId = new Map(Object.values(people).map((p) => [p.user.userId, p.user]));

function setup(steps = reviewSteps(undefined)) {
  const store = memoryStore([cityItem]);
  const service = listService({ store, user: async (caller) => byId.get(caller.userId)!, steps, now: () => new Date('2026-12-05T02:00:00Z') });
  return { store, service };
}

const code = cityItem.implementationCode;
const edited = (hours: string) => ({ baseVersion: 1, entry: { guide: { ...structuredClone(cityItem.guide), place: { ...cityItem.guide.place, hours } } as Record<string, unknown> } });
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: AppError) => error.code);

describe('review steps (configuration)', () => {
  it('defaults to the organisation admin, then the 机构编制/法制 review; takes another order or fewer steps; refuses unknown ones', () => {
    expect(reviewSteps(undefined)).toEqual(['org_admin', 'legal_review']);
    expect(reviewSteps('legal_review')).toEqual(['legal_review']);
    expect(reviewSteps(' legal_review , org_admin ')).toEqual(['legal_review', 'org_admin']);
    expect(() => reviewSteps('org_admin,mayor')).toThrow(/LIST_REVIEW_STEPS/);
    expect(() => reviewSteps('org_admin,org_admin')).toThrow(/LIST_REVIEW_STEPS/);
  });

  it('with only the provincial review configured, the organisation admin has nothing to approve', async () => {
    const { service } = setup(['legal_review']);
    await service.saveDraft(people.editor.caller, code, edited('工作日 9:00-17:00'));
    const submitted = await service.act(people.editor.caller, code, { action: 'submit', revision: 1 });
    expect(submitted.draft).toMatchObject({ nextStep: 'legal_review', steps: [{ step: 'legal_review' }] });
    expect(await refusal(service.act(people.admin.caller, code, { action: 'approve', revision: 2 }))).toBe('AUTH_FORBIDDEN');
    expect((await service.act(people.reviewer.caller, code, { action: 'approve', revision: 2 })).draft!.status).toBe('approved');
  });

  it('with no review configured, a submitted draft may be published at once', async () => {
    const { service, store } = setup([]);
    await service.saveDraft(people.editor.caller, code, edited('工作日 9:00-17:00'));
    expect((await service.act(people.editor.caller, code, { action: 'submit', revision: 1 })).draft!.status).toBe('approved');
    const published = await service.act(people.editor.caller, code, { action: 'publish', revision: 2 });
    expect(published.current).toMatchObject({ version: 2, publishedAt: '2026-12-05', guide: { place: { hours: '工作日 9:00-17:00' } } });
    expect(store.published).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('only the organisation’s list editors draft; a bureau reviewer is not the provincial review; editors never approve their own draft', async () => {
    const { service } = setup();
    expect(await refusal(service.saveDraft(people.admin.caller, code, edited('x')))).toBe('AUTH_FORBIDDEN');
    expect(await refusal(service.saveDraft(people.reviewer.caller, code, edited('x')))).toBe('AUTH_FORBIDDEN');
    await service.saveDraft(people.both.caller, code, edited('工作日 9:00-17:00'));
    await service.act(people.both.caller, code, { action: 'submit', revision: 1 });
    expect(await refusal(service.act(people.both.caller, code, { action: 'approve', revision: 2 }))).toBe('LIST_OWN_DRAFT');
    await service.act(people.admin.caller, code, { action: 'approve', revision: 2 });
    expect(await refusal(service.act(people.cityReviewer.caller, code, { action: 'approve', revision: 3 }))).toBe('AUTH_FORBIDDEN');
    expect(await refusal(service.act(people.reviewer.caller, code, { action: 'approve', revision: 2 }))).toBe('LIST_DRAFT_CONFLICT');
  });

  it('a draft with no change cannot be submitted; a published entry’s next draft starts from the new version', async () => {
    const { service } = setup([]);
    await service.saveDraft(people.editor.caller, code, { baseVersion: 1, entry: { guide: structuredClone(cityItem.guide) as Record<string, unknown> } });
    expect(await refusal(service.act(people.editor.caller, code, { action: 'submit', revision: 1 }))).toBe('LIST_NO_CHANGE');
    await service.act(people.editor.caller, code, { action: 'discard', revision: 1 });
    await service.saveDraft(people.editor.caller, code, edited('工作日 9:00-17:00'));
    await service.act(people.editor.caller, code, { action: 'submit', revision: 1 });
    await service.act(people.editor.caller, code, { action: 'publish', revision: 2 });
    expect(await refusal(service.saveDraft(people.editor.caller, code, edited('工作日 8:30-17:30')))).toBe('LIST_DRAFT_STALE');
    const next = await service.saveDraft(people.editor.caller, code, { ...edited('工作日 8:30-17:30'), baseVersion: 2 });
    expect(next.draft).toMatchObject({ baseVersion: 2, item: { version: 3 } });
  });
});
