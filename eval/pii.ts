/**
 * `npm run eval:pii`: span-level precision/recall/F1/F2 of the default scanner on every PII file in
 * ../shared/data/pii, per entity type and overall, strict, overlap and token-level matching, plus the share of
 * PII-free texts that get altered. Prints markdown tables and writes reports/eval-pii.json.
 * See eval/README.md for the label mapping and the exact rules.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateRecords } from './evaluate-records.js';
import { formatFileReport, formatSummary, type FileReport } from './format-report.js';
import { checkGate, GATE_FILE } from './gate.js';
import { loadPiiJsonl, type PiiRecord } from './load-jsonl.js';
import { sampleRecords } from './sample-records.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    file: { type: 'string', multiple: true },
    limit: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'include-train': { type: 'boolean', default: false },
    gate: { type: 'boolean', default: false },
    'min-f2': { type: 'string' },
    'min-person-f2': { type: 'string' },
    'min-token-f2': { type: 'string' },
    threshold: { type: 'string' },
    region: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

function numberArg(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`eval:pii: --${name} must be a number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const dataDir = resolve(args.data ?? process.env.BULWARK_PII_DATA ?? join(root, '..', 'shared', 'data', 'pii'));
if (!existsSync(dataDir)) {
  console.log(`eval:pii: no dataset directory at ${dataDir}; nothing to evaluate (skipped).`);
  process.exit(0);
}

const limit = numberArg('limit', args.limit);
const sample = numberArg('sample', args.sample);
const seed = numberArg('seed', args.seed) ?? 1;
const threshold = numberArg('threshold', args.threshold);
const minF2 = numberArg('min-f2', args['min-f2'] ?? process.env.BULWARK_EVAL_MIN_F2);
const minPersonF2 = numberArg('min-person-f2', args['min-person-f2'] ?? process.env.BULWARK_EVAL_MIN_PERSON_F2);
const minTokenF2 = numberArg('min-token-f2', args['min-token-f2'] ?? process.env.BULWARK_EVAL_MIN_TOKEN_F2);

const wanted = args.file?.map((f) => (f.endsWith('.jsonl') ? f : `${f}.jsonl`));
const files = (await readdir(dataDir))
  .filter((f) => f.endsWith('.jsonl'))
  .filter((f) => (wanted ? wanted.includes(f) : args['include-train'] || !/_train\.jsonl$/.test(f)))
  .sort();
for (const w of wanted ?? []) {
  if (!files.includes(w)) {
    console.error(`eval:pii: no file ${w} in ${dataDir}`);
    process.exit(2);
  }
}

// Loaded only now, so a missing dataset or a bad flag is reported without loading the detectors.
const { createScanner } = await import('../src/scan/index.js');
const scanner = createScanner({
  ...(threshold === undefined ? {} : { threshold }),
  ...(args.region ? { regions: args.region.split(',').map((r) => r.trim()) } : {}),
});

const reports: FileReport[] = [];
const started = performance.now();
for (const file of files) {
  const all = await loadPiiJsonl(join(dataDir, file));
  let records: readonly PiiRecord[] = limit === undefined ? all : all.slice(0, limit);
  if (sample !== undefined) records = sampleRecords(records, sample, seed);
  const t0 = performance.now();
  const result = evaluateRecords(records, (text) => scanner.scan(text));
  process.stderr.write(`eval:pii: ${file} ${records.length} records in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const report: FileReport = { file, totalRecords: all.length, sampled: records.length < all.length, ...result };
  reports.push(report);
  if (!args.quiet) console.log(formatFileReport(report));
}
console.log(formatSummary(reports));
const seconds = (performance.now() - started) / 1000;
console.log(`${files.length} file(s) in ${seconds.toFixed(1)} s; node ${process.version}`);

const outPath = resolve(args.out ?? join(root, 'reports', 'eval-pii.json'));
await mkdir(dirname(outPath), { recursive: true });
const json = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  dataDir,
  options: { limit: limit ?? null, sample: sample ?? null, seed, threshold: threshold ?? null, region: args.region ?? null },
  seconds,
  files: reports,
};
await writeFile(outPath, `${JSON.stringify(json, null, 2)}\n`);
console.log(`report written to ${outPath}`);

if (args.gate) {
  const failures = checkGate(reports, { minF2, minPersonF2, minTokenF2 });
  if (failures.length > 0) {
    for (const f of failures) console.error(`eval:pii gate FAILED: ${f}`);
    process.exit(1);
  }
  console.log(`eval:pii gate passed on ${GATE_FILE} (min F2 ${minF2 ?? '-'}, min PERSON F2 ${minPersonF2 ?? '-'}, min token F2 ${minTokenF2 ?? '-'})`);
}
