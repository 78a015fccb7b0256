import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** One wrk run. Latencies in milliseconds. */
export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p90Ms: number;
  readonly p999Ms: number;
  readonly requests: number;
  /** Socket errors plus non-2xx answers: a run with any is not a fair comparison. */
  readonly errors: number;
}

/** Options of {@link runWrk}. */
export interface WrkOptions {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly seconds: number;
  /** Where the Lua script is written. */
  readonly dir: string;
}

const lua = (s: string): string => JSON.stringify(s); // JSON string escapes are valid Lua escapes for this ASCII/UTF-8 text

/** Runs wrk against `url` with a POST body and returns its summary (from a Lua `done` hook, not scraped text). */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const script = join(options.dir, `wrk-${options.connections}.lua`);
  const headers = Object.entries({ 'content-type': 'application/json', ...options.headers })
    .map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`)
    .join('\n');
  writeFileSync(
    script,
    `wrk.method = "POST"\nwrk.body = ${lua(options.body)}\n${headers}\n` +
      `done = function(summary, latency, requests)\n` +
      `  local e = summary.errors\n` +
      `  io.write(string.format('\\nBENCH {"requests":%d,"micros":%d,"p50":%d,"p99":%d,"p90":%d,"p999":%d,"errors":%d}\\n', summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(90), latency:percentile(99.9), e.connect + e.read + e.write + e.timeout + e.status))\n` +
      `end\n`,
  );
  const threads = Math.min(2, options.connections);
  const { stdout } = await promisify(execFile)('wrk', ['-t', String(threads), '-c', String(options.connections), '-d', `${options.seconds}s`, '--timeout', '5s', '-s', script, options.url]);
  const line = /BENCH (\{.*\})/.exec(stdout);
  if (line === null) throw new Error(`wrk printed no summary:\n${stdout}`);
  const r = JSON.parse(line[1]!) as { requests: number; micros: number; p50: number; p99: number; p90: number; p999: number; errors: number };
  return {
    requestsPerSecond: r.requests / (r.micros / 1e6),
    p50Ms: r.p50 / 1000,
    p90Ms: r.p90 / 1000,
    p99Ms: r.p99 / 1000,
    p999Ms: r.p999 / 1000,
    requests: r.requests,
    errors: r.errors,
  };
}
