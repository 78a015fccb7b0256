import type { FastifyReply } from 'fastify';
import type { LimitState } from '../../app/index.js';

// A limit's RateLimit-Policy member changes only with its tier, so the last one made per policy
// name is kept (five names; another tier's limit of the same name replaces it).
const policyMembers = new Map<string, { readonly quota: number; readonly windowSeconds: number; readonly text: string }>();

function policyMember(s: LimitState): string {
  let made = policyMembers.get(s.policy);
  if (made === undefined || made.quota !== s.quota || made.windowSeconds !== s.windowSeconds) {
    // Policy names are fixed identifiers (key, user, ip, tokens, streams): safe as sf-strings.
    made = { quota: s.quota, windowSeconds: s.windowSeconds, text: `"${s.policy}";q=${s.quota};w=${s.windowSeconds}` };
    policyMembers.set(s.policy, made);
  }
  return made.text;
}

/** `items` after the members already in header `name`, as one list. */
function append(reply: FastifyReply, name: string, items: string): void {
  const existing = reply.getHeader(name);
  reply.header(name, typeof existing === 'string' && existing !== '' ? `${existing}, ${items}` : items);
}

/**
 * Adds `states` to the IETF rate-limit header fields (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "key";q=600;w=60` (quota per window) and `RateLimit: "key";r=599;t=60`
 * (remaining, seconds to reset), one list member per limit, appended to members already set.
 */
export function addRateLimitHeaders(reply: FastifyReply, states: readonly LimitState[]): void {
  if (states.length === 0) return;
  // Built in one pass, without arrays: this runs twice on every chat request.
  let policies = '';
  let current = '';
  for (const s of states) {
    const separator = policies === '' ? '' : ', ';
    policies += separator + policyMember(s);
    current += `${separator}"${s.policy}";r=${s.remaining};t=${s.resetSeconds}`;
  }
  append(reply, 'ratelimit-policy', policies);
  append(reply, 'ratelimit', current);
}
