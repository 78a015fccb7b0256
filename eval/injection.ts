/**
 * `npm run eval:injection`: `detectInjection` on held-out rows only (the split is
 * eval/injection-split.ts, eval/README.md), in two sections:
 * - direct prompts (default mode): deepset's test split, in-the-wild jailbreaks and hand-written
 *   attacks against benign prompts (self-instruct, WildGuard, hand-written hard negatives, the PII
 *   benchmark's chat prompts). The headline is the pooled TPR at the threshold that flags 1% of
 *   the benign prompts;
 * - documents (`untrusted: true`): BIPIA's emails, tables and code with an inserted instruction,
 *   its payloads alone and hand-written documents, against BIPIA's clean documents, hand-written
 *   benign documents, tweets and customer messages.
 * A third table keeps the previous headline (every held-out row, BIPIA included, in direct mode).
 * Prints markdown tables and writes reports/eval-injection.json.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BIPIA_TEXT_FAMILIES, loadInjectionRows, PII_HELDOUT_FILES, type InjectionRow } from './injection-data.js';
import { checkInjectionGate } from './injection-gate.js';
import { fmt3, formatLines, line, type Line } from './injection-lines.js';
import { thresholdForFpr, type ScoredText } from './injection-metrics.js';
import { bipiaFamily } from './injection-split.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    gate: { type: 'boolean', default: false },
    'min-tpr-at-1': { type: 'string' },
    'min-tpr': { type: 'string' },
    'max-fpr': { type: 'string' },
    'min-document-tpr': { type: 'string' },
    'max-document-fpr': { type: 'string' },
    threshold: { type: 'string' },
    'untrusted-threshold': { type: 'string' },
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
const floors = {
  minTprAt1: numberArg('min-tpr-at-1', args['min-tpr-at-1'] ?? process.env.BULWARK_EVAL_MIN_INJECTION_TPR_AT_1),
  minTpr: numberArg('min-tpr', args['min-tpr'] ?? process.env.BULWARK_EVAL_MIN_INJECTION_TPR),
  maxFpr: numberArg('max-fpr', args['max-fpr'] ?? process.env.BULWARK_EVAL_MAX_INJECTION_FPR),
  minDocumentTpr: numberArg('min-document-tpr', args['min-document-tpr'] ?? process.env.BULWARK_EVAL_MIN_DOCUMENT_TPR),
  maxDocumentFpr: numberArg('max-document-fpr', args['max-document-fpr'] ?? process.env.BULWARK_EVAL_MAX_DOCUMENT_FPR),
};
const showErrors = numberArg('errors', args.errors) ?? 0;

const { detectInjection, INJECTION_THRESHOLD, UNTRUSTED_INJECTION_THRESHOLD } = await import('../src/scan/injection/detect-injection.js');
const threshold = numberArg('threshold', args.threshold) ?? INJECTION_THRESHOLD;
const untrustedThreshold = numberArg('untrusted-threshold', args['untrusted-threshold']) ?? UNTRUSTED_INJECTION_THRESHOLD;

/** Direct prompts: what a user types. */
const DIRECT: ReadonlySet<string> = new Set(['deepset_test', 'jailbreak_llms', 'hard_attacks', 'self_instruct_benign', 'wildguard_benign', 'hard_negatives', ...PII_HELDOUT_FILES]);
/** Content that arrives as tool results or retrieved documents. */
const DOCUMENTS: ReadonlySet<string> = new Set(['bipia_train', 'doc_attacks', 'doc_negatives']);
/** Text that arrives as content too (tweets, customer messages): benign in untrusted mode. */
const CONTENT: ReadonlySet<string> = new Set(['wnut17_train', 'presidio_generated_large', 'presidio_generated_small', 'presidio_synth_dataset_v1_2021']);
const rows = loadInjectionRows(dataRoot).filter((r) => r.split === 'heldout' && (DIRECT.has(r.dataset) || DOCUMENTS.has(r.dataset) || CONTENT.has(r.dataset)));

interface Result extends ScoredText {
  readonly row: InjectionRow;
}
let bytes = 0;
let elapsed = 0;
function score(list: readonly InjectionRow[], untrusted: boolean): Result[] {
  const started = performance.now();
  const out = list.map((row) => {
    bytes += Buffer.byteLength(row.text);
    return { row, label: row.label, score: detectInjection(row.text, untrusted ? { untrusted } : {}).score };
  });
  elapsed += performance.now() - started;
  return out;
}
const by = (results: readonly Result[], dataset: string): Result[] => results.filter((r) => r.row.dataset === dataset);
const benignOf = (results: readonly Result[]): Result[] => results.filter((r) => r.label === 0);

// 1. Direct prompts, default mode.
const direct = score(rows.filter((r) => DIRECT.has(r.dataset)), false);
const directBenign = benignOf(direct);
const directCtx = { threshold, at1: thresholdForFpr(directBenign.map((r) => r.score), 0.01), benign: directBenign };
const directLines = [...DIRECT].filter((d) => by(direct, d).length > 0).map((d) => line(d, by(direct, d), directCtx));
const directAll = line('**all direct prompts**', direct, directCtx);
// The same without the hand-written fixtures: comparable across changes to the fixtures.
const isPublic = (r: Result): boolean => r.row.dataset !== 'hard_attacks' && r.row.dataset !== 'hard_negatives';
const publicBenign = directBenign.filter(isPublic);
const publicCtx = { threshold, at1: thresholdForFpr(publicBenign.map((r) => r.score), 0.01), benign: publicBenign };
const directPublic = line('all direct prompts, public data only (no hand-written fixtures)', direct.filter(isPublic), publicCtx);

// 2. Documents, untrusted mode. TPR @ 1% uses the threshold that flags 1% of BIPIA's clean documents.
const documents = score(rows.filter((r) => DOCUMENTS.has(r.dataset) || CONTENT.has(r.dataset)), true);
const bipia = by(documents, 'bipia_train');
const clean = benignOf(bipia);
const documentCtx = { threshold: untrustedThreshold, at1: thresholdForFpr(clean.map((r) => r.score), 0.01), benign: clean };
const isText = (r: Result): boolean => BIPIA_TEXT_FAMILIES.has(bipiaFamily(r.row.category) ?? '');
const isPayload = (r: Result): boolean => r.row.category.startsWith('indirect_payload/');
const bipiaAttacks = bipia.filter((r) => r.label === 1);
const documentAll = line('**BIPIA, all attacks vs clean documents**', bipia, documentCtx);
const documentLines = [
  line('BIPIA code families, in documents', [...bipiaAttacks.filter((r) => !isText(r) && !isPayload(r)), ...clean], documentCtx),
  line('BIPIA text families, in documents', [...bipiaAttacks.filter((r) => isText(r) && !isPayload(r)), ...clean], documentCtx),
  line('BIPIA payloads alone (raw strings)', [...bipiaAttacks.filter(isPayload), ...clean], documentCtx),
  documentAll,
  line('hand-written document attacks vs benign documents', by(documents, 'doc_attacks').concat(by(documents, 'doc_negatives')), documentCtx),
  line('tweets, customer messages (benign content)', documents.filter((r) => CONTENT.has(r.row.dataset)), documentCtx),
];

// 3. The previous headline: every held-out row of the injection data in direct mode, BIPIA included.
const bipiaDirect = score(rows.filter((r) => r.dataset === 'bipia_train'), false);
const combined = [...direct, ...bipiaDirect];
const combinedBenign = benignOf(combined);
const combinedCtx = { threshold, at1: thresholdForFpr(combinedBenign.map((r) => r.score), 0.01), benign: combinedBenign };
const combinedLines = [
  line('all held-out, direct mode (BIPIA included)', combined, combinedCtx),
  line('all held-out, direct mode, without BIPIA text families', combined.filter((r) => !(r.row.dataset === 'bipia_train' && r.label === 1 && isText(r))), combinedCtx),
];

const table = [
  `Held-out rows only (eval/README.md, "Injection").`,
  '',
  `Direct prompts (default mode, threshold ${threshold}; TPR @ 1% flags 1% of the ${directBenign.length} benign prompts):`,
  '',
  ...formatLines([...directLines, directAll, directPublic]),
  '',
  `Documents (untrusted mode, threshold ${untrustedThreshold}; TPR @ 1% flags 1% of the ${clean.length} clean BIPIA documents, i.e. none of them):`,
  '',
  ...formatLines(documentLines),
  '',
  'Previous headline (direct mode on every held-out row; BIPIA documents are not prompts):',
  '',
  ...formatLines(combinedLines),
  '',
  '† against the reference benign texts of the section (the row has no benign texts of its own).',
  `${direct.length + documents.length + bipiaDirect.length} scorings, ${(bytes / 1024).toFixed(0)} KB in ${elapsed.toFixed(0)} ms (${(elapsed / (bytes / 1024)).toFixed(3)} ms per KB, normalisation and heuristics included).`,
];
console.log(args.quiet ? table.filter((l) => l.startsWith('|') || l.endsWith(':')).join('\n') : table.join('\n'));

if (showErrors > 0) {
  const clip = (t: string): string => JSON.stringify(t.length > 160 ? `${t.slice(0, 160)}…` : t);
  const report = (name: string, results: readonly Result[], at: number): void => {
    const fps = results.filter((r) => r.label === 0 && r.score >= at).sort((a, b) => b.score - a.score);
    const fns = results.filter((r) => r.label === 1 && r.score < at).sort((a, b) => a.score - b.score);
    console.log(`\n${name}: false positives (${fps.length}):`);
    for (const r of fps.slice(0, showErrors)) console.log(`  ${r.score.toFixed(3)} ${r.row.dataset} ${clip(r.row.text)}`);
    console.log(`${name}: missed attacks (${fns.length}):`);
    for (const r of fns.slice(0, showErrors)) console.log(`  ${r.score.toFixed(3)} ${r.row.dataset} ${clip(r.row.text)}`);
  };
  report('direct prompts', direct, threshold);
  report('documents', documents, untrustedThreshold);
}

const outPath = resolve(args.out ?? join(root, 'reports', 'eval-injection.json'));
await mkdir(dirname(outPath), { recursive: true });
const json = {
  generatedAt: new Date().toISOString(),
  msPerKb: elapsed / (bytes / 1024),
  direct: { threshold, thresholdAt1PercentFpr: directCtx.at1, datasets: directLines, all: directAll, publicOnly: directPublic },
  documents: { threshold: untrustedThreshold, thresholdAt1PercentFpr: documentCtx.at1, rows: documentLines },
  previousHeadline: { threshold, thresholdAt1PercentFpr: combinedCtx.at1, rows: combinedLines },
};
await writeFile(outPath, `${JSON.stringify(json, null, 2)}\n`);
if (!args.quiet) console.log(`report written to ${outPath}`);

if (args.gate) {
  const failures = checkInjectionGate(directAll, documentAll, floors);
  if (failures.length > 0) {
    console.error(`eval:injection gate failed: ${failures.join('; ')}`);
    process.exit(1);
  }
  const summary = (l: Line): string => `TPR ${fmt3(l.tpr)}, FPR ${fmt3(l.fpr)}, TPR@1% ${fmt3(l.tprAt1)}`;
  console.log(`eval:injection gate passed (direct prompts: ${summary(directAll)}; BIPIA documents: ${summary(documentAll)})`);
}
