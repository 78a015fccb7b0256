/** Timing of one benchmark row. */
export interface Measurement {
  /** Median MB/s over the timed iterations (MB = 10^6 bytes of UTF-8 input). */
  readonly mbPerSecond: number;
  readonly iterations: number;
  readonly medianMs: number;
}

/** How long to measure one row: at least `minIterations`, then until `minMs` has passed. */
export interface MeasureOptions {
  readonly warmup?: number;
  readonly minIterations?: number;
  readonly maxIterations?: number;
  readonly minMs?: number;
  /** Stop early (after 3 iterations) when a row is this slow, so a slow tier cannot stall the run. */
  readonly maxMs?: number;
}

/**
 * Runs `run` (which processes `bytes` bytes of input) a few times after warm-up and reports the
 * median throughput. The median resists the odd GC pause or a neighbour process on a shared box.
 */
export function measure(bytes: number, run: () => unknown, options: MeasureOptions = {}): Measurement {
  const { warmup = 2, minIterations = 5, maxIterations = 50, minMs = 1500, maxMs = 15_000 } = options;
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  const started = performance.now();
  for (;;) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    const elapsed = performance.now() - started;
    if (times.length >= maxIterations) break;
    if (times.length >= minIterations && elapsed >= minMs) break;
    if (times.length >= 3 && elapsed >= maxMs) break;
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { mbPerSecond: bytes / 1e6 / (Math.max(medianMs, 1e-6) / 1000), iterations: times.length, medianMs };
}
