/**
 * `npm run bench:gateway`: the per-request cost of Bulwark's full pipeline next to a bare
 * Fastify + undici pass-through, both in front of the same fixed local upstream, measured with
 * wrk (and a small Node client for streaming time to first token). Prints one markdown table
 * and writes reports/bench-gateway.json. Timing numbers are never asserted anywhere.
 *
 * The servers take turns: each of BENCH_ROUNDS rounds (default 5) runs every server for
 * BENCH_SECONDS / BENCH_ROUNDS seconds at 50 connections, then at 1, then streaming, so what is
 * compared ran minutes apart at most; the table gives medians over the rounds, and "added" and the
 * ratio are taken round by round against the pass-through. On a shared machine whose load drifts,
 * runs taken at different times differed by more than the overhead being measured.
 *
 * Options (environment): BENCH_SECONDS (per server and kind of run, default 10), BENCH_ROUNDS, BENCH_PROFILE=1 (run the
 * Bulwark child under `node --cpu-prof`, profiles in reports/profiles/; summarise one with
 * `bench/summarise-profile.ts`), BENCH_LOG_LEVEL (Bulwark's, default `info`), BENCH_KEEP_LOGS=1
 * (keep Bulwark's log file and say where), BENCH_GUARD_THREADS (Bulwark's BULWARK_GUARD_THREADS;
 * default: the gateway's own default). Bulwark runs from the compiled build (dist/, as `npm start`
 * does), which this script brings up to date first.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPrompt } from './bench-prompt.js';
import { describeMachine } from './machine.js';
import { runWrk, type WrkResult } from './gateway-wrk.js';
import { bucketsBetween, overheadBuckets, quantileMs, type Buckets } from './overhead-histogram.js';
import { measureTtft, type TtftResult } from './gateway-ttft.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 5));
const PROFILE = process.env['BENCH_PROFILE'] === '1';
const ROUTE = '/v1/chat/completions';

const prompt = benchPrompt;

interface Child {
  readonly url: string;
  readonly key: string | undefined;
  /** User + system CPU time of the child so far, in microseconds. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

function start(role: string, args: string[], execArgv: string[] = []): Promise<Child> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'gateway-child.ts'), [role, ...args], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
    child.once('message', (m) => {
      const { url, key } = m as { url: string; key?: string };
      child.removeAllListeners('exit');
      resolve({
        url,
        key,
        cpu: () =>
          new Promise<number>((done) => {
            const onMessage = (reply: unknown): void => {
              const cpu = (reply as { cpu?: unknown }).cpu;
              if (typeof cpu !== 'number') return;
              child.off('message', onMessage);
              done(cpu);
            };
            child.on('message', onMessage);
            child.send('cpu');
          }),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One round's runs of one server, taken right after the same runs of the others. */
interface Slice {
  readonly c50: WrkResult;
  readonly cpu50: number;
  readonly c1: WrkResult;
  readonly cpu1: number;
  readonly ttft: TtftResult;
  /** Bulwark only: its overhead histogram's counts during the 1-connection run. */
  readonly own1?: Buckets;
}

/** A server's slices, summarised (medians over rounds; CPU over all requests). */
interface Measured {
  readonly rps50: number;
  /** The gateway's own time at 1 connection, from its overhead histogram (ms; NaN for the pass-through). */
  readonly ownP50c1: number;
  readonly ownP99c1: number;
  readonly p50c50: number;
  readonly p99c50: number;
  readonly cpu50: number;
  readonly p50c1: number;
  readonly p99c1: number;
  readonly cpu1: number;
  readonly ttftP50: number;
  readonly ttftP99: number;
  readonly errors: number;
  readonly slices: readonly Slice[];
}

function summarise(slices: readonly Slice[]): Measured {
  const own = mergedOwn(slices);
  const cpuPer = (f: (s: Slice) => [number, WrkResult]): number =>
    slices.reduce((n, s) => n + f(s)[0] * f(s)[1].requests, 0) / Math.max(1, slices.reduce((n, s) => n + f(s)[1].requests, 0));
  return {
    rps50: median(slices.map((s) => s.c50.requestsPerSecond)),
    p50c50: median(slices.map((s) => s.c50.p50Ms)),
    p99c50: median(slices.map((s) => s.c50.p99Ms)),
    cpu50: cpuPer((s) => [s.cpu50, s.c50]),
    p50c1: median(slices.map((s) => s.c1.p50Ms)),
    p99c1: median(slices.map((s) => s.c1.p99Ms)),
    cpu1: cpuPer((s) => [s.cpu1, s.c1]),
    ttftP50: median(slices.map((s) => s.ttft.p50Ms)),
    ttftP99: median(slices.map((s) => s.ttft.p99Ms)),
    errors: slices.reduce((n, s) => n + s.c50.errors + s.c1.errors, 0),
    ownP50c1: quantileMs(own, 0.5),
    ownP99c1: quantileMs(own, 0.99),
    slices,
  };
}

/** The overhead histogram counts of every round's 1-connection run together. */
function mergedOwn(slices: readonly Slice[]): Buckets {
  const merged = new Map<number, number>();
  for (const s of slices) for (const [bound, n] of s.own1 ?? []) merged.set(bound, (merged.get(bound) ?? 0) + n);
  return merged;
}

/**
 * The median over rounds of what `m` adds to (or its ratio to) the pass-through in the same
 * round: the machine's load drifts over a run, and a round's runs are next to each other in time.
 */
function vsPass(m: Measured, p: Measured, f: (s: Slice) => number, how: 'minus' | 'ratio'): number {
  return median(m.slices.map((s, i) => (how === 'minus' ? f(s) - f(p.slices[i]!) : f(s) / f(p.slices[i]!))));
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
  const profileDir = join(process.cwd(), 'reports', 'profiles');
  if (PROFILE) mkdirSync(profileDir, { recursive: true });
  const profile = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const upstream = await start('upstream', []);
  const pass = await start('passthrough', [upstream.url]);
  // The privacy pipeline of issue 3 (threat checks off) and the default (threat checks on).
  const privacy = await start('bulwark-privacy', [upstream.url], profile);
  const full = await start('bulwark', [upstream.url], profile);
  try {
    const body = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: prompt() }] });
    const streamBody = JSON.stringify({ model: 'bench', stream: true, messages: [{ role: 'user', content: prompt() }] });
    const authOf = (c: Child): Record<string, string> => (c.key === undefined ? {} : { authorization: `Bearer ${c.key}` });
    for (const c of [privacy, full]) {
      const check = await fetch(c.url + ROUTE, { method: 'POST', headers: { 'content-type': 'application/json', ...authOf(c) }, body });
      if (check.status !== 200) throw new Error(`Bulwark answered ${check.status}: ${await check.text()}`);
    }

    const scrapeOverhead = async (c: Child): Promise<Buckets> => overheadBuckets(await (await fetch(`${c.url}/metrics`)).text());
    const wrk = (c: Child, connections: number, seconds: number): Promise<WrkResult> =>
      runWrk({ url: c.url + ROUTE, body, headers: authOf(c), connections, seconds, dir: work });
    // CPU time the server spent per answered request during one run (µs).
    const cpuPerRequest = async (server: Child, run: () => Promise<WrkResult>): Promise<[WrkResult, number]> => {
      const before = await server.cpu();
      const result = await run();
      return [result, ((await server.cpu()) - before) / Math.max(1, result.requests)];
    };
    const servers = [pass, privacy, full] as const;
    const slice = Math.max(1, Math.round(SECONDS / ROUNDS));
    process.stderr.write(`warming up, then ${ROUNDS} rounds of: per server a wrk run at 50 and at 1 connection and a streaming run, ${slice} s each…\n`);
    for (const c of servers) await wrk(c, 50, 2);
    const slices: Slice[][] = [[], [], []];
    for (let round = 0; round < ROUNDS; round++) {
      const c50: [WrkResult, number][] = [];
      for (const c of servers) c50.push(await cpuPerRequest(c, () => wrk(c, 50, slice)));
      const c1: [WrkResult, number][] = [];
      const own1: (Buckets | undefined)[] = [];
      for (const c of servers) {
        const before = c.key === undefined ? undefined : await scrapeOverhead(c);
        c1.push(await cpuPerRequest(c, () => wrk(c, 1, slice)));
        own1.push(before === undefined ? undefined : bucketsBetween(before, await scrapeOverhead(c)));
      }
      const ttft: TtftResult[] = [];
      for (const c of servers) ttft.push(await measureTtft(c.url + ROUTE, streamBody, authOf(c), slice));
      servers.forEach((_, i) => {
        const own = own1[i];
        slices[i]!.push({ c50: c50[i]![0], cpu50: c50[i]![1], c1: c1[i]![0], cpu1: c1[i]![1], ttft: ttft[i]!, ...(own === undefined ? {} : { own1: own }) });
      });
    }
    const p = summarise(slices[0]!);
    const results = [summarise(slices[1]!), summarise(slices[2]!)] as const;

    const yes = (ok: boolean): string => (ok ? 'yes' : '**no**');
    const both = (f: (m: Measured) => string): string => results.map(f).join(' | ');
    const ratio = (m: Measured): number => vsPass(m, p, (s) => s.c50.requestsPerSecond, 'ratio');
    const addedP50 = (m: Measured): number => vsPass(m, p, (s) => s.c1.p50Ms, 'minus');
    const addedP99 = (m: Measured): number => vsPass(m, p, (s) => s.c1.p99Ms, 'minus');
    const ttftAdded = (m: Measured): number => vsPass(m, p, (s) => s.ttft.p50Ms, 'minus');
    const ttftAddedP99 = (m: Measured): number => vsPass(m, p, (s) => s.ttft.p99Ms, 'minus');
    const rows = [
      '| measure | pass-through | Bulwark, privacy pipeline | Bulwark, + threat checks (default) | target | met (privacy / default) |',
      '|---|---:|---:|---:|---:|:-:|',
      `| req/s, 50 connections | ${p.rps50.toFixed(0)} | ${both((m) => `${m.rps50.toFixed(0)} (${ratio(m).toFixed(2)}x)`)} | >= 0.5x | ${both((m) => yes(ratio(m) >= 0.5)).replace(' | ', ' / ')} |`,
      `| p50 / p99 ms, 50 connections | ${ms(p.p50c50)} / ${ms(p.p99c50)} | ${both((m) => `${ms(m.p50c50)} / ${ms(m.p99c50)}`)} | | |`,
      `| server CPU µs per request, 50 connections | ${p.cpu50.toFixed(0)} | ${both((m) => `${m.cpu50.toFixed(0)} (+${(m.cpu50 - p.cpu50).toFixed(0)})`)} | | |`,
      `| p50 ms, 1 connection | ${ms(p.p50c1)} | ${both((m) => `${ms(m.p50c1)} (+${ms(addedP50(m))})`)} | | |`,
      `| p99 ms, 1 connection | ${ms(p.p99c1)} | ${both((m) => `${ms(m.p99c1)} (+${ms(addedP99(m))})`)} | added <= 0.3 ms | ${both((m) => yes(addedP99(m) <= 0.3)).replace(' | ', ' / ')} |`,
      `| gateway's own time p50 / p99 ms, 1 connection (its overhead histogram) | | ${both((m) => `${ms(m.ownP50c1)} / ${ms(m.ownP99c1)}`)} | | |`,
      `| server CPU µs per request, 1 connection | ${p.cpu1.toFixed(0)} | ${both((m) => `${m.cpu1.toFixed(0)} (+${(m.cpu1 - p.cpu1).toFixed(0)})`)} | | |`,
      `| stream TTFT p50 ms | ${ms(p.ttftP50)} | ${both((m) => `${ms(m.ttftP50)} (+${ms(ttftAdded(m))})`)} | added <= 0.5 ms | ${both((m) => yes(ttftAdded(m) <= 0.5)).replace(' | ', ' / ')} |`,
      `| stream TTFT p99 ms | ${ms(p.ttftP99)} | ${both((m) => `${ms(m.ttftP99)} (+${ms(ttftAddedP99(m))})`)} | | |`,
    ];
    const errors = [p, ...results].reduce((n, m) => n + m.errors, 0);
    console.log(`\n## Gateway overhead (1 KB prompt with PII, ${ROUNDS} rounds of ${slice} s runs, wrk + Node TTFT client)\n`);
    console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}\n`);
    console.log(rows.join('\n'));
    console.log('\nValues are medians over the rounds; "added" and the ratio compare each round with the pass-through in the same round.');
    console.log("The gateway's own time is what its bulwark_gateway_overhead_seconds histogram counted during the 1-connection runs (all rounds, interpolated within buckets): from a request's arrival in the process to the end of its answer, minus the wait for the upstream. The end-to-end latencies also hold the kernel, the VM's scheduling and the client.");
    if (errors > 0) console.log(`\nwarning: ${errors} socket errors or non-2xx answers during the wrk runs`);
    mkdirSync('reports', { recursive: true });
    const derived = (m: Measured) => ({ throughputRatio: ratio(m), addedP50Ms: addedP50(m), addedP99Ms: addedP99(m), ttftAddedP50Ms: ttftAdded(m), ownP50MsC1: m.ownP50c1, ownP99MsC1: m.ownP99c1 });
    writeFileSync(
      join('reports', 'bench-gateway.json'),
      JSON.stringify(
        {
          machine,
          rounds: ROUNDS,
          secondsPerRun: slice,
          promptBytes: Buffer.byteLength(prompt()),
          passThrough: p,
          bulwarkPrivacy: { ...results[0], derived: derived(results[0]) },
          bulwarkDefault: { ...results[1], derived: derived(results[1]) },
          targets: { throughputRatio: 0.5, addedP99Ms: 0.3, ttftAddedMs: 0.5 },
        },
        null,
        2,
      ) + '\n',
    );
    console.log('\nwrote reports/bench-gateway.json');
  } finally {
    await full.stop();
    await privacy.stop();
    await pass.stop();
    await upstream.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
