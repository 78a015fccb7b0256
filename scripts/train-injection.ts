// Trains the prompt-injection classifier and writes the compact model to
// src/scan/injection/injection-model-data.ts. Run: `npm run train:injection` (deterministic: fixed
// seed, same bytes on every run; well under a minute on one core).
//
// Data (read from ../shared/data at train time, never copied into the project), split by the one
// function the evaluation also uses (eval/injection-split.ts, documented in eval/README.md):
//   - attacks: injection/deepset_train (label 1), jailbreak_llms, bipia_train (attack strings and
//     documents with an inserted instruction), the hand-written HARD_ATTACKS;
//   - benign: injection/deepset_train (label 0), self_instruct_benign, wildguard_benign, BIPIA
//     documents without an attack, the hand-written HARD_NEGATIVES, and PII prompts from the files
//     the PII evaluation does not use (presidio_generated_*, presidio_synth_dataset_v1_2021, and a
//     sample of wikiann_*_train and wnut17_train). Never presidio_synth_dataset_v2 or deepset_test.
// Only rows on the `train` side are learned from; `calibration` rows (10%) set the default
// threshold (~1% false positives on benign prompts) and the score slope; `heldout` rows (30%) are
// never read here beyond the split itself.
//
// A second model scores untrusted content (`detectInjection(text, {untrusted: true})`): trained on
// documents with and without an inserted instruction (scripts/injection/document-set.ts) and
// calibrated out of fold (scripts/injection/train-document-model.ts); written to
// src/scan/injection/injection-document-model-data.ts.
//
// Model: logistic regression over hashed word unigrams/bigrams, first words and character
// 3-5-grams of the normalised text (src/scan/injection/injection-features.ts), scored on the best
// window of a text (max pooling: instructions hidden in a long document are found), plus the
// heuristic signal scores as dense features. Averaged SGD with L2; int8 weights.
// INJ_* variables override the defaults for experiments (scripts/injection/train-options.ts; INJ_PRUNE);
// scripts/injection/cross-validate.ts compares settings without touching the held-out rows.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyInjection } from '../src/scan/injection/injection-classifier.js';
import { decodeInjectionModel, DENSE_FEATURES } from '../src/scan/injection/injection-model.js';
import { heuristicSignals } from '../src/scan/injection/heuristic-signals.js';
import { normalizeForInjection } from '../src/scan/injection/normalize-for-injection.js';
import { fitSlope, ratesByDataset, thresholdAt, type Scored } from './injection/calibrate.js';
import { encodeModel, quantize } from './injection/encode-model.js';
import { trainModel, type TrainOptions } from './injection/train-model.js';
import { directOptions, documentOptions } from './injection/train-options.js';
import { trainDocumentModel } from './injection/train-document-model.js';
import { balance, buildTrainingSet, NOT_PROMPTS } from './injection/training-set.js';
import { seededRandom } from './seeded-random.js';

const SEED = 20250117;
const OPTIONS: TrainOptions = directOptions();
const PRUNE = Number(process.env.INJ_PRUNE ?? 1);
const DOCUMENT_OPTIONS: TrainOptions = documentOptions();
/** Benign calibration texts above the threshold: the default operating point. */
const TARGET_FPR = 0.01;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = resolve(root, '../shared/data');
const outFile = resolve(root, 'src/scan/injection/injection-model-data.ts');
const documentOutFile = resolve(root, 'src/scan/injection/injection-document-model-data.ts');
if (!existsSync(resolve(dataRoot, 'injection'))) {
  console.error(`training data not found at ${dataRoot}/injection (expected ../shared/data beside the project)`);
  process.exit(1);
}

const t0 = Date.now();
const set = buildTrainingSet(dataRoot, OPTIONS.bits, SEED);
const examples = set.train.map((t) => t.example);
balance(examples);
const featureCount = examples.reduce((s, e) => s + e.feats.length, 0);
console.log(`${examples.length} training texts (${examples.filter((e) => e.label === 1).length} attacks), ${featureCount} feature occurrences, featurized in ${Date.now() - t0} ms`);

const float = trainModel(examples, OPTIONS, seededRandom(SEED + 1));
console.log(`trained ${OPTIONS.epochs} epochs in ${Date.now() - t0} ms; bias ${float.bias.toFixed(3)}, dense ${[...float.dense].map((d, k) => `${DENSE_FEATURES[k]}=${d.toFixed(2)}`).join(' ')}`);

// Calibrate with the quantized model through the run-time code path.
const { q, unit } = quantize(float.weights, PRUNE);
const provisional = decodeInjectionModel(encodeModel(OPTIONS.bits, q, unit, float, { threshold: 0, slope: 1 }, DENSE_FEATURES, OPTIONS.window));
const scored: Scored[] = set.calibration.map(({ row }) => {
  const normalized = normalizeForInjection(row.text);
  return { z: classifyInjection(normalized, heuristicSignals(normalized), provisional).logit, label: row.label, dataset: row.dataset };
});
const threshold = thresholdAt(scored.filter((s) => s.label === 0 && !NOT_PROMPTS.test(s.dataset)).map((s) => s.z), TARGET_FPR);
const slope = fitSlope(scored, threshold);
const bytes = encodeModel(OPTIONS.bits, q, unit, float, { threshold, slope }, DENSE_FEATURES, OPTIONS.window);

console.log(`calibration slice (threshold logit ${threshold.toFixed(3)}, slope ${slope.toFixed(3)}):`);
for (const line of ratesByDataset(scored, threshold)) console.log(line);

const b64 = Buffer.from(bytes).toString('base64');
const source = `// Generated by \`npm run train:injection\` (scripts/train-injection.ts). Do not edit by hand.
// ${bytes.length} bytes: int8 weights of a hashed logistic regression (2^${OPTIONS.bits} buckets, ${q.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0)} non-zero).
/** The injection classifier in base64 (layout: see decodeInjectionModel in injection-model.ts). */
export const INJECTION_MODEL_BASE64 =
  '${b64}';
`;
writeFileSync(`${outFile}.tmp`, source);
renameSync(`${outFile}.tmp`, outFile);
console.log(`wrote ${outFile} (${bytes.length} bytes, ${source.length} characters) in ${Date.now() - t0} ms`);

const document = trainDocumentModel(dataRoot, DOCUMENT_OPTIONS, SEED, PRUNE);
for (const line of document.report) console.log(line);
const documentSource = `// Generated by \`npm run train:injection\` (scripts/train-injection.ts). Do not edit by hand.
// ${document.bytes.length} bytes: int8 weights of the document model (untrusted content; 2^${DOCUMENT_OPTIONS.bits} buckets, ${document.nonZero} non-zero).
/** The document model in base64 (layout: see decodeInjectionModel in injection-model.ts). */
export const INJECTION_DOCUMENT_MODEL_BASE64 =
  '${Buffer.from(document.bytes).toString('base64')}';
`;
writeFileSync(`${documentOutFile}.tmp`, documentSource);
renameSync(`${documentOutFile}.tmp`, documentOutFile);
console.log(`wrote ${documentOutFile} (${document.bytes.length} bytes) in ${Date.now() - t0} ms`);
