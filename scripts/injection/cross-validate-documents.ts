// Compares settings of the document model (untrusted content) by 5-fold cross-validation over
// its training and calibration rows, grouped like the split: a BIPIA attack family is one group,
// so each fold scores families its model never saw. Held-out rows are never read.
// Run: `npx tsx scripts/injection/cross-validate-documents.ts` with the INJ_* variables of the
// trainer and of scripts/injection/document-set.ts (INJ_DOC_WEIGHTS, INJ_DOC_REQUESTS, INJ_DOC_INSERT).
// Prints, per kind of text, the out-of-fold TPR / FPR at the threshold that flags 1% of BIPIA's
// clean documents (what the evaluation reports) and at the stricter one that flags 1% of all
// benign documents (BIPIA's and the hand-written ones), and the ROC-AUC of BIPIA attacks against
// BIPIA's clean documents. INJ_BIPIA=1 adds a line per family, INJ_SHOW=N misses and false
// positives (with the winning window), INJ_DENSE=1 each fold's dense weights.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIPIA_TEXT_FAMILIES } from '../../eval/injection-data.js';
import { rocAuc, thresholdForFpr } from '../../eval/injection-metrics.js';
import { bipiaFamily, fnv1a } from '../../eval/injection-split.js';
import { DOCUMENT_DENSE_FEATURES } from '../../src/scan/injection/injection-model.js';
import { normalizeForInjection } from '../../src/scan/injection/normalize-for-injection.js';
import { seededRandom } from '../seeded-random.js';
import { buildDocumentSet } from './document-set.js';
import { MaxWindowLogistic } from './max-window-logistic.js';
import { trainModel, type TrainOptions } from './train-model.js';
import { documentOptions } from './train-options.js';
import { balance, type TrainingText } from './training-set.js';

const FOLDS = 5;
const SEED = 20250117;
const options: TrainOptions = documentOptions();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const set = buildDocumentSet(resolve(root, '../shared/data'), options.bits, SEED);
const all: TrainingText[] = [...set.train, ...set.calibration];
const fold = (t: TrainingText): number => fnv1a(`cv:${t.row.group}`) % FOLDS;

const scores = new Map<TrainingText, number>();
const windows = new Map<TrainingText, string>();
for (let k = 0; k < FOLDS; k++) {
  const examples = all.filter((t) => fold(t) !== k).map((t) => ({ ...t.example }));
  balance(examples);
  const model = trainModel(examples, options, seededRandom(SEED + 1), DOCUMENT_DENSE_FEATURES.length);
  if (process.env.INJ_DENSE) console.log(`fold ${k}: bias ${model.bias.toFixed(2)} ${[...model.dense].map((d, i) => `${DOCUMENT_DENSE_FEATURES[i]}=${d.toFixed(2)}`).join(' ')}`);
  const scorer = new MaxWindowLogistic(options.bits, DOCUMENT_DENSE_FEATURES.length, options.window);
  for (const t of all) {
    if (fold(t) !== k) continue;
    const best = scorer.best(t.example, model.weights, model.dense, model.bias);
    scores.set(t, best.z);
    if (best.window.first < (t.example.views[1] ?? 0)) {
      // The text of the winning window (segment offsets are into the normalised text).
      const text = normalizeForInjection(t.row.text).text;
      windows.set(t, text.slice(t.example.bounds[2 * best.window.first], t.example.bounds[2 * best.window.last + 1]));
    }
  }
}

/** The kind of a text for the report. */
function kind(t: TrainingText): string {
  const r = t.row;
  if (r.category.startsWith('inserted/')) return 'inserted attacks';
  if (r.dataset === 'bipia_train') {
    if (r.label === 0) return `bipia clean ${r.category.split('/')[1] ?? ''}`;
    const family = bipiaFamily(r.category) ?? '';
    const fam = BIPIA_TEXT_FAMILIES.has(family) ? 'text' : 'code';
    return `bipia ${fam} ${r.category.startsWith('indirect_payload/') ? 'payloads' : 'documents'}`;
  }
  return `${r.dataset} ${r.label === 1 ? 'attacks' : 'benign'}`;
}

const score = (t: TrainingText): number => scores.get(t) as number;
const benign = all.filter((t) => t.row.label === 0);
// Documents proper (BIPIA's clean documents and the hand-written ones), not tweets and customer
// messages: those are plentiful and easy, and would let the documents' FPR drift.
const documents = benign.filter((t) => t.row.dataset === 'bipia_train' || t.row.dataset === 'doc_negatives');
const clean = all.filter((t) => t.row.dataset === 'bipia_train' && t.row.label === 0);
// What the evaluation reports: TPR at 1% FPR on BIPIA's clean documents. The hand-written
// documents (harder on purpose) show their FPR at that point and set the stricter second one.
const threshold = thresholdForFpr(clean.map(score), 0.01);
const strict = thresholdForFpr(documents.map(score), 0.01);

const bipiaAttacks = all.filter((t) => t.row.dataset === 'bipia_train' && t.row.label === 1 && !t.row.category.startsWith('inserted/'));
const auc = rocAuc([...bipiaAttacks, ...clean].map((t) => ({ score: score(t), label: t.row.label })));
const textAttacks = bipiaAttacks.filter((t) => kind(t).startsWith('bipia text'));
const rate = (list: readonly TrainingText[], at: number): string => `${(list.filter((t) => score(t) >= at).length / Math.max(1, list.length)).toFixed(3)}`;
console.log(`options ${JSON.stringify(options)} ${process.env.INJ_DOC_WEIGHTS ?? ''} requests=${process.env.INJ_DOC_REQUESTS ?? '1'} insert=${process.env.INJ_DOC_INSERT ?? '400'}`);
console.log(`BIPIA AUC ${auc?.toFixed(4)}; text-family TPR at 1% of BIPIA clean ${rate(textAttacks, threshold)}, at 1% of all benign documents ${rate(textAttacks, strict)}; all BIPIA attacks ${rate(bipiaAttacks, threshold)} / ${rate(bipiaAttacks, strict)}`);
const groups = new Map<string, TrainingText[]>();
for (const t of all) groups.set(kind(t), [...(groups.get(kind(t)) ?? []), t]);
for (const [key, list] of [...groups].sort()) {
  const attacks = list[0]?.row.label === 1;
  console.log(`  ${key.padEnd(40)} ${attacks ? 'TPR' : 'FPR'} ${rate(list, threshold)} (${list.filter((t) => score(t) >= threshold).length}/${list.length})  at 1% of documents: ${rate(list, strict)}`);
}
if (process.env.INJ_BIPIA) {
  const by = new Map<string, [number, number]>();
  for (const t of bipiaAttacks) {
    const key = `${bipiaFamily(t.row.category) ?? ''} ${t.row.category.startsWith('indirect_payload/') ? 'payload' : 'doc'}`;
    const e = by.get(key) ?? [0, 0];
    e[1]++;
    if (score(t) >= threshold) e[0]++;
    by.set(key, e);
  }
  for (const [k, [hit, n]] of [...by].sort()) console.log(`  bipia ${k.padEnd(44)} ${hit}/${n}`);
}
const show = Number(process.env.INJ_SHOW ?? 0);
if (show > 0) {
  const clip = (s: string): string => JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}…` : s);
  const misses = all.filter((t) => t.row.label === 1 && score(t) < threshold && (t.row.dataset === 'bipia_train' || t.row.dataset === 'doc_attacks'));
  for (const t of misses.slice(0, show)) console.log(`miss ${score(t).toFixed(2)} ${kind(t)} ${clip(t.row.text)}`);
  const fps = benign.filter((t) => score(t) >= threshold).sort((a, b) => score(b) - score(a));
  for (const t of fps.slice(0, show)) console.log(`fp ${score(t).toFixed(2)} ${kind(t)} window ${clip(windows.get(t) ?? '(decoded payload)')}`);
}
