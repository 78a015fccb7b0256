/**
 * `npm run bench:gateway`: the per-request cost of Bulwark's full pipeline next to a bare
 * Fastify + undici pass-through, both in front of the same fixed local upstream, measured with
 * wrk (and a small Node client for streaming time to first token). Prints one markdown table
 * and writes reports/bench-gateway.json. Timing numbers are never asserted anywhere.
 *
 * Options (environment): BENCH_SECONDS (per wrk run, default 10), BENCH_PROFILE=1 (run the
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
import { measureTtft, type TtftResult } from './gateway-ttft.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
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

interface Measured {
  readonly c50: WrkResult;
  readonly cpu50: number;
  readonly c1: WrkResult;
  readonly cpu1: number;
  readonly ttft: TtftResult;
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

    const wrk = (c: Child, connections: number, seconds = SECONDS): Promise<WrkResult> =>
      runWrk({ url: c.url + ROUTE, body, headers: authOf(c), connections, seconds, dir: work });
    // CPU time the server spent per answered request during one run (µs).
    const cpuPerRequest = async (server: Child, run: () => Promise<WrkResult>): Promise<[WrkResult, number]> => {
      const before = await server.cpu();
      const result = await run();
      return [result, ((await server.cpu()) - before) / Math.max(1, result.requests)];
    };
    const measure = async (c: Child): Promise<Measured> => {
      const [c50, cpu50] = await cpuPerRequest(c, () => wrk(c, 50));
      const [c1, cpu1] = await cpuPerRequest(c, () => wrk(c, 1));
      const ttft = await measureTtft(c.url + ROUTE, streamBody, authOf(c), SECONDS);
      return { c50, cpu50, c1, cpu1, ttft };
    };
    process.stderr.write(`warming up, then per server 2 wrk runs and 1 streaming run of ${SECONDS} s…\n`);
    for (const c of [pass, privacy, full]) await wrk(c, 50, 2);
    const p = await measure(pass);
    const results = [await measure(privacy), await measure(full)] as const;

    const yes = (ok: boolean): string => (ok ? 'yes' : '**no**');
    const both = (f: (m: Measured) => string): string => results.map(f).join(' | ');
    const ratio = (m: Measured): number => m.c50.requestsPerSecond / p.c50.requestsPerSecond;
    const addedP99 = (m: Measured): number => m.c1.p99Ms - p.c1.p99Ms;
    const ttftAdded = (m: Measured): number => m.ttft.p50Ms - p.ttft.p50Ms;
    const rows = [
      '| measure | pass-through | Bulwark, privacy pipeline | Bulwark, + threat checks (default) | target | met (privacy / default) |',
      '|---|---:|---:|---:|---:|:-:|',
      `| req/s, 50 connections | ${p.c50.requestsPerSecond.toFixed(0)} | ${both((m) => `${m.c50.requestsPerSecond.toFixed(0)} (${ratio(m).toFixed(2)}x)`)} | >= 0.5x | ${both((m) => yes(ratio(m) >= 0.5)).replace(' | ', ' / ')} |`,
      `| p50 / p99 ms, 50 connections | ${ms(p.c50.p50Ms)} / ${ms(p.c50.p99Ms)} | ${both((m) => `${ms(m.c50.p50Ms)} / ${ms(m.c50.p99Ms)}`)} | | |`,
      `| server CPU µs per request, 50 connections | ${p.cpu50.toFixed(0)} | ${both((m) => `${m.cpu50.toFixed(0)} (+${(m.cpu50 - p.cpu50).toFixed(0)})`)} | | |`,
      `| p50 ms, 1 connection | ${ms(p.c1.p50Ms)} | ${both((m) => `${ms(m.c1.p50Ms)} (+${ms(m.c1.p50Ms - p.c1.p50Ms)})`)} | | |`,
      `| p99 ms, 1 connection | ${ms(p.c1.p99Ms)} | ${both((m) => `${ms(m.c1.p99Ms)} (+${ms(addedP99(m))})`)} | added <= 0.3 ms | ${both((m) => yes(addedP99(m) <= 0.3)).replace(' | ', ' / ')} |`,
      `| server CPU µs per request, 1 connection | ${p.cpu1.toFixed(0)} | ${both((m) => `${m.cpu1.toFixed(0)} (+${(m.cpu1 - p.cpu1).toFixed(0)})`)} | | |`,
      `| stream TTFT p50 ms | ${ms(p.ttft.p50Ms)} | ${both((m) => `${ms(m.ttft.p50Ms)} (+${ms(ttftAdded(m))})`)} | added <= 0.5 ms | ${both((m) => yes(ttftAdded(m) <= 0.5)).replace(' | ', ' / ')} |`,
      `| stream TTFT p99 ms | ${ms(p.ttft.p99Ms)} | ${both((m) => `${ms(m.ttft.p99Ms)} (+${ms(m.ttft.p99Ms - p.ttft.p99Ms)})`)} | | |`,
    ];
    const errors = [p, ...results].reduce((n, m) => n + m.c50.errors + m.c1.errors, 0);
    console.log(`\n## Gateway overhead (1 KB prompt with PII, ${SECONDS} s per run, wrk + Node TTFT client)\n`);
    console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}\n`);
    console.log(rows.join('\n'));
    if (errors > 0) console.log(`\nwarning: ${errors} socket errors or non-2xx answers during the wrk runs`);
    mkdirSync('reports', { recursive: true });
    const derived = (m: Measured) => ({ throughputRatio: ratio(m), addedP50Ms: m.c1.p50Ms - p.c1.p50Ms, addedP99Ms: addedP99(m), ttftAddedP50Ms: ttftAdded(m) });
    writeFileSync(
      join('reports', 'bench-gateway.json'),
      JSON.stringify(
        {
          machine,
          secondsPerRun: SECONDS,
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
