/**
 * `npm run eval:injection`: `detectInjection` on the held-out rows of every injection dataset in
 * ../shared/data/injection, the held-out hand-written fixtures and the PII benchmark prompts
 * (benign). Per dataset: TPR, FPR and precision at the default threshold, ROC-AUC, and the TPR at
 * the threshold that lets 1% of the pooled held-out benign texts through. Prints a markdown table
 * and writes reports/eval-injection.json. The split is eval/injection-split.ts (eval/README.md).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BIPIA_TEXT_FAMILIES, INJECTION_FILES, loadInjectionRows, PII_HELDOUT_FILES, type InjectionRow } from './injection-data.js';
import { bipiaFamily } from './injection-split.js';
import { confusionAt, ratio, rocAuc, thresholdForFpr, type ScoredText } from './injection-metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    gate: { type: 'boolean', default: false },
    'min-tpr': { type: 'string' },
    'max-fpr': { type: 'string' },
    threshold: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    errors: { type: 'string' },
  },
  strict: true,
});

function numberArg(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`eval:injection: --${name} must be a number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const dataRoot = resolve(args.data ?? process.env.BULWARK_DATA ?? join(root, '..', 'shared', 'data'));
if (!existsSync(join(dataRoot, 'injection'))) {
  console.log(`eval:injection: no dataset directory at ${dataRoot}/injection; nothing to evaluate (skipped).`);
  process.exit(0);
}
const minTpr = numberArg('min-tpr', args['min-tpr'] ?? process.env.BULWARK_EVAL_MIN_INJECTION_TPR);
const maxFpr = numberArg('max-fpr', args['max-fpr'] ?? process.env.BULWARK_EVAL_MAX_INJECTION_FPR);
const showErrors = numberArg('errors', args.errors) ?? 0;

const { detectInjection, INJECTION_THRESHOLD } = await import('../src/scan/injection/detect-injection.js');
const threshold = numberArg('threshold', args.threshold) ?? INJECTION_THRESHOLD;

const EVALUATED: ReadonlySet<string> = new Set([...INJECTION_FILES, 'hard_negatives', 'hard_attacks', ...PII_HELDOUT_FILES]);
const rows = loadInjectionRows(dataRoot).filter((r) => r.split === 'heldout' && EVALUATED.has(r.dataset));

interface Result extends ScoredText {
  readonly row: InjectionRow;
}
const started = performance.now();
let bytes = 0;
const results: Result[] = rows.map((row) => {
  bytes += Buffer.byteLength(row.text);
  return { row, label: row.label, score: detectInjection(row.text).score };
});
const elapsed = performance.now() - started;

const benignScores = results.filter((r) => r.label === 0).map((r) => r.score);
const at1 = thresholdForFpr(benignScores, 0.01);

interface Line {
  readonly dataset: string;
  readonly attacks: number;
  readonly benign: number;
  readonly tpr: number | null;
  readonly fpr: number | null;
  readonly precision: number | null;
  readonly rocAuc: number | null;
  /** AUC against the pooled held-out benign texts, when the dataset has no benign rows of its own. */
  readonly aucAgainstPooled: boolean;
  readonly tprAt1: number | null;
}

function line(dataset: string, items: readonly Result[]): Line {
  const c = confusionAt(items, threshold);
  const attacks = items.filter((r) => r.label === 1);
  const own = items.some((r) => r.label === 0);
  const pooled = own ? items : [...attacks, ...results.filter((r) => r.label === 0)];
  return {
    dataset,
    attacks: c.tp + c.fn,
    benign: c.fp + c.tn,
    tpr: ratio(c.tp, c.tp + c.fn),
    fpr: ratio(c.fp, c.fp + c.tn),
    precision: ratio(c.tp, c.tp + c.fp),
    rocAuc: attacks.length > 0 ? rocAuc(pooled) : null,
    aucAgainstPooled: attacks.length > 0 && !own,
    tprAt1: attacks.length > 0 ? ratio(attacks.filter((r) => r.score >= at1).length, attacks.length) : null,
  };
}

const datasets = [...new Set(results.map((r) => r.row.dataset))];
const lines = datasets.map((d) => line(d, results.filter((r) => r.row.dataset === d)));
// BIPIA apart by family kind: code insertions are learned, instructions about the answer are not
// (eval/README.md); each against BIPIA's own held-out benign documents.
const bipia = results.filter((r) => r.row.dataset === 'bipia_train');
const isText = (r: Result): boolean => BIPIA_TEXT_FAMILIES.has(bipiaFamily(r.row.category) ?? '');
const bipiaBenign = bipia.filter((r) => r.label === 0);
if (bipia.length > 0) {
  const at = lines.findIndex((l) => l.dataset === 'bipia_train') + 1;
  lines.splice(
    at,
    0,
    line('↳ bipia code families', [...bipia.filter((r) => r.label === 1 && !isText(r)), ...bipiaBenign]),
    line('↳ bipia text families', [...bipia.filter((r) => r.label === 1 && isText(r)), ...bipiaBenign]),
  );
}
const all = line('**all held-out**', results);
// The ↳ lines re-slice bipia_train; the pooled rows count every row once. The second pooled row
// leaves out what the classifier is not built to catch from text alone (eval/README.md).
const learnable = line('all held-out without bipia text families', results.filter((r) => !(r.row.dataset === 'bipia_train' && r.label === 1 && isText(r))));
const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const table = [
  `Held-out rows only (eval/README.md, "Injection"); threshold ${threshold}; TPR@1% uses the threshold that flags 1% of the ${benignScores.length} pooled benign texts.`,
  '',
  '| dataset | attacks | benign | TPR | FPR | precision | ROC-AUC | TPR @ FPR 1% |',
  '| --- | --: | --: | --: | --: | --: | --: | --: |',
  ...[...lines, all, learnable].map((l) =>
    `| ${l.dataset} | ${l.attacks} | ${l.benign} | ${fmt(l.tpr)} | ${fmt(l.fpr)} | ${fmt(l.precision)} | ${fmt(l.rocAuc)}${l.aucAgainstPooled ? '†' : ''} | ${fmt(l.tprAt1)} |`,
  ),
  '',
  '† against the pooled held-out benign texts (the dataset has no benign rows of its own).',
  `${results.length} texts, ${(bytes / 1024).toFixed(0)} KB in ${elapsed.toFixed(0)} ms (${(elapsed / (bytes / 1024)).toFixed(3)} ms per KB, normalisation and heuristics included).`,
];
console.log(args.quiet ? table.slice(2, -2).join('\n') : table.join('\n'));

if (showErrors > 0) {
  const clip = (t: string): string => JSON.stringify(t.length > 160 ? `${t.slice(0, 160)}…` : t);
  const fps = results.filter((r) => r.label === 0 && r.score >= threshold).sort((a, b) => b.score - a.score);
  const fns = results.filter((r) => r.label === 1 && r.score < threshold).sort((a, b) => a.score - b.score);
  console.log(`\nfalse positives (${fps.length}):`);
  for (const r of fps.slice(0, showErrors)) console.log(`  ${r.score.toFixed(3)} ${r.row.dataset} ${clip(r.row.text)}`);
  console.log(`\nmissed attacks (${fns.length}):`);
  for (const r of fns.slice(0, showErrors)) console.log(`  ${r.score.toFixed(3)} ${r.row.dataset} ${clip(r.row.text)}`);
}

const outPath = resolve(args.out ?? join(root, 'reports', 'eval-injection.json'));
await mkdir(dirname(outPath), { recursive: true });
await writeFile(outPath, `${JSON.stringify({ generatedAt: new Date().toISOString(), threshold, thresholdAt1PercentFpr: at1, msPerKb: elapsed / (bytes / 1024), datasets: lines, all, withoutBipiaTextFamilies: learnable }, null, 2)}\n`);
if (!args.quiet) console.log(`report written to ${outPath}`);

if (args.gate) {
  const failures: string[] = [];
  if (minTpr === undefined && maxFpr === undefined) failures.push('no floors given (--min-tpr / --max-fpr)');
  if (minTpr !== undefined && (all.tpr ?? 0) < minTpr) failures.push(`held-out TPR ${fmt(all.tpr)} < ${minTpr}`);
  if (maxFpr !== undefined && (all.fpr ?? 1) > maxFpr) failures.push(`held-out FPR ${fmt(all.fpr)} > ${maxFpr}`);
  if (failures.length > 0) {
    console.error(`eval:injection gate failed: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log(`eval:injection gate passed (TPR ${fmt(all.tpr)}, FPR ${fmt(all.fpr)})`);
}
