import { describe, expect, it } from 'vitest';
import { createVerifiedKeyCache } from './verified-key-cache.js';

const entry = (id: string): { record: { id: string } } => ({ record: { id } });

describe('verified-key cache', () => {
  it('serves an entry until its time is up, then forgets it', () => {
    let t = 0;
    const cache = createVerifiedKeyCache<{ record: { id: string } }>(1000, 10, () => t);
    cache.set('a', entry('a'));
    t = 999;
    expect(cache.get('a')?.record.id).toBe('a');
    t = 1000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('deletes on demand, stores nothing with a zero time, and evicts the oldest when full', () => {
    const cache = createVerifiedKeyCache<{ record: { id: string } }>(1000, 2, () => 0);
    cache.set('a', entry('a'));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.set('c', entry('c'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e?.record.id)).toEqual([undefined, 'b', 'c']);
    const off = createVerifiedKeyCache<{ record: { id: string } }>(0, 10, () => 0);
    off.set('a', entry('a'));
    expect(off.get('a')).toBeUndefined();
  });
});
