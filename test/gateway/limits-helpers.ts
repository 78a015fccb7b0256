import { echoUpstream, type Upstream } from '../../src/app/index.js';

/** One chat call over plain fetch: status, code, the rate-limit header fields and the body. */
export async function postChat(baseUrl: string, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'hi' }], ...body }),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') === true ? (JSON.parse(text) as Record<string, unknown>) : null;
  return {
    status: res.status,
    code: (json?.['error'] as { code?: string } | undefined)?.code,
    policy: res.headers.get('ratelimit-policy'),
    limit: res.headers.get('ratelimit'),
    retryAfter: res.headers.get('retry-after'),
    json,
    text,
  };
}

/** The `r` (remaining) of policy `name` in a RateLimit field value, or undefined. */
export function remaining(field: string | null, name: string): number | undefined {
  const m = new RegExp(`"${name}";r=(\\d+);t=(\\d+)`).exec(field ?? '');
  return m === null ? undefined : Number(m[1]);
}

/**
 * The echo model whose streams hold after their first chunk until `release()` (which frees the
 * streams started so far) — to keep streams open for the concurrency cap. After `stopHolding()`
 * streams run straight through.
 */
export function heldStreamUpstream(): { upstream: Upstream; release(): void; stopHolding(): void } {
  const echo = echoUpstream();
  let open: () => void = () => undefined;
  let gate = new Promise<void>((r) => (open = r));
  let holding = true;
  const upstream: Upstream = {
    ...echo,
    async chat(body, options) {
      const result = await echo.chat(body, options);
      if (!result.stream || !holding) return result;
      const wait = gate;
      const events = result.events;
      async function* held(): AsyncGenerator<unknown> {
        let first = true;
        for await (const chunk of events) {
          if (!first) await wait;
          first = false;
          yield chunk;
        }
      }
      return { stream: true, events: held() };
    },
  };
  return {
    upstream,
    release() {
      open();
      gate = new Promise<void>((r) => (open = r));
    },
    stopHolding() {
      holding = false;
      open();
    },
  };
}
