/**
 * `npm run bench:guard`: the guard's per-request work in-process, without HTTP: CPU time and
 * bytes allocated per operation on the gateway benchmark's prompt (bench/gateway.ts: ~1 KB of
 * prose with an email, a phone number and a card) and on a typical answer. Prints one markdown
 * table and writes reports/bench-guard.json. Timing numbers are never asserted anywhere.
 *
 * CPU: `process.cpuUsage()` (user + system) over a timed loop, divided by the iterations; the
 * median of several rounds. A busy neighbour slows wall time far more than it inflates CPU time.
 *
 * Allocation: V8 heap bytes allocated per operation, from `v8.GCProfiler` over one loop: the
 * growth of `usedHeapSize` plus what every GC in the loop freed (`usedHeapSize` before minus
 * after each GC; V8 sets a swept page's size to its live bytes when the GC ends, so a full GC
 * counts too), divided by the iterations. The heap is what fills the young generation and so sets
 * how often a scavenge runs. Not counted: the backing stores of typed arrays over 64 bytes, which
 * live outside the heap (only their ~200-byte handles are counted).
 *
 * Options (environment): BENCH_ROUNDS (default 5), BENCH_ROUND_MS (CPU ms per round, default 400).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { loadConfig, type GatewayConfig } from '../src/config/index.js';
import { compilePolicies, createGuard, type GuardPolicy, type InspectedChat } from '../src/guard/index.js';
import { createScanner } from '../src/scan/index.js';
import { benchPrompt } from './bench-prompt.js';
import { describeMachine } from './machine.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? 400);

const prompt = benchPrompt;

/** The configuration the gateway benchmark runs: defaults, or with the threat checks off. */
function configWith(threats: boolean): GatewayConfig {
  const dir = mkdtempSync(join(tmpdir(), 'bench-guard-'));
  try {
    const file = join(dir, 'bulwark.yaml');
    // The same YAML as bench/gateway-bulwark.ts.
    writeFileSync(
      file,
      threats
        ? '{}\n'
        : 'threats:\n  injection: { enabled: false }\n  secrets: { enabled: false }\n  canary: { enabled: false }\n  outputSchema: { toolArguments: false, responseFormat: false }\n',
    );
    return loadConfig({ env: { BULWARK_CONFIG: file } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The default policy as createApp compiles it (src/app/create-app.ts). */
function defaultPolicy(config: GatewayConfig): GuardPolicy {
  const types = [...config.privacy.tokenize];
  return compilePolicies({
    ...config.policies,
    defaultSpec: { entities: Object.fromEntries(types.map((t) => [t, 'tokenize'])), checkOutput: false, outputAction: 'redact' },
    threshold: config.privacy.threshold,
    regions: config.privacy.regions,
    hashKey: new Uint8Array(32).fill(7),
    threats: config.threats,
  }).default;
}

interface Row {
  readonly name: string;
  /** CPU µs per operation: median over rounds. */
  readonly cpuUs: number;
  /** Heap bytes allocated per operation. */
  readonly bytes: number;
  readonly iterations: number;
  /** GCs during the allocation loop (scavenges, mark-sweeps). */
  readonly gcs: { readonly scavenge: number; readonly other: number };
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Bytes allocated by `n` calls of `run`, and the GCs that happened meanwhile. */
function allocation(run: () => unknown, n: number): { bytes: number; scavenge: number; other: number } {
  const profiler = new GCProfiler();
  profiler.start();
  const before = getHeapStatistics().used_heap_size;
  for (let i = 0; i < n; i++) run();
  const after = getHeapStatistics().used_heap_size;
  const stats = profiler.stop()?.statistics ?? [];
  let freed = 0;
  let scavenge = 0;
  let other = 0;
  for (const gc of stats) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    if (gc.gcType === 'Scavenge') scavenge++;
    else other++;
  }
  return { bytes: (after - before + freed) / n, scavenge, other };
}

function bench(name: string, run: () => unknown): Row {
  // Warm up (JIT, lazy models, caches), then size a round to ROUND_MS of CPU.
  const warmStart = cpuNow();
  let warm = 0;
  while (cpuNow() - warmStart < 300_000 || warm < 50) {
    run();
    warm++;
  }
  const perOp = (cpuNow() - warmStart) / warm;
  const iterations = Math.max(20, Math.round((ROUND_MS * 1000) / perOp));
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = cpuNow();
    for (let i = 0; i < iterations; i++) run();
    rounds.push((cpuNow() - t0) / iterations);
  }
  rounds.sort((a, b) => a - b);
  const alloc = allocation(run, iterations);
  return { name, cpuUs: rounds[rounds.length >> 1]!, bytes: alloc.bytes, iterations, gcs: { scavenge: alloc.scavenge, other: alloc.other } };
}

/** An answer naming the prompt's three values by placeholder, as a model does when it quotes them. */
function answerText(inspected: InspectedChat<unknown>): string {
  const cleaned = JSON.stringify(inspected.body);
  const placeholders = cleaned.match(/⟦[A-Z_]+_\d+⟧/g) ?? [];
  if (placeholders.length < 3) throw new Error(`expected 3 placeholders in the cleaned prompt, got ${placeholders.length}`);
  const [email, phone, card] = placeholders as [string, string, string];
  return `Sure. I will write to ${email} today and, if there is no reply, call ${phone}. The card ${card} stays on file. Here is a short summary of the open items, the risks and the next steps for the team.`;
}

function completion(content: string): Record<string, unknown> {
  return {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1,
    model: 'bench',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 250, completion_tokens: 40, total_tokens: 290 },
  };
}

/** The answer as 10 content chunks (cut at fixed offsets, so placeholders are split too) and a final one. */
function chunks(content: string): Record<string, unknown>[] {
  const chunk = (delta: object, finish: string | null): Record<string, unknown> => ({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'bench',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const out = [chunk({ role: 'assistant', content: '' }, null)];
  const step = Math.ceil(content.length / 10);
  for (let at = 0; at < content.length; at += step) out.push(chunk({ content: content.slice(at, at + step) }, null));
  out.push(chunk({}, 'stop'));
  return out;
}

const machine = describeMachine();
const privacyConfig = configWith(false);
const threatsConfig = configWith(true);
const privacy = defaultPolicy(privacyConfig);
const threats = defaultPolicy(threatsConfig);
const types = [...privacyConfig.privacy.tokenize];
const scanner = createScanner({ entities: types, threshold: privacyConfig.privacy.threshold, regions: [...privacyConfig.privacy.regions] });
const guard = createGuard({ scanner, plan: { default: { type: 'keep' }, byType: Object.fromEntries(types.map((t) => [t, { type: 'tokenize' }])) } });

// Through JSON, as the gateway receives bodies: flat strings, not the ropes `prompt()` builds.
const asReceived = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const body = asReceived({ model: 'bench', messages: [{ role: 'user', content: prompt() }] });
const text = body.messages[0]!.content;
const inspectedPrivacy = guard.inspectChat(body, privacy);
const inspectedThreats = guard.inspectChat(body, threats);
if (inspectedThreats.blocked !== undefined) throw inspectedThreats.blocked;
const content = answerText(inspectedPrivacy);
const whole = asReceived(completion(content));
const streamed = asReceived(chunks(content));
const outputThreats = guard.outputCheckFor(threats, inspectedThreats, { ...inspectedThreats.findings });
if (guard.outputCheckFor(privacy, inspectedPrivacy, {}) !== undefined) throw new Error('the privacy-only policy should check no answers');
// The results the rows produce, checked once so a broken pipeline cannot post a fast number.
const restored = guard.restoreResponse(whole, inspectedPrivacy.vault) as ReturnType<typeof completion>;
if (!JSON.stringify(restored).includes('jane.doe@example.com')) throw new Error('restore did not put the email back');

/** One streamed answer through a fresh restorer; `keep` receives what it releases (the check below). */
const streamOnce = (vault: InspectedChat<unknown>['vault'], output: typeof outputThreats, keep?: (chunk: unknown) => void): void => {
  const restorer = guard.createStreamRestorer(vault, output);
  for (const c of streamed) {
    const released = restorer.push(c);
    keep?.(released);
  }
  const tail = restorer.finish();
  keep?.(tail);
};
for (const [vault, output] of [[inspectedPrivacy.vault, undefined], [inspectedThreats.vault, outputThreats]] as const) {
  const released: unknown[] = [];
  streamOnce(vault, output, (chunk) => {
    released.push(chunk);
  });
  if (!JSON.stringify(released).includes('+1 415 555 0132')) throw new Error('the stream restorer did not put the phone number back');
}

const rows: Row[] = [
  bench('(a) scanner.scan, gateway default scanner', () => scanner.scan(text)),
  bench('(b) inspectChat, privacy only (threats off)', () => guard.inspectChat(body, privacy)),
  bench('(c) inspectChat, default threats on', () => guard.inspectChat(body, threats)),
  bench('(d) restoreResponse, 3 placeholders', () => guard.restoreResponse(whole, inspectedPrivacy.vault)),
  bench('(d2) restoreResponse + output check (threats on)', () => guard.restoreResponse(whole, inspectedThreats.vault, outputThreats)),
  bench(`(e) stream restorer, ${streamed.length - 2} content chunks`, () => streamOnce(inspectedPrivacy.vault, undefined)),
  bench('(e2) stream restorer + output check (threats on)', () => streamOnce(inspectedThreats.vault, outputThreats)),
];

const lines = [
  `Machine: ${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.os}; single thread, in-process.`,
  `Input: the bench:gateway prompt (${text.length} chars: an email, a phone number, a card), one user message; an answer of ${content.length} chars with 3 placeholders.`,
  '',
  '| operation | CPU µs/op | KB allocated/op | iterations/round | GCs in alloc loop (scavenge/other) |',
  '| --- | --: | --: | --: | --: |',
  ...rows.map((r) => `| ${r.name} | ${r.cpuUs.toFixed(1)} | ${(r.bytes / 1024).toFixed(1)} | ${r.iterations} | ${r.gcs.scavenge}/${r.gcs.other} |`),
  '',
  `CPU: process.cpuUsage, median of ${ROUNDS} rounds. Allocation: V8 heap bytes (used-heap growth + bytes freed by each GC, v8.GCProfiler).`,
];
console.log(lines.join('\n'));

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outPath = join(root, 'reports', 'bench-guard.json');
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.log(`report written to ${outPath}`);
