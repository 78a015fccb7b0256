/**
 * `npm run bench:gateway`: the per-request cost of Bulwark's full pipeline next to a bare
 * Fastify + undici pass-through, both in front of the same fixed local upstream, measured with
 * wrk (and a small Node client for streaming time to first token). Prints one markdown table
 * and writes reports/bench-gateway.json. Timing numbers are never asserted anywhere.
 *
 * Options (environment): BENCH_SECONDS (per wrk run, default 10), BENCH_PROFILE=1 (run the
 * Bulwark child under `node --cpu-prof`, profiles in reports/profiles/; summarise one with
 * `bench/summarise-profile.ts`), BENCH_LOG_LEVEL (Bulwark's, default `info`), BENCH_KEEP_LOGS=1
 * (keep Bulwark's log file and say where).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine } from './machine.js';
import { runWrk, type WrkResult } from './gateway-wrk.js';
import { measureTtft, type TtftResult } from './gateway-ttft.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const PROFILE = process.env['BENCH_PROFILE'] === '1';
const ROUTE = '/v1/chat/completions';

/** About 1 KB of ordinary prose with a little PII (an email, a phone number, a card). */
function prompt(): string {
  const pii = 'Please reply to jane.doe@example.com or call +1 415 555 0132; the card on file is 4111 1111 1111 1111. ';
  const filler = 'We are planning the quarterly review and need a short summary of the open items, the risks and the next steps for the team. ';
  let text = pii;
  while (text.length < 1000) text += filler;
  return text.slice(0, 1024);
}

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

async function main(): Promise<void> {
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
  const profileDir = join(process.cwd(), 'reports', 'profiles');
  if (PROFILE) mkdirSync(profileDir, { recursive: true });
  const upstream = await start('upstream', []);
  const pass = await start('passthrough', [upstream.url]);
  const bulwark = await start('bulwark', [upstream.url], PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  try {
    const body = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: prompt() }] });
    const streamBody = JSON.stringify({ model: 'bench', stream: true, messages: [{ role: 'user', content: prompt() }] });
    const auth = { authorization: `Bearer ${bulwark.key ?? ''}` };
    const check = await fetch(bulwark.url + ROUTE, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
    if (check.status !== 200) throw new Error(`Bulwark answered ${check.status}: ${await check.text()}`);

    const wrk = (url: string, headers: Record<string, string>, connections: number, seconds = SECONDS): Promise<WrkResult> =>
      runWrk({ url: url + ROUTE, body, headers, connections, seconds, dir: work });
    // CPU time the server spent per answered request during one run (µs).
    const cpuPerRequest = async (server: Child, run: () => Promise<WrkResult>): Promise<[WrkResult, number]> => {
      const before = await server.cpu();
      const result = await run();
      return [result, ((await server.cpu()) - before) / Math.max(1, result.requests)];
    };
    process.stderr.write(`warming up, then 4 wrk runs of ${SECONDS} s and 2 streaming runs of ${SECONDS} s…\n`);
    await wrk(pass.url, {}, 50, 2);
    await wrk(bulwark.url, auth, 50, 2);
    const [pass50, passCpu] = await cpuPerRequest(pass, () => wrk(pass.url, {}, 50));
    const [bul50, bulCpu] = await cpuPerRequest(bulwark, () => wrk(bulwark.url, auth, 50));
    const [pass1, passCpu1] = await cpuPerRequest(pass, () => wrk(pass.url, {}, 1));
    const [bul1, bulCpu1] = await cpuPerRequest(bulwark, () => wrk(bulwark.url, auth, 1));
    const passTtft: TtftResult = await measureTtft(pass.url + ROUTE, streamBody, {}, SECONDS);
    const bulTtft: TtftResult = await measureTtft(bulwark.url + ROUTE, streamBody, auth, SECONDS);

    const ratio = bul50.requestsPerSecond / pass50.requestsPerSecond;
    const addedP50 = bul1.p50Ms - pass1.p50Ms;
    const addedP99 = bul1.p99Ms - pass1.p99Ms;
    const ttftP50 = bulTtft.p50Ms - passTtft.p50Ms;
    const ttftP99 = bulTtft.p99Ms - passTtft.p99Ms;
    const yes = (ok: boolean): string => (ok ? 'yes' : '**no**');
    const rows = [
      '| measure | pass-through | Bulwark | Bulwark vs pass-through | target | met |',
      '|---|---:|---:|---:|---:|:-:|',
      `| req/s, 50 connections | ${pass50.requestsPerSecond.toFixed(0)} | ${bul50.requestsPerSecond.toFixed(0)} | ${ratio.toFixed(2)}x | >= 0.5x | ${yes(ratio >= 0.5)} |`,
      `| p50 / p99 ms, 50 connections | ${ms(pass50.p50Ms)} / ${ms(pass50.p99Ms)} | ${ms(bul50.p50Ms)} / ${ms(bul50.p99Ms)} | +${ms(bul50.p50Ms - pass50.p50Ms)} / +${ms(bul50.p99Ms - pass50.p99Ms)} | | |`,
      `| server CPU µs per request, 50 connections | ${passCpu.toFixed(0)} | ${bulCpu.toFixed(0)} | +${(bulCpu - passCpu).toFixed(0)} | | |`,
      `| p50 ms, 1 connection | ${ms(pass1.p50Ms)} | ${ms(bul1.p50Ms)} | +${ms(addedP50)} | | |`,
      `| server CPU µs per request, 1 connection | ${passCpu1.toFixed(0)} | ${bulCpu1.toFixed(0)} | +${(bulCpu1 - passCpu1).toFixed(0)} | | |`,
      `| p99 ms, 1 connection | ${ms(pass1.p99Ms)} | ${ms(bul1.p99Ms)} | +${ms(addedP99)} | <= 0.3 ms | ${yes(addedP99 <= 0.3)} |`,
      `| stream TTFT p50 ms | ${ms(passTtft.p50Ms)} | ${ms(bulTtft.p50Ms)} | +${ms(ttftP50)} | <= 0.5 ms | ${yes(ttftP50 <= 0.5)} |`,
      `| stream TTFT p99 ms | ${ms(passTtft.p99Ms)} | ${ms(bulTtft.p99Ms)} | +${ms(ttftP99)} | | |`,
    ];
    const errors = pass50.errors + bul50.errors + pass1.errors + bul1.errors;
    console.log(`\n## Gateway overhead (1 KB prompt with PII, ${SECONDS} s per run, wrk + Node TTFT client)\n`);
    console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}\n`);
    console.log(rows.join('\n'));
    if (errors > 0) console.log(`\nwarning: ${errors} socket errors or non-2xx answers during the wrk runs`);
    mkdirSync('reports', { recursive: true });
    writeFileSync(
      join('reports', 'bench-gateway.json'),
      JSON.stringify(
        {
          machine,
          secondsPerRun: SECONDS,
          promptBytes: Buffer.byteLength(prompt()),
          passThrough: { c50: pass50, c1: pass1, ttft: passTtft, cpuMicrosPerRequest: passCpu, cpuMicrosPerRequestC1: passCpu1 },
          bulwark: { c50: bul50, c1: bul1, ttft: bulTtft, cpuMicrosPerRequest: bulCpu, cpuMicrosPerRequestC1: bulCpu1 },
          derived: { throughputRatio: ratio, addedP50Ms: addedP50, addedP99Ms: addedP99, ttftAddedP50Ms: ttftP50, ttftAddedP99Ms: ttftP99 },
          targets: { throughputRatio: 0.5, addedP99Ms: 0.3, ttftAddedMs: 0.5 },
        },
        null,
        2,
      ) + '\n',
    );
    console.log('\nwrote reports/bench-gateway.json');
  } finally {
    await bulwark.stop();
    await pass.stop();
    await upstream.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
