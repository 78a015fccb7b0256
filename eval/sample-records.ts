import { seededRandom } from '../scripts/seeded-random.js';

/**
 * Picks `n` items of `items` uniformly at random with a fixed seed (mulberry32 + a partial
 * Fisher-Yates shuffle), keeping their original order, so repeated runs evaluate the same sample.
 * Returns `items` itself when `n` is not smaller than its length.
 */
export function sampleRecords<T>(items: readonly T[], n: number, seed: number): readonly T[] {
  if (n >= items.length) return items;
  const random = seededRandom(seed);
  const index = items.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (index.length - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
