import type { ImplementationItem } from '@ah-tourism/shared';
import { CURRENT_GUIDE_FRESH_MS, Lru, currentGuides, guideVersions } from './guide-cache';

const CODE = '0100001000234000011340000003325011J';
const OTHER = '0100002000234000011340000003325011J';

const guide = (version: number, code = CODE) => ({ implementationCode: code, version, name: `v${version}` }) as unknown as ImplementationItem;

/** Resolves when told to, so that tests can hold reads in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Lru', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new Lru(0)).toThrow();
  });
});

describe('guideVersions', () => {
  it('reads a published version once per container', async () => {
    const getGuideVersion = jest.fn(async (code: string, version: number) => guide(version, code));
    const versions = guideVersions({ getGuideVersion });
    expect(await versions.get(CODE, 1)).toEqual(guide(1));
    expect(await versions.get(CODE, 1)).toEqual(guide(1));
    expect(await versions.get(CODE, 2)).toEqual(guide(2));
    expect(await versions.get(OTHER, 1)).toEqual(guide(1, OTHER));
    expect(getGuideVersion.mock.calls).toEqual([
      [CODE, 1],
      [CODE, 2],
      [OTHER, 1],
    ]);
  });

  it('is bounded: beyond its capacity the least recently used version is read again', async () => {
    const getGuideVersion = jest.fn(async (code: string, version: number) => guide(version, code));
    const versions = guideVersions({ getGuideVersion }, 2);
    await versions.get(CODE, 1);
    await versions.get(CODE, 2);
    await versions.get(CODE, 1);
    await versions.get(CODE, 3); // drops version 2
    expect(getGuideVersion).toHaveBeenCalledTimes(3);
    await versions.get(CODE, 1);
    await versions.get(CODE, 3);
    expect(getGuideVersion).toHaveBeenCalledTimes(3);
    await versions.get(CODE, 2);
    expect(getGuideVersion).toHaveBeenCalledTimes(4);
  });

  it('shares one read between concurrent misses of the same version', async () => {
    const read = deferred<ImplementationItem>();
    const getGuideVersion = jest.fn(() => read.promise);
    const versions = guideVersions({ getGuideVersion });
    const all = Promise.all([versions.get(CODE, 1), versions.get(CODE, 1), versions.get(CODE, 1)]);
    read.resolve(guide(1));
    const results = await all;
    expect(results).toEqual([guide(1), guide(1), guide(1)]);
    expect(new Set(results).size).toBe(1);
    expect(getGuideVersion).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed read: the next caller reads again', async () => {
    const getGuideVersion = jest
      .fn<Promise<ImplementationItem | undefined>, [string, number]>()
      .mockRejectedValueOnce(new Error('ProvisionedThroughputExceededException'))
      .mockResolvedValue(guide(1));
    const versions = guideVersions({ getGuideVersion });
    const failed = [versions.get(CODE, 1), versions.get(CODE, 1)];
    await expect(failed[0]).rejects.toThrow('ProvisionedThroughputExceededException');
    await expect(failed[1]).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(getGuideVersion).toHaveBeenCalledTimes(1);
    expect(await versions.get(CODE, 1)).toEqual(guide(1));
    expect(await versions.get(CODE, 1)).toEqual(guide(1));
    expect(getGuideVersion).toHaveBeenCalledTimes(2);
  });

  it('does not remember a version that is not there (yet)', async () => {
    const getGuideVersion = jest
      .fn<Promise<ImplementationItem | undefined>, [string, number]>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(guide(2));
    const versions = guideVersions({ getGuideVersion });
    expect(await versions.get(CODE, 2)).toBeUndefined();
    expect(await versions.get(CODE, 2)).toEqual(guide(2));
    expect(getGuideVersion).toHaveBeenCalledTimes(2);
  });

  it('keeps a version it is handed without reading it', async () => {
    const getGuideVersion = jest.fn(async () => undefined);
    const versions = guideVersions({ getGuideVersion });
    versions.remember(guide(4));
    expect(versions.peek(CODE, 4)).toEqual(guide(4));
    expect(await versions.get(CODE, 4)).toEqual(guide(4));
    expect(getGuideVersion).not.toHaveBeenCalled();
  });
});

describe('currentGuides', () => {
  /** `null`: the item does not exist (yet). */
  function setUp(initial: ImplementationItem | null = guide(1)) {
    let current: ImplementationItem | undefined = initial ?? undefined;
    let clock = 1_000_000;
    const getGuide = jest.fn(async (): Promise<ImplementationItem | undefined> => current);
    const getGuideVersion = jest.fn(async (code: string, version: number) => guide(version, code));
    const versions = guideVersions({ getGuideVersion });
    const guides = currentGuides({ getGuide }, versions, { now: () => clock });
    return {
      guides,
      getGuide,
      getGuideVersion,
      publish: (item: ImplementationItem | undefined) => (current = item),
      advance: (ms: number) => (clock += ms),
    };
  }

  it('answers from memory while the current version is fresh, without any read', async () => {
    const { guides, getGuide, getGuideVersion, advance } = setUp();
    expect(await guides.get(CODE)).toEqual(guide(1));
    advance(CURRENT_GUIDE_FRESH_MS - 1);
    expect(await guides.get(CODE)).toEqual(guide(1));
    expect(getGuide).toHaveBeenCalledTimes(1);
    expect(getGuideVersion).not.toHaveBeenCalled();
  });

  it('serves a newly published version once the freshness window has passed', async () => {
    const { guides, getGuide, publish, advance } = setUp();
    await guides.get(CODE);
    publish(guide(2));
    advance(CURRENT_GUIDE_FRESH_MS / 2);
    expect((await guides.get(CODE))?.version).toBe(1);
    advance(CURRENT_GUIDE_FRESH_MS / 2);
    expect((await guides.get(CODE))?.version).toBe(2);
    expect(getGuide).toHaveBeenCalledTimes(2);
    // …and from memory again after that.
    expect((await guides.get(CODE))?.version).toBe(2);
    expect(getGuide).toHaveBeenCalledTimes(2);
  });

  it('measures freshness from when the read started', async () => {
    let clock = 0;
    const read = deferred<ImplementationItem>();
    const getGuide = jest.fn(() => read.promise);
    const guides = currentGuides({ getGuide }, guideVersions({ getGuideVersion: async () => undefined }), { now: () => clock, freshMs: 100 });
    const first = guides.get(CODE);
    await new Promise(setImmediate); // the read has started
    clock = 60; // the read takes 60 ms
    read.resolve(guide(1));
    await first;
    clock = 99;
    await guides.get(CODE);
    expect(getGuide).toHaveBeenCalledTimes(1);
    getGuide.mockResolvedValue(guide(1));
    clock = 100;
    await guides.get(CODE);
    expect(getGuide).toHaveBeenCalledTimes(2);
  });

  it('shares one read of the current record between concurrent requests', async () => {
    const read = deferred<ImplementationItem>();
    const getGuide = jest.fn(() => read.promise);
    const guides = currentGuides({ getGuide }, guideVersions({ getGuideVersion: async () => undefined }));
    const all = Promise.all(Array.from({ length: 10 }, () => guides.get(CODE)));
    read.resolve(guide(1));
    expect(await all).toEqual(Array.from({ length: 10 }, () => guide(1)));
    expect(getGuide).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed read', async () => {
    const getGuide = jest
      .fn<Promise<ImplementationItem | undefined>, [string]>()
      .mockRejectedValueOnce(new Error('timeout'))
      .mockResolvedValue(guide(1));
    const guides = currentGuides({ getGuide }, guideVersions({ getGuideVersion: async () => undefined }));
    await expect(guides.get(CODE)).rejects.toThrow('timeout');
    expect(await guides.get(CODE)).toEqual(guide(1));
    expect(await guides.get(CODE)).toEqual(guide(1));
    expect(getGuide).toHaveBeenCalledTimes(2);
  });

  it('does not remember an item that does not exist, and forgets one that was withdrawn', async () => {
    const { guides, getGuide, publish, advance } = setUp(null);
    expect(await guides.get(CODE)).toBeUndefined();
    publish(guide(1));
    expect(await guides.get(CODE)).toEqual(guide(1));
    expect(getGuide).toHaveBeenCalledTimes(2);
    publish(undefined);
    advance(CURRENT_GUIDE_FRESH_MS);
    expect(await guides.get(CODE)).toBeUndefined();
    expect(await guides.get(CODE)).toBeUndefined();
    expect(getGuide).toHaveBeenCalledTimes(4);
  });

  it('reads the version record when the version was dropped from memory but the pointer is fresh', async () => {
    let clock = 0;
    const getGuide = jest.fn(async (code: string) => guide(1, code));
    const getGuideVersion = jest.fn(async (code: string, version: number) => guide(version, code));
    const guides = currentGuides({ getGuide }, guideVersions({ getGuideVersion }, 1), { now: () => clock });
    await guides.get(CODE);
    await guides.get(OTHER); // the version cache holds one guide: CODE's is dropped
    clock = 10;
    expect(await guides.get(CODE)).toEqual(guide(1));
    expect(getGuide).toHaveBeenCalledTimes(2);
    expect(getGuideVersion.mock.calls).toEqual([[CODE, 1]]);
  });

  it('is bounded in the items it remembers', async () => {
    const getGuide = jest.fn(async (code: string) => guide(1, code));
    const guides = currentGuides({ getGuide }, guideVersions({ getGuideVersion: async () => undefined }), { capacity: 1 });
    await guides.get(CODE);
    await guides.get(OTHER);
    await guides.get(CODE);
    expect(getGuide).toHaveBeenCalledTimes(3);
  });
});
