import type { ImplementationItem } from '@ah-tourism/shared';
import type { CatalogStore } from './store';

/**
 * Guides kept in memory for the life of a container (a Lambda instance).
 *
 * - A published guide version never changes (`ITEM#<code>` / `GUIDE#V<version>`), so once read it is
 *   kept, in a bounded least-recently-used cache.
 * - Which version is current (`ITEM#<code>` / `GUIDE`) changes when list maintenance publishes a new
 *   one. That pointer is trusted for CURRENT_GUIDE_FRESH_MS after it was read, then read again: a
 *   newly published version is served at most that long after publication.
 *
 * Concurrent misses for the same key share one read; a failed read, or an absent record, is not
 * remembered. Cached guides are shared between requests: treat them as read-only.
 */

/** Published versions kept per container (a guide is about 7 KB; a few MB at most). */
export const GUIDE_VERSION_CAPACITY = 300;
/** Items whose current version a container remembers. */
export const CURRENT_GUIDE_CAPACITY = 500;
/** How long a container trusts its knowledge of an item's current guide version. */
export const CURRENT_GUIDE_FRESH_MS = 30_000;

/** A Map kept in least-recently-used order that forgets its oldest entry beyond `capacity`. */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`LRU capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}

/** At most one read per key at a time: callers arriving while it runs share its promise; nothing is kept after it settles. */
function singleFlight<K, V>(): (key: K, read: () => Promise<V>) => Promise<V> {
  const running = new Map<K, Promise<V>>();
  return (key, read) => {
    let pending = running.get(key);
    if (!pending) {
      pending = Promise.resolve()
        .then(read)
        .finally(() => running.delete(key));
      running.set(key, pending);
    }
    return pending;
  };
}

export interface GuideVersions {
  /** A published version of an item's guide, read once per container. */
  get(implementationCode: string, version: number): Promise<ImplementationItem | undefined>;
  /** The version if it is in memory, without reading. */
  peek(implementationCode: string, version: number): ImplementationItem | undefined;
  /** Keeps a version obtained otherwise (the current guide record holds a published version). */
  remember(item: ImplementationItem): void;
}

export function guideVersions(
  store: Pick<CatalogStore, 'getGuideVersion'>,
  capacity: number = GUIDE_VERSION_CAPACITY,
): GuideVersions {
  const cache = new Lru<string, ImplementationItem>(capacity);
  const once = singleFlight<string, ImplementationItem | undefined>();
  const keyOf = (implementationCode: string, version: number) => `${implementationCode}#${version}`;
  return {
    get(implementationCode, version) {
      const key = keyOf(implementationCode, version);
      const cached = cache.get(key);
      if (cached) return Promise.resolve(cached);
      return once(key, async () => {
        const item = await store.getGuideVersion(implementationCode, version);
        if (item) cache.set(key, item);
        return item;
      });
    },
    peek: (implementationCode, version) => cache.get(keyOf(implementationCode, version)),
    remember: (item) => cache.set(keyOf(item.implementationCode, item.version), item),
  };
}

export interface CurrentGuideOptions {
  freshMs?: number;
  capacity?: number;
  now?: () => number;
}

export interface CurrentGuides {
  /** The item's current guide; undefined when the item does not exist. */
  get(implementationCode: string): Promise<ImplementationItem | undefined>;
}

/**
 * The current guide of each item from memory: while the pointer to its current version is fresh, no
 * read at all; afterwards one GetItem of the current record (which also fills the version cache).
 */
export function currentGuides(
  store: Pick<CatalogStore, 'getGuide'>,
  versions: GuideVersions,
  { freshMs = CURRENT_GUIDE_FRESH_MS, capacity = CURRENT_GUIDE_CAPACITY, now = Date.now }: CurrentGuideOptions = {},
): CurrentGuides {
  const pointers = new Lru<string, { version: number; readAt: number }>(capacity);
  const once = singleFlight<string, ImplementationItem | undefined>();

  const readCurrent = (implementationCode: string) =>
    once(implementationCode, async () => {
      const readAt = now();
      const item = await store.getGuide(implementationCode);
      if (item) {
        versions.remember(item);
        pointers.set(implementationCode, { version: item.version, readAt });
      } else {
        pointers.delete(implementationCode);
      }
      return item;
    });

  return {
    async get(implementationCode) {
      const pointer = pointers.get(implementationCode);
      if (pointer && now() - pointer.readAt < freshMs) {
        const item = versions.peek(implementationCode, pointer.version) ?? (await versions.get(implementationCode, pointer.version));
        // A version record missing from the table (loaded before versions were stored): read the current record.
        if (item) return item;
      }
      return readCurrent(implementationCode);
    },
  };
}
