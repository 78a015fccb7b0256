import type { DetectorContext } from './detector.js';

/**
 * Computes a value once per scan and shares it among the detectors of that scan: the first caller
 * computes, later ones (same `key`) reuse. Keys are namespaced by the detector family
 * (`pii.numeric_runs`). Without a scan's scratch space (a detector called directly) it just
 * computes, so results never leak from one text to another.
 */
export function perScan<T>(ctx: DetectorContext, key: string, compute: () => T): T {
  const shared = ctx.shared;
  if (!shared) return compute();
  // One lookup for a stored value; only `undefined` needs a second to tell "stored" from "absent".
  const stored = shared.get(key);
  if (stored !== undefined || shared.has(key)) return stored as T;
  const value = compute();
  shared.set(key, value);
  return value;
}
