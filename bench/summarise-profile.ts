/**
 * `npx tsx bench/summarise-profile.ts <file.cpuprofile> [top]`: self time of a V8 CPU profile
 * (what `BENCH_PROFILE=1 npm run bench:gateway` writes to reports/profiles/) by function and by
 * file group, as percentages of the busy (non-idle) time, so before/after profiles can be compared.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A short, stable name for where a function lives: our source path, a package name, or a V8 category. */
function groupOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg !== null) return pkg[1]!;
  const src = /\/(src|bench|dist)\/(.*)$/.exec(url);
  if (src !== null) return `${src[1]}/${src[2]!.split('/').slice(0, -1).join('/') || '.'}`;
  if (url.startsWith('node:')) return url;
  return url.split('/').slice(-2).join('/');
}

function shortUrl(url: string): string {
  const i = url.search(/\/(src|bench|dist|node_modules)\//);
  return i < 0 ? url : url.slice(i + 1);
}

function functionKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}${url === '' ? '' : `:${lineNumber + 1}`}`;
}

/**
 * Pipeline parts, tried in this order on each frame from the sampled leaf up to the root: the
 * first frame that matches names the part (a socket write under Fastify's reply is the HTTP
 * server's, under undici the upstream client's). Frames without a URL (V8 builtins, native
 * calls) are skipped, so their time goes to their caller's part.
 */
const PARTS: readonly [string, RegExp][] = [
  ['logging (pino)', /node_modules\/(pino|sonic-boom|@pinojs|fast-redact|thread-stream)\/|(src|dist)\/gateway\/request-log/],
  ['audit (store, writer)', /(src|dist)\/store\/|node_modules\/(kysely|better-sqlite3|pg)\/|(src|dist)\/app\/audit-|(src|dist)\/gateway\/audit-hooks/],
  ['metrics', /node_modules\/prom-client\/|(src|dist)\/gateway\/metrics\//],
  ['guard: scan, tokenize, restore', /(src|dist)\/(scan|anonymize|guard|crypto)\//],
  ['auth (keys, HMAC)', /(src|dist)\/app\/keys\/|(src|dist)\/gateway\/auth\/|node:internal\/crypto/],
  ['limits', /node_modules\/rate-limiter-flexible\/|(src|dist)\/app\/limits\/|(src|dist)\/gateway\/limits\//],
  ['guard threads (hand-over)', /(src|dist)\/app\/guard-threads\/|node:internal\/worker/],
  ['upstream client (undici)', /node_modules\/undici\/|(src|dist)\/app\/upstream\//],
  ['body parse + validation', /node_modules\/(secure-json-parse|zod)\/|chat-request-schema|embeddings-request-schema/],
  ['routes, SSE', /(src|dist)\/gateway\//],
  ['HTTP server (Fastify, node:http)', /node_modules\/(fastify|find-my-way|@fastify|avvio|light-my-request)\/|node:_http|node:net|node:internal\/(streams|stream_base_commons|http)/],
  ['start-up (module loading)', /node:internal\/modules|node_modules\/(tsx|esbuild)\//],
];

/** A profile's time in microseconds: total, self time per function and per group, total (inclusive) time per function, and time per pipeline part. */
export interface ProfileSummary {
  readonly total: number;
  readonly byFunction: Map<string, number>;
  readonly byGroup: Map<string, number>;
  readonly inclusive: Map<string, number>;
  readonly byPart: Map<string, number>;
}

/** Summarises a V8 CPU profile (see {@link ProfileSummary}). */
export function summarise(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byGroup = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byPart = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node === undefined) continue;
    total += us;
    const fn = functionKey(node);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const group = groupOf(node.callFrame.url, node.callFrame.functionName);
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
    let part: string | undefined;
    const leaf = node.callFrame.functionName;
    if (leaf === '(garbage collector)' || leaf === '(idle)' || leaf === '(program)') part = leaf;
    for (let at: number | undefined = id; part === undefined && at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      if (url !== '') part = PARTS.find(([, rx]) => rx.test(url))?.[0];
    }
    part ??= 'other (Node internals, microtasks)';
    byPart.set(part, (byPart.get(part) ?? 0) + us);
    // Each function on the stack once (recursion would count twice otherwise).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined) break;
      const key = functionKey(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  return { total, byFunction, byGroup, inclusive, byPart };
}

function table(title: string, rows: Map<string, number>, total: number, top: number): string {
  const sorted = [...rows].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`\n${title}`, ...sorted.map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, topText = '40'] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: tsx bench/summarise-profile.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const { total, byFunction, byGroup, inclusive, byPart } = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const idle = byGroup.get('(idle)') ?? 0;
  const busy = total - idle;
  byGroup.delete('(idle)');
  byFunction.delete('(idle) ');
  byPart.delete('(idle)');
  console.log(table('time by pipeline part (leaf to root, first match)', byPart, busy, 20));
  console.log(`sampled ${(total / 1000).toFixed(0)} ms, busy ${(busy / 1000).toFixed(0)} ms; percentages are of busy time`);
  console.log(table('self time by group', byGroup, busy, Number(topText)));
  console.log(table('self time by function', byFunction, busy, Number(topText)));
  // Our own functions by total time: where the request's CPU goes, callees included.
  const ours = new Map([...inclusive].filter(([k]) => /(src|bench|dist)\//.test(k)));
  console.log(table('total time of src/ and bench/ functions', ours, busy, Number(topText)));
}
