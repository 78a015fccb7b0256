import type { LimitTier } from './limit-tiers.js';

/**
 * `make(tier)`, made once per tier object and reused: the limiters of a tier are looked up by
 * building their spec's key, which is work every request would otherwise repeat. Tiers are
 * built once from the configuration, so the cache holds a handful of entries.
 */
export function perTier<T>(make: (tier: LimitTier) => T): (tier: LimitTier) => T {
  const made = new WeakMap<LimitTier, T>();
  return (tier) => {
    if (made.has(tier)) return made.get(tier) as T;
    const value = make(tier);
    made.set(tier, value);
    return value;
  };
}
