/**
 * `npm run eval:secrets`: text-level recall and precision of the secret scanner on the labelled
 * cases in ../shared/data/secrets (gitleaks, detect-secrets and secretlint test cases), per source
 * file, per source rule and overall. A case is a text; it is predicted positive when the scanner
 * reports any SECRET finding in it, and its label says whether the source tool's own test expects
 * one. Prints markdown tables and writes reports/eval-secrets.json. See eval/README.md.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSecretCases, type SecretCase } from './secrets-data.js';
import { checkSecretsGate } from './secrets-gate.js';
import { countBy, countCases, type ScoredCase } from './secrets-metrics.js';
import { formatRuleTable, formatSecretsSummary } from './secrets-report.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    file: { type: 'string', multiple: true },
    gate: { type: 'boolean', default: false },
    'min-recall': { type: 'string' },
    'min-precision': { type: 'string' },
    threshold: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
  },
  strict: true,
});

function numberArg(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`eval:secrets: --${name} must be a number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const dataDir = resolve(args.data ?? process.env.BULWARK_SECRETS_DATA ?? join(root, '..', 'shared', 'data', 'secrets'));
if (!existsSync(dataDir)) {
  console.log(`eval:secrets: no dataset directory at ${dataDir}; nothing to evaluate (skipped).`);
  process.exit(0);
}
const threshold = numberArg('threshold', args.threshold);
const minRecall = numberArg('min-recall', args['min-recall'] ?? process.env.BULWARK_EVAL_SECRETS_MIN_RECALL);
const minPrecision = numberArg('min-precision', args['min-precision'] ?? process.env.BULWARK_EVAL_SECRETS_MIN_PRECISION);

const all = (await readdir(dataDir)).filter((f) => f.endsWith('.jsonl')).sort();
const wanted = args.file?.map((f) => (f.endsWith('.jsonl') ? f : `${f}.jsonl`));
for (const w of wanted ?? []) {
  if (!all.includes(w)) {
    console.error(`eval:secrets: no file ${w} in ${dataDir}`);
    process.exit(2);
  }
}
const files = wanted ? all.filter((f) => wanted.includes(f)) : all;

// Loaded only now, so a missing dataset or a bad flag is reported without loading the detectors.
const { createSecretScanner } = await import('../src/scan/secrets/index.js');
const scanner = createSecretScanner(threshold === undefined ? {} : { threshold });

const cases: SecretCase[] = [];
for (const file of files) cases.push(...(await loadSecretCases(join(dataDir, file))));
const started = performance.now();
const scored: ScoredCase[] = cases.map((c) => ({ case: c, detectors: scanner.scan(c.text).map((f) => f.detector) }));
const scanMs = performance.now() - started;

const overall = countCases(scored);
const byFile = countBy(scored, (s) => s.case.file);
console.log(formatSecretsSummary(byFile, overall));
if (!args.quiet) {
  for (const file of files) {
    const inFile = scored.filter((s) => s.case.file === file);
    console.log(formatRuleTable(file.replace(/\.jsonl$/, ''), countBy(inFile, (s) => s.case.rule), inFile));
  }
}
if (args.errors) {
  // Development aid: the texts behind every miss and false alarm (dataset fixtures, not live secrets).
  for (const s of scored) {
    const predicted = s.detectors.length > 0;
    if (predicted === s.case.label) continue;
    const kind = s.case.label ? 'FN' : `FP [${[...new Set(s.detectors)].join(', ')}]`;
    console.log(`${kind} ${s.case.file}:${s.case.line} ${s.case.rule}: ${JSON.stringify(s.case.text.slice(0, 300))}`);
  }
}
const chars = cases.reduce((n, c) => n + c.text.length, 0);
console.log(`${cases.length} cases in ${files.length} file(s), scanned in ${scanMs.toFixed(0)} ms (${(chars / 1e3 / Math.max(scanMs, 1e-3)).toFixed(1)} M chars/s); node ${process.version}`);

const outPath = resolve(args.out ?? join(root, 'reports', 'eval-secrets.json'));
await mkdir(dirname(outPath), { recursive: true });
const json = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  dataDir,
  options: { files, threshold: threshold ?? null },
  scanMs,
  overall,
  files: Object.fromEntries(byFile),
  rules: Object.fromEntries(files.map((f) => [f, Object.fromEntries(countBy(scored.filter((s) => s.case.file === f), (s) => s.case.rule))])),
};
await writeFile(outPath, `${JSON.stringify(json, null, 2)}\n`);
console.log(`report written to ${outPath}`);

if (args.gate) {
  const failures = checkSecretsGate(overall, { minRecall, minPrecision }, files.length === all.length);
  if (failures.length > 0) {
    for (const f of failures) console.error(`eval:secrets gate FAILED: ${f}`);
    process.exit(1);
  }
  console.log(`eval:secrets gate passed (min recall ${minRecall ?? '-'}, min precision ${minPrecision ?? '-'})`);
}
