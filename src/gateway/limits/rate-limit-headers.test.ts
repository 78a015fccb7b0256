import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { LimitState } from '../../app/index.js';
import { addRateLimitHeaders } from './rate-limit-headers.js';

/** The header methods `addRateLimitHeaders` uses, over a plain map. */
function fakeReply(): { reply: FastifyReply; headers: Map<string, unknown> } {
  const headers = new Map<string, unknown>();
  const reply = {
    getHeader: (name: string) => headers.get(name),
    header(name: string, value: unknown) {
      headers.set(name, value);
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, headers };
}

const state = (policy: string, quota: number, windowSeconds: number, remaining: number, resetSeconds: number): LimitState => ({ policy, quota, windowSeconds, remaining, resetSeconds });

describe('addRateLimitHeaders', () => {
  it('writes one list member per limit and appends to members already set', () => {
    const { reply, headers } = fakeReply();
    addRateLimitHeaders(reply, [state('key', 600, 60, 599, 60), state('user', 100, 60, 0, 7), state('ip', 1000, 60, 998, 59)]);
    addRateLimitHeaders(reply, [state('tokens', 50_000, 3600, 48_712, 1200)]);
    expect(headers.get('ratelimit-policy')).toBe('"key";q=600;w=60, "user";q=100;w=60, "ip";q=1000;w=60, "tokens";q=50000;w=3600');
    expect(headers.get('ratelimit')).toBe('"key";r=599;t=60, "user";r=0;t=7, "ip";r=998;t=59, "tokens";r=48712;t=1200');
  });

  it('sets nothing for no limits, and starts afresh over an empty value', () => {
    const { reply, headers } = fakeReply();
    addRateLimitHeaders(reply, []);
    expect(headers.size).toBe(0);
    headers.set('ratelimit', '');
    addRateLimitHeaders(reply, [state('streams', 2, 3600, 0, 1)]);
    expect(headers.get('ratelimit')).toBe('"streams";r=0;t=1');
    expect(headers.get('ratelimit-policy')).toBe('"streams";q=2;w=3600');
  });

  it('describes each tier with its own quota and window when two tiers share a policy name', () => {
    const { reply, headers } = fakeReply();
    for (const [quota, windowSeconds] of [[10, 60], [500, 60], [500, 30], [10, 60]] as const) {
      headers.clear();
      addRateLimitHeaders(reply, [state('key', quota, windowSeconds, 1, 1)]);
      expect(headers.get('ratelimit-policy')).toBe(`"key";q=${quota};w=${windowSeconds}`);
    }
  });
});
