import { Pool } from 'undici';

/** Time to first token over sequential streaming requests, in milliseconds. */
export interface TtftResult {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly samples: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** True once `text` holds an SSE data event whose delta carries non-empty content (a token). */
function hasToken(text: string): boolean {
  return /data: \{[^\n]*"content":"[^"]/.test(text);
}

/**
 * Sends `stream: true` requests one after another over a keep-alive connection for `seconds`
 * and times each from sending to the first data event carrying a token, then drains the rest
 * of the stream (not timed). One connection, so queueing never enters the number.
 */
export async function measureTtft(url: string, body: string, headers: Readonly<Record<string, string>>, seconds: number): Promise<TtftResult> {
  const origin = new URL(url);
  const pool = new Pool(origin.origin, { connections: 1 });
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  let warmup = 50;
  try {
    while (performance.now() < end || warmup > 0) {
      const t0 = performance.now();
      const answer = await pool.request({ method: 'POST', path: origin.pathname, headers: { 'content-type': 'application/json', ...headers }, body });
      if (answer.statusCode !== 200) throw new Error(`streaming request answered ${answer.statusCode}: ${await answer.body.text()}`);
      let seen = '';
      let first = Number.NaN;
      for await (const c of answer.body) {
        if (Number.isNaN(first)) {
          seen += (c as Buffer).toString('utf8');
          if (hasToken(seen)) first = performance.now() - t0;
        }
      }
      if (Number.isNaN(first)) throw new Error('the stream ended without a token');
      if (warmup > 0) warmup--;
      else times.push(first);
    }
  } finally {
    await pool.close();
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), samples: times.length };
}
