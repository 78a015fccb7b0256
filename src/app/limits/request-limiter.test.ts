import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { isLimitError } from './limit-error.js';
import type { LimitTier } from './limit-tiers.js';
import { createLimiterBackend, type CounterSpec, type LimiterBackend } from './limiter-backend.js';
import { requestLimiter, type RequestSubjects } from './request-limiter.js';

const tier = (over: Partial<LimitTier> = {}): LimitTier => ({
  name: 'default',
  keyRequests: 5,
  userRequests: 5,
  ipRequests: 5,
  windowSeconds: 60,
  tokenBudget: 0,
  tokenWindowSeconds: 60,
  maxTokens: 0,
  maxStreams: 0,
  ...over,
});
const everyone: RequestSubjects = { route: 'chat', keyId: 'k1', user: 'ann', ip: '203.0.113.9' };

/** What `promise` threw. */
async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('admitted'),
    (err: unknown) => err,
  );
}

describe('requestLimiter', () => {
  it('counts key, end user and address, and returns their states in that order', async () => {
    const limiter = requestLimiter(createLimiterBackend({ prefix: 't' }));
    const t = tier({ keyRequests: 3, userRequests: 4, ipRequests: 5 });
    await limiter.admit(everyone, t);
    expect(await limiter.admit(everyone, t)).toEqual([
      { policy: 'key', quota: 3, windowSeconds: 60, remaining: 1, resetSeconds: expect.any(Number) },
      { policy: 'user', quota: 4, windowSeconds: 60, remaining: 2, resetSeconds: expect.any(Number) },
      { policy: 'ip', quota: 5, windowSeconds: 60, remaining: 3, resetSeconds: expect.any(Number) },
    ]);
  });

  it('leaves out limits switched off and subjects absent', async () => {
    const limiter = requestLimiter(createLimiterBackend({ prefix: 't' }));
    expect((await limiter.admit(everyone, tier({ userRequests: 0 }))).map((s) => s.policy)).toEqual(['key', 'ip']);
    expect((await limiter.admit({ ...everyone, keyId: null, user: '' }, tier())).map((s) => s.policy)).toEqual(['ip']);
    expect(await limiter.admit({ ...everyone, keyId: null, user: null, ip: null }, tier())).toEqual([]);
  });

  it('keeps routes, keys and users apart; a user is named per key, and long names are cut', async () => {
    const limiter = requestLimiter(createLimiterBackend({ prefix: 't' }));
    const t = tier({ keyRequests: 0, ipRequests: 0, userRequests: 2 });
    const long = 'u'.repeat(256);
    await limiter.admit({ ...everyone, user: `${long}-first` }, t);
    const [same] = await limiter.admit({ ...everyone, user: `${long}-second` }, t);
    expect(same?.remaining).toBe(0);
    const [otherKey] = await limiter.admit({ ...everyone, keyId: 'k2', user: `${long}-first` }, t);
    const [otherRoute] = await limiter.admit({ ...everyone, route: 'embeddings', user: `${long}-first` }, t);
    expect([otherKey?.remaining, otherRoute?.remaining]).toEqual([1, 1]);
  });

  it('refuses with every exhausted limit named, Retry-After the longest wait, and all states', async () => {
    const limiter = requestLimiter(createLimiterBackend({ prefix: 't' }));
    const t = tier({ keyRequests: 1, userRequests: 3, ipRequests: 1 });
    await limiter.admit(everyone, t);
    const err = await thrown(limiter.admit(everyone, t));
    if (!isLimitError(err)) throw err;
    expect(err.code).toBe('ERR_LIMIT_RATE_EXCEEDED');
    expect(err.message).toContain('(key, ip limit)');
    expect(err.limits.map((s) => [s.policy, s.remaining])).toEqual([['key', 0], ['user', 1], ['ip', 0]]);
    expect(Number(err.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('admits past a store error, without that limit, whether it rejects or throws', async () => {
    const memory = createLimiterBackend({ prefix: 't' });
    const broken = (spec: CounterSpec): RateLimiterAbstract => {
      const real = memory.limiter(spec);
      if (spec.name === 'req:user') return { consume: () => Promise.reject(new Error('store down')) } as unknown as RateLimiterAbstract;
      if (spec.name === 'req:ip') return { consume: () => { throw new Error('store down'); } } as unknown as RateLimiterAbstract;
      return real;
    };
    const backend: LimiterBackend = { ...memory, limiter: broken };
    expect((await requestLimiter(backend).admit(everyone, tier())).map((s) => s.policy)).toEqual(['key']);
  });

  it('counts a tier with other quotas on counters of its own', async () => {
    const limiter = requestLimiter(createLimiterBackend({ prefix: 't' }));
    const only = { ...everyone, user: null, ip: null };
    await limiter.admit(only, tier({ keyRequests: 2 }));
    const [gold] = await limiter.admit(only, tier({ name: 'gold', keyRequests: 10 }));
    const [again] = await limiter.admit(only, tier({ keyRequests: 2 }));
    expect([gold?.remaining, again?.remaining]).toEqual([9, 0]);
  });
});
