// Trains the NER tier (PERSON, LOCATION, ORGANIZATION, STREET_ADDRESS) and writes the compact
// model to src/scan/ner/ner-model-data.ts. Run: `npm run train:ner` (deterministic: fixed seed,
// about 15-25 s on 2 cores).
//
// Training set (read from ../shared/data/pii at train time, never copied into the project):
//   - wikiann_{en,de,fr,nl}_train.jsonl  (Wikipedia PER/LOC/ORG; de/fr/nl subsampled to 8,000
//     sentences each for the perceptron, used whole for the word lexicon)
//   - wnut17_train.jsonl                  (social media; person, location, corporation, group)
//   - presidio_generated_large.jsonl, presidio_generated_small.jsonl,
//     presidio_synth_dataset_v1_2021.jsonl (template sentences; PERSON, LOCATION, ORGANIZATION,
//     ADDRESS), up-weighted because they look like chat text.
//   - chat-shaped sentences from hand-written templates (greetings, sign-offs, transcripts)
//     filled with names taken from the training split (scripts/ner/synthetic-examples.ts).
//   - entity-free text (scripts/ner/negative-examples.ts): the stretches of the WikiANN
//     sentences above between their entities, headline-cased copies of wnut17_train's
//     entity-free sentences, and hand-written prompt shapes (instructions, option lists).
//   - lower-case word counts (no labels, no names) from injection/wildguard_benign.jsonl and
//     injection/deepset_train.jsonl, for the lexicon's "common word" flag only.
// Held out (for the printed checks and score calibration): 10% of presidio_generated_large,
// 1,000 wikiann_en_train sentences (and their entity-free stretches), 400 wnut17_train tweets and
// 300 generated prompt shapes.
// Never used: presidio_synth_dataset_v2.jsonl (the gated benchmark), every *_dev / *_test file,
// injection/self_instruct_benign.jsonl (held out for benign false positives:
// scripts/ner/benign-ner.ts), and no external name lists. Hand-written lists (titles, street
// words, legal-form suffixes, weekday/courtesy words) are in scripts/ner/hand-lists.ts.
// Case augmentation: lower- and upper-cased copies of a share of the sentences, so the model
// does not depend on capitalisation alone. The defaults below reproduce the committed model
// byte for byte; NER_BITS, NER_PRUNE, NER_PRESIDIO_WEIGHT, NER_SYNTHETIC, NER_EPOCHS,
// NER_STRETCH_WEIGHT, NER_NEGATIVE_WEIGHT, NER_CHAT_NEGATIVES, NER_NEGATIVE_FP_WEIGHT, NER_MAX_CUT
// (and NER_MIN_COMMON, NER_MIN_CAP_COMMON in lexicon.ts) override them for experiments.
// 2^16 weight rows (not more): the table (590 KB) then mostly stays in cache, which is what
// makes scoring fast, and the model file is half the size, at no measurable loss.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WordMap } from '../src/scan/ner/word-map.js';
import { encodeModel, quantize } from './ner/encode-model.js';
import { featurize, type Sequence } from './ner/featurize.js';
import { buildLexicon } from './ner/lexicon.js';
import { loadExamples, type Example } from './ner/load-training-data.js';
import { Perceptron } from './ner/perceptron.js';
import { syntheticExamples } from './ner/synthetic-examples.js';
import { calibrate, heldOutReport } from './ner/calibrate.js';
import { chatNegatives, entityFreeStretches, titleCase } from './ner/negative-examples.js';
import { seededRandom } from './seeded-random.js';

const SEED = 20240601;
const BITS = Number(process.env.NER_BITS ?? 16);
const PRUNE = Number(process.env.NER_PRUNE ?? 4);
const PRESIDIO_WEIGHT = Number(process.env.NER_PRESIDIO_WEIGHT ?? 6);
const SYNTHETIC_COUNT = Number(process.env.NER_SYNTHETIC ?? 1500);
const EPOCHS = Number(process.env.NER_EPOCHS ?? 10);
const STRETCH_WEIGHT = Number(process.env.NER_STRETCH_WEIGHT ?? 3);
const NEGATIVE_WEIGHT = Number(process.env.NER_NEGATIVE_WEIGHT ?? 3);
const CHAT_NEGATIVES = Number(process.env.NER_CHAT_NEGATIVES ?? 1500);
// In calibration, a finding in an entity-free held-out text costs this many false positives:
// most gateway traffic names no one, and every finding there rewrites a user's prompt.
const NEGATIVE_FP_WEIGHT = Number(process.env.NER_NEGATIVE_FP_WEIGHT ?? 8);
// Cuts above this would trade too much recall on held-out names for fewer false alarms.
const MAX_CUT = Number(process.env.NER_MAX_CUT ?? 0.65);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, '../shared/data/pii');
const outFile = resolve(root, 'src/scan/ner/ner-model-data.ts');
if (!existsSync(dataDir)) {
  console.error(`training data not found at ${dataDir} (expected ../shared/data/pii beside the project)`);
  process.exit(1);
}

const random = seededRandom(SEED);

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function load(name: string, limit = Infinity): Example[] {
  const all = loadExamples(resolve(dataDir, `${name}.jsonl`), name);
  return all.length > limit ? shuffle(all).slice(0, limit) : all;
}

/** Same text in other case; skipped where case mapping changes the length (offsets would move). */
function recase(ex: Example, f: (s: string) => string): Example | undefined {
  const text = f(ex.text);
  return text.length === ex.text.length ? { ...ex, text } : undefined;
}

const t0 = Date.now();
const presidioLarge = shuffle(load('presidio_generated_large'));
const heldCount = Math.floor(presidioLarge.length * 0.1);
const wikiEn = shuffle(load('wikiann_en_train'));
const wnut = shuffle(load('wnut17_train'));
const heldOut = [...presidioLarge.slice(0, heldCount), ...wikiEn.slice(0, 1000)];
const presidio = [
  ...presidioLarge.slice(heldCount),
  ...load('presidio_generated_small'),
  ...load('presidio_synth_dataset_v1_2021'),
];
const general = [
  ...wikiEn.slice(1000),
  ...load('wikiann_de_train', 8000),
  ...load('wikiann_fr_train', 8000),
  ...load('wikiann_nl_train', 8000),
  ...wnut.slice(400),
];
// The lexicon counts words over all of the WikiANN training files (not only the subsample the
// perceptron sees): more names known in any case.
const unlabelled = ['wildguard_benign', 'deepset_train'].flatMap((name) =>
  readFileSync(resolve(dataDir, `../injection/${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
const lexicon = buildLexicon([
  ...presidio,
  ...wikiEn.slice(1000),
  ...load('wikiann_de_train'),
  ...load('wikiann_fr_train'),
  ...load('wikiann_nl_train'),
  ...wnut.slice(400),
], unlabelled);
const words = new WordMap(lexicon.hashes, lexicon.flags);
console.log(`lexicon: ${lexicon.hashes.length} words`);

const train: Sequence[] = [];
const add = (ex: Example | undefined, weight: number): void => {
  if (ex) train.push(featurize(ex, words, weight));
};
const lower = (s: string): string => s.toLowerCase();
const upper = (s: string): string => s.toUpperCase();
// Names for the templates come from the training split only (never from held-out sentences).
const synthetic = syntheticExamples([...presidio, ...wikiEn.slice(1000)], SYNTHETIC_COUNT, random);
for (const ex of [...presidio, ...synthetic]) {
  add(ex, PRESIDIO_WEIGHT);
  if (random() < 0.35) add(recase(ex, lower), 2);
  if (random() < 0.15) add(recase(ex, upper), 2);
}
for (const ex of general) {
  add(ex, 1);
  if (random() < 0.2) add(recase(ex, lower), 1);
  if (random() < 0.08) add(recase(ex, upper), 1);
}
const stretches = general.filter((ex) => ex.source.startsWith('wikiann')).flatMap((ex) => entityFreeStretches(ex, 4));
for (const ex of stretches) add(ex, STRETCH_WEIGHT);
for (const ex of general) {
  if (ex.spans.length === 0 && ex.source.startsWith('wnut') && random() < 0.3) add({ ...ex, text: titleCase(ex.text) }, 1);
}
const negatives = chatNegatives(CHAT_NEGATIVES + 300, random);
for (const ex of negatives.slice(300)) {
  add(ex, NEGATIVE_WEIGHT);
  if (random() < 0.2) add(recase(ex, lower), 1);
}
console.log(`entity-free: ${stretches.length} WikiANN stretches, ${CHAT_NEGATIVES} prompt shapes`);
const heldOutNegatives = [...wnut.slice(0, 400), ...wikiEn.slice(0, 1000).flatMap((ex) => entityFreeStretches(ex, 4)), ...negatives.slice(0, 300)];
const held = [...heldOut, ...heldOutNegatives].map((ex) => featurize(ex, words, 1));
const heldLower = heldOut.flatMap((ex) => {
  const r = recase(ex, lower);
  return r ? [featurize(r, words, 1)] : [];
});
console.log(`featurized ${train.length} sequences in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

const model = new Perceptron(BITS);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (const seq of shuffle(train)) model.decode(seq, model.w, true);
  const avg = model.averaged();
  console.log(`epoch ${epoch}: held-out ${heldOutReport(model, avg, held)}; lower-cased ${heldOutReport(model, avg, heldLower)}`);
}

const { q, unit } = quantize(model.averaged(), PRUNE);
const deq = Float64Array.from(q, (v) => v * unit);
const { temperature, cuts } = calibrate(model, deq, held, NEGATIVE_FP_WEIGHT, MAX_CUT);
const bytes = encodeModel(BITS, q, unit / temperature, cuts, lexicon);
const b64 = btoa(bytesToBinary(bytes));
function bytesToBinary(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}
// Written beside the target and renamed over it, so the model file is never half-written.
writeFileSync(
  `${outFile}.tmp`,
  `// Generated by \`npm run train:ner\` (scripts/train-ner.ts). Do not edit by hand.\n` +
    `// ${bytes.length} bytes: int8 weights of a hashed averaged perceptron plus its word lexicon.\n` +
    `/** The NER model in base64 (layout: see decodeNerModel in ner-model.ts). */\n` +
    `export const NER_MODEL_BASE64 =\n  '${b64}';\n`,
);
renameSync(`${outFile}.tmp`, outFile);
console.log(
  `temperature ${temperature.toFixed(2)}; wrote ${outFile} (${bytes.length} bytes, base64 ${b64.length}) in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
);
