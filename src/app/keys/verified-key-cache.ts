/** Recently looked-up key records (`T`: a record with its decoded digest) by id, each for a bounded time. */
export interface VerifiedKeyCache<T> {
  get(id: string): T | undefined;
  set(id: string, entry: T): void;
  /** Drops `id` at once (revoke, rotate), so this process never serves a stale record. */
  delete(id: string): void;
}

/**
 * Saves the store lookup on every request: key records found in the store are kept for `ttlMs`
 * (at most `maxEntries` of them, oldest evicted first). Only what the store said is cached, never
 * the outcome: the secret is still checked against the digest and expiry against the clock on
 * every call, and unknown ids are never cached. Revoking or rotating through this process deletes
 * the entry at once; another process sharing the store sees the change within `ttlMs`.
 */
export function createVerifiedKeyCache<T>(ttlMs: number, maxEntries = 10_000, clock: () => number = () => performance.now()): VerifiedKeyCache<T> {
  const entries = new Map<string, { entry: T; until: number }>();
  return {
    get(id) {
      const hit = entries.get(id);
      if (hit === undefined) return undefined;
      if (clock() < hit.until) return hit.entry;
      entries.delete(id);
      return undefined;
    },
    set(id, entry) {
      if (ttlMs <= 0) return;
      entries.delete(id);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      entries.set(id, { entry, until: clock() + ttlMs });
    },
    delete(id) {
      entries.delete(id);
    },
  };
}
