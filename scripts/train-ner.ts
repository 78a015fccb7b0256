// Trains the NER tier (PERSON, LOCATION, ORGANIZATION, STREET_ADDRESS) and writes the compact
// model to src/scan/ner/ner-model-data.ts. Run: `npm run train:ner` (deterministic: fixed seed,
// about 20-40 s on 2 cores).
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
// Held out (for the printed checks and score calibration): 10% of presidio_generated_large and
// 1,000 wikiann_en_train sentences.
// Never used: presidio_synth_dataset_v2.jsonl (the gated benchmark), every *_dev / *_test file,
// and no external name lists. Hand-written lists (titles, street words, legal-form suffixes)
// are in scripts/ner/hand-lists.ts.
// Case augmentation: lower- and upper-cased copies of a share of the sentences, so the model
// does not depend on capitalisation alone. The defaults below reproduce the committed model
// byte for byte; NER_BITS, NER_PRUNE, NER_PRESIDIO_WEIGHT, NER_SYNTHETIC, NER_EPOCHS (and
// NER_MIN_COMMON in lexicon.ts) override them for experiments.
import { existsSync, writeFileSync } from 'node:fs';
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

const SEED = 20240601;
const BITS = Number(process.env.NER_BITS ?? 17);
const PRUNE = Number(process.env.NER_PRUNE ?? 4);
const PRESIDIO_WEIGHT = Number(process.env.NER_PRESIDIO_WEIGHT ?? 6);
const SYNTHETIC_COUNT = Number(process.env.NER_SYNTHETIC ?? 1500);
const EPOCHS = Number(process.env.NER_EPOCHS ?? 10);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, '../shared/data/pii');
const outFile = resolve(root, 'src/scan/ner/ner-model-data.ts');
if (!existsSync(dataDir)) {
  console.error(`training data not found at ${dataDir} (expected ../shared/data/pii beside the project)`);
  process.exit(1);
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);

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
  ...load('wnut17_train'),
];
// The lexicon counts words over all of the WikiANN training files (not only the subsample the
// perceptron sees): more names known in any case.
const lexicon = buildLexicon([
  ...presidio,
  ...wikiEn.slice(1000),
  ...load('wikiann_de_train'),
  ...load('wikiann_fr_train'),
  ...load('wikiann_nl_train'),
  ...load('wnut17_train'),
]);
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
const held = heldOut.map((ex) => featurize(ex, words, 1));
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
const { temperature, cut } = calibrate(model, deq, held);
const bytes = encodeModel(BITS, q, unit / temperature, cut, lexicon);
const b64 = btoa(bytesToBinary(bytes));
function bytesToBinary(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}
writeFileSync(
  outFile,
  `// Generated by \`npm run train:ner\` (scripts/train-ner.ts). Do not edit by hand.\n` +
    `// ${bytes.length} bytes: int8 weights of a hashed averaged perceptron plus its word lexicon.\n` +
    `/** The NER model in base64 (layout: see decodeNerModel in ner-model.ts). */\n` +
    `export const NER_MODEL_BASE64 =\n  '${b64}';\n`,
);
console.log(
  `temperature ${temperature.toFixed(2)}; wrote ${outFile} (${bytes.length} bytes, base64 ${b64.length}) in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
);
