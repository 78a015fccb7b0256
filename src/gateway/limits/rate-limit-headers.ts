import type { FastifyReply } from 'fastify';
import type { LimitState } from '../../app/index.js';

/**
 * Adds `states` to the IETF rate-limit header fields (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "key";q=600;w=60` (quota per window) and `RateLimit: "key";r=599;t=60`
 * (remaining, seconds to reset), one list member per limit, appended to members already set.
 */
export function addRateLimitHeaders(reply: FastifyReply, states: readonly LimitState[]): void {
  if (states.length === 0) return;
  const append = (name: string, items: string[]): void => {
    const existing = reply.getHeader(name);
    const list = typeof existing === 'string' && existing !== '' ? [existing, ...items] : items;
    reply.header(name, list.join(', '));
  };
  // Policy names are fixed identifiers (key, user, ip, tokens, streams): safe as sf-strings.
  append('ratelimit-policy', states.map((s) => `"${s.policy}";q=${s.quota};w=${s.windowSeconds}`));
  append('ratelimit', states.map((s) => `"${s.policy}";r=${s.remaining};t=${s.resetSeconds}`));
}
