/**
 * `npm run bench:scan`: throughput of each detector tier, each detector, and the full scan, on
 * ~1 KB chat prompts and on one ~1 MB text. Prints one markdown table and writes
 * reports/bench-scan.json. MB/s counts UTF-8 input bytes (MB = 10^6); median of several timed
 * iterations after warm-up, single thread.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Detector } from '../src/scan/detector.js';
import { createScanner, defaultDetectors } from '../src/scan/index.js';
import { nerDetectors } from '../src/scan/ner/ner-detectors.js';
import { idDetectors } from '../src/scan/pii/id-detectors.js';
import { structuredDetectors } from '../src/scan/pii/structured-detectors.js';
import { classifyInjection, detectInjection, INJECTION_THRESHOLD } from '../src/scan/injection/index.js';
import { normalizeForInjection, type NormalizedText } from '../src/scan/injection/normalize-for-injection.js';
import { secretDetectors } from '../src/scan/secrets/index.js';
import { buildCorpus, type Corpus } from './build-corpus.js';
import { describeMachine } from './machine.js';
import { measure, type MeasureOptions } from './measure.js';

/** A group of detectors measured together through a scanner, with its throughput target. */
interface Tier {
  readonly name: string;
  readonly detectors: readonly Detector[];
  /** Target MB/s per core, from the issue; `undefined` when none is set. */
  readonly target?: number;
}

// Later tiers slot in here; "full" stays last and uses defaultDetectors (injection: below the loop).
const TIERS: readonly Tier[] = [
  { name: 'structured', detectors: [...structuredDetectors, ...idDetectors], target: 50 },
  { name: 'names', detectors: nerDetectors, target: 20 },
  { name: 'secrets', detectors: secretDetectors, target: 50 },
  { name: 'full', detectors: defaultDetectors, target: 20 },
];

interface Row {
  readonly kind: 'tier' | 'detector';
  readonly name: string;
  readonly target: number | null;
  /** MB/s per corpus: 1 KB prompts and the 1 MB text. */
  readonly chat: Throughput;
  readonly dense: Throughput;
}

interface Throughput {
  readonly prompts: number | null;
  readonly large: number | null;
  readonly findingsPerKb: number | null;
}

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-detectors': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '..', 'shared', 'data');
const corpora = { chat: buildCorpus(dataDir, 'chat'), dense: buildCorpus(dataDir, 'dense') };
const bytes = (c: Corpus) => ({
  prompts: c.prompts.reduce((n, p) => n + Buffer.byteLength(p), 0),
  large: Buffer.byteLength(c.large),
});
const timing: MeasureOptions = args.quick ? { warmup: 1, minIterations: 3, minMs: 300, maxMs: 3000 } : {};
const ctx = { regions: ['US'] };

function throughput(corpus: Corpus, scanOne: (t: string) => unknown[]): Throughput {
  const size = bytes(corpus);
  const prompts = measure(size.prompts, () => {
    for (const p of corpus.prompts) scanOne(p);
  }, timing);
  const large = measure(size.large, () => scanOne(corpus.large), { ...timing, warmup: 1 });
  let findings = 0;
  for (const p of corpus.prompts) findings += scanOne(p).length;
  return { prompts: prompts.mbPerSecond, large: large.mbPerSecond, findingsPerKb: findings / (size.prompts / 1024) };
}

function bench(name: string, kind: Row['kind'], target: number | undefined, detectors: readonly Detector[], scanOne: (t: string) => unknown[]): Row {
  const none: Throughput = { prompts: null, large: null, findingsPerKb: null };
  if (detectors.length === 0) return { kind, name, target: target ?? null, chat: none, dense: none };
  return {
    kind,
    name,
    target: target ?? null,
    chat: throughput(corpora.chat, scanOne),
    dense: throughput(corpora.dense, scanOne),
  };
}

const rows: Row[] = [];
for (const tier of TIERS) {
  const scanner = createScanner({ detectors: tier.detectors });
  rows.push(bench(tier.name, 'tier', tier.target, tier.detectors, (t) => scanner.scan(t)));
}
// Injection yields one verdict per text, not findings: "findings/KB" counts flagged texts. The
// target (< 0.2 ms per KB on one core) is 5 MB/s. The classifier row times the classifier alone,
// on text normalised beforehand (normalisation and heuristics are in the tier row).
const flagged = (score: number): unknown[] => (score >= INJECTION_THRESHOLD ? [score] : []);
const verdictOf = (t: string): unknown[] => flagged(detectInjection(t).score);
rows.push({ kind: 'tier', name: 'injection', target: 5, chat: throughput(corpora.chat, verdictOf), dense: throughput(corpora.dense, verdictOf) });
const normalized = new Map<string, NormalizedText>();
for (const c of Object.values(corpora)) for (const t of [...c.prompts, c.large]) normalized.set(t, normalizeForInjection(t));
const classifyOnly = (t: string): unknown[] => flagged(classifyInjection(normalized.get(t) as NormalizedText, []).probability);
rows.push({ kind: 'detector', name: 'injection.classifier', target: 5, chat: throughput(corpora.chat, classifyOnly), dense: throughput(corpora.dense, classifyOnly) });
if (!args['no-detectors']) {
  for (const d of defaultDetectors) rows.push(bench(d.id, 'detector', undefined, [d], (t) => d.detect(t, ctx)));
}

const machine = describeMachine();
const fmt = (x: number | null): string => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const verdict = (r: Row): string => {
  if (r.target === null) return '';
  if (r.chat.prompts === null) return 'no detectors yet';
  return Math.min(r.chat.prompts, r.chat.large ?? 0) >= r.target ? 'meets' : 'below';
};
const kb = (x: number | null): string => (x === null ? '—' : x.toFixed(1));
const lines = [
  `Machine: ${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.os}; single thread.`,
  ...Object.values(corpora).map((c) => `Input ${c.origin}: ${c.prompts.length} prompts of ~1 KB and one ${(bytes(c).large / 1e6).toFixed(2)} MB text.`),
  '',
  '| tier / detector | chat 1 KB MB/s | chat 1 MB MB/s | dense 1 KB MB/s | dense 1 MB MB/s | target (chat) | | findings/KB chat | dense |',
  '| --- | --: | --: | --: | --: | --: | --- | --: | --: |',
  ...rows.map((r) =>
    `| ${r.kind === 'tier' ? `**${r.name}**` : `\`${r.name}\``} | ${fmt(r.chat.prompts)} | ${fmt(r.chat.large)} | ${fmt(r.dense.prompts)} | ${fmt(r.dense.large)} | ${r.target ?? ''} | ${verdict(r)} | ${kb(r.chat.findingsPerKb)} | ${kb(r.dense.findingsPerKb)} |`,
  ),
  '',
  'Tiers run through createScanner (context boosting, guards, overlap resolution included); detector rows call detect() alone.',
];
console.log(lines.join('\n'));

const outPath = resolve(args.out ?? join(root, 'reports', 'bench-scan.json'));
await mkdir(dirname(outPath), { recursive: true });
await writeFile(
  outPath,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, input: Object.values(corpora).map((c) => ({ origin: c.origin, promptCount: c.prompts.length, bytes: bytes(c) })), unit: 'MB/s (10^6 UTF-8 bytes per second), median', rows }, null, 2)}\n`,
);
console.log(`report written to ${outPath}`);
