// Compares training settings by 5-fold cross-validation over the training and calibration rows
// (grouped like the split, so near-duplicates share a fold); the held-out rows are never read.
// Run: `npx tsx scripts/injection/cross-validate.ts` with the INJ_* variables of the trainer.
// Prints, per dataset, the out-of-fold TPR / FPR at the threshold that flags 1% of the
// prompt-like benign texts, and the pooled ROC-AUC.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../../eval/injection-split.js';
import { rocAuc, thresholdForFpr } from '../../eval/injection-metrics.js';
import { DENSE_FEATURES } from '../../src/scan/injection/injection-model.js';
import { seededRandom } from '../seeded-random.js';
import { MaxWindowLogistic } from './max-window-logistic.js';
import { trainModel, type TrainOptions } from './train-model.js';
import { directOptions } from './train-options.js';
import { balance, buildTrainingSet, NOT_PROMPTS, type TrainingText } from './training-set.js';

const FOLDS = 5;
const SEED = 20250117;
const options: TrainOptions = directOptions();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const set = buildTrainingSet(resolve(root, '../shared/data'), options.bits, SEED);
const all: TrainingText[] = [...set.train, ...set.calibration];
const fold = (t: TrainingText): number => fnv1a(`cv:${t.row.group}`) % FOLDS;

const scores = new Map<TrainingText, number>();
for (let k = 0; k < FOLDS; k++) {
  const train = all.filter((t) => fold(t) !== k);
  const examples = train.map((t) => ({ ...t.example, weight: t.example.weight }));
  balance(examples);
  // INJ_SEED varies the shuffling: differences smaller than its spread are noise.
  const model = trainModel(examples, options, seededRandom(SEED + 1 + Number(process.env.INJ_SEED ?? 0)));
  const scorer = new MaxWindowLogistic(options.bits, DENSE_FEATURES.length, options.window);
  for (const t of all) if (fold(t) === k) scores.set(t, scorer.best(t.example, model.weights, model.dense, model.bias).z);
}

const benign = all.filter((t) => t.row.label === 0 && !NOT_PROMPTS.test(t.row.dataset)).map((t) => scores.get(t) as number);
const threshold = thresholdForFpr(benign, 0.01);
const groups = new Map<string, TrainingText[]>();
for (const t of all) {
  const key = `${t.row.dataset} ${t.row.label === 1 ? 'attacks' : 'benign'}`;
  groups.set(key, [...(groups.get(key) ?? []), t]);
}
const prompts = all.filter((t) => t.row.label === 1 || !NOT_PROMPTS.test(t.row.dataset));
const auc = rocAuc(prompts.map((t) => ({ score: scores.get(t) as number, label: t.row.label })));
const attacks = all.filter((t) => t.row.label === 1);
const tpr = attacks.filter((t) => (scores.get(t) as number) >= threshold).length / attacks.length;
console.log(`options ${JSON.stringify(options)}: pooled AUC ${auc?.toFixed(4)}, TPR at 1% FPR ${tpr.toFixed(3)}`);
// The same without the hand-written fixtures (benign or attack): comparable when they change.
const natural = thresholdForFpr(all.filter((t) => t.row.label === 0 && !NOT_PROMPTS.test(t.row.dataset) && t.row.dataset !== 'hard_negatives').map((t) => scores.get(t) as number), 0.01);
const rateAt = (dataset: string): string => {
  const list = attacks.filter((t) => t.row.dataset === dataset);
  return (list.filter((t) => (scores.get(t) as number) >= natural).length / Math.max(1, list.length)).toFixed(3);
};
console.log(`  at 1% of the public benign prompts (fixtures left out): deepset_train ${rateAt('deepset_train')}, jailbreak_llms ${rateAt('jailbreak_llms')}, hard_attacks ${rateAt('hard_attacks')}`);
for (const [key, list] of [...groups].sort()) {
  const over = list.filter((t) => (scores.get(t) as number) >= threshold).length;
  console.log(`  ${key.padEnd(40)} ${key.endsWith('attacks') ? 'TPR' : 'FPR'} ${(over / list.length).toFixed(3)} (${over}/${list.length})`);
}
const show = Number(process.env.INJ_SHOW ?? 0);
if (show > 0) {
  const clip = (s: string): string => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);
  const misses = attacks.filter((t) => (scores.get(t) as number) < threshold);
  for (const t of misses.filter((_, i) => i % Math.max(1, Math.floor(misses.length / show)) === 0).slice(0, show)) {
    console.log(`miss ${(scores.get(t) as number).toFixed(2)} ${t.row.dataset} ${clip(t.row.text)}`);
  }
  const fps = all.filter((t) => t.row.label === 0 && (scores.get(t) as number) >= threshold);
  for (const t of fps.slice(0, show)) console.log(`fp ${(scores.get(t) as number).toFixed(2)} ${t.row.dataset} ${clip(t.row.text)}`);
}
if (process.env.INJ_BIPIA) {
  const bipia = all.filter((t) => t.row.dataset === 'bipia_train' && t.row.label === 1);
  const by = new Map<string, [number, number]>();
  for (const t of bipia) {
    const parts = t.row.category.split('/');
    const key = parts[0] === 'indirect' ? `in ${parts[1]} at ${parts[3]}` : 'payload alone';
    const e = by.get(key) ?? [0, 0];
    e[1]++;
    if ((scores.get(t) as number) >= threshold) e[0]++;
    by.set(key, e);
  }
  for (const [k, [hit, n]] of [...by].sort()) console.log(`  bipia ${k.padEnd(24)} ${hit}/${n}`);
}
