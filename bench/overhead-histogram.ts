/**
 * The gateway's own time per request, read from its `bulwark_gateway_overhead_seconds` histogram
 * (`/metrics`, open to loopback callers): request duration minus the time spent waiting for the
 * upstream, as the gateway measures it between a request's arrival and the end of its answer.
 * It leaves out what happens outside the process (the kernel, the VM's scheduling, the client),
 * which the end-to-end latencies of wrk include.
 */

/** Cumulative bucket counts by upper bound (seconds), `Infinity` for `+Inf`. */
export type Buckets = ReadonlyMap<number, number>;

/** The chat route's overhead buckets from a `/metrics` text. */
export function overheadBuckets(metricsText: string): Buckets {
  const buckets = new Map<number, number>();
  const line = /^bulwark_gateway_overhead_seconds_bucket\{([^}]*)\} (\S+)$/gm;
  for (const m of metricsText.matchAll(line)) {
    const labels = m[1]!;
    if (!labels.includes('route="/v1/chat/completions"')) continue;
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    if (le === undefined) continue;
    const bound = le === '+Inf' ? Infinity : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(m[2]));
  }
  return buckets;
}

/** What was counted between two scrapes. */
export function bucketsBetween(before: Buckets, after: Buckets): Buckets {
  return new Map([...after].map(([bound, n]) => [bound, n - (before.get(bound) ?? 0)]));
}

/**
 * The `q` quantile in milliseconds, interpolated linearly within its bucket (as Prometheus's
 * histogram_quantile does); NaN without observations. A quantile in the `+Inf` bucket is the
 * last finite bound.
 */
export function quantileMs(buckets: Buckets, q: number): number {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total <= 0) return NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of sorted) {
    if (count >= rank) {
      if (bound === Infinity) return lowerBound * 1000;
      const within = count - lowerCount;
      return (lowerBound + (within === 0 ? 0 : ((rank - lowerCount) / within) * (bound - lowerBound))) * 1000;
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound * 1000;
}
