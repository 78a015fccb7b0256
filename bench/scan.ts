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
import { buildCorpus } from './build-corpus.js';
import { describeMachine } from './machine.js';
import { measure, type MeasureOptions } from './measure.js';

/** A group of detectors measured together through a scanner, with its throughput target. */
interface Tier {
  readonly name: string;
  readonly detectors: readonly Detector[];
  /** Target MB/s per core, from the issue; `undefined` when none is set. */
  readonly target?: number;
}

// Later tiers (secrets, injection) slot in here; "full" stays last and uses defaultDetectors.
const TIERS: readonly Tier[] = [
  { name: 'structured', detectors: [...structuredDetectors, ...idDetectors], target: 50 },
  { name: 'names', detectors: nerDetectors, target: 20 },
  { name: 'full', detectors: defaultDetectors, target: 20 },
];

interface Row {
  readonly kind: 'tier' | 'detector';
  readonly name: string;
  readonly target: number | null;
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
const corpus = buildCorpus(join(root, '..', 'shared', 'data'));
const promptBytes = corpus.prompts.reduce((n, p) => n + Buffer.byteLength(p), 0);
const largeBytes = Buffer.byteLength(corpus.large);
const timing: MeasureOptions = args.quick ? { warmup: 1, minIterations: 3, minMs: 300, maxMs: 3000 } : {};
const ctx = { regions: ['US'] };

function bench(name: string, kind: Row['kind'], target: number | undefined, detectors: readonly Detector[], scanOne: (t: string) => unknown[]): Row {
  if (detectors.length === 0) return { kind, name, target: target ?? null, prompts: null, large: null, findingsPerKb: null };
  const prompts = measure(promptBytes, () => {
    for (const p of corpus.prompts) scanOne(p);
  }, timing);
  const large = measure(largeBytes, () => scanOne(corpus.large), { ...timing, warmup: 1 });
  let findings = 0;
  for (const p of corpus.prompts) findings += scanOne(p).length;
  return {
    kind,
    name,
    target: target ?? null,
    prompts: prompts.mbPerSecond,
    large: large.mbPerSecond,
    findingsPerKb: findings / (promptBytes / 1024),
  };
}

const rows: Row[] = [];
for (const tier of TIERS) {
  const scanner = createScanner({ detectors: tier.detectors });
  rows.push(bench(tier.name, 'tier', tier.target, tier.detectors, (t) => scanner.scan(t)));
}
if (!args['no-detectors']) {
  for (const d of defaultDetectors) rows.push(bench(d.id, 'detector', undefined, [d], (t) => d.detect(t, ctx)));
}

const machine = describeMachine();
const fmt = (x: number | null): string => (x === null ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const verdict = (r: Row): string => {
  if (r.target === null) return '';
  if (r.prompts === null) return 'no detectors yet';
  return Math.min(r.prompts, r.large ?? 0) >= r.target ? 'meets' : 'below';
};
const lines = [
  `Machine: ${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.os}; single thread.`,
  `Input: ${corpus.prompts.length} prompts of ~1 KB (${(promptBytes / 1e6).toFixed(2)} MB) and one ${(largeBytes / 1e6).toFixed(2)} MB text, ${corpus.origin}.`,
  '',
  '| tier / detector | 1 KB prompts MB/s | 1 MB text MB/s | target MB/s | | findings per KB |',
  '| --- | --: | --: | --: | --- | --: |',
  ...rows.map((r) =>
    `| ${r.kind === 'tier' ? `**${r.name}**` : `\`${r.name}\``} | ${fmt(r.prompts)} | ${fmt(r.large)} | ${r.target ?? ''} | ${verdict(r)} | ${r.findingsPerKb === null ? '—' : r.findingsPerKb.toFixed(2)} |`,
  ),
  '',
  'Tiers run through createScanner (context boosting, guards, overlap resolution included); detector rows call detect() alone.',
];
console.log(lines.join('\n'));

const outPath = resolve(args.out ?? join(root, 'reports', 'bench-scan.json'));
await mkdir(dirname(outPath), { recursive: true });
await writeFile(
  outPath,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, input: { prompts: corpus.prompts.length, promptBytes, largeBytes, origin: corpus.origin }, unit: 'MB/s (10^6 UTF-8 bytes per second), median', rows }, null, 2)}\n`,
);
console.log(`report written to ${outPath}`);
