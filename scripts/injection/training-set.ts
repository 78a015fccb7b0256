// Chooses and weighs the training rows of the injection classifier (see scripts/train-injection.ts
// for the data sources). Shared by the trainer and the cross-validation tool.
import { BIPIA_TEXT_FAMILIES, loadInjectionRows, type InjectionRow } from '../../eval/injection-data.js';
import { bipiaFamily } from '../../eval/injection-split.js';
import { seededRandom } from '../seeded-random.js';
import { featurize, type Example } from './featurize.js';

// Per-dataset weights of a row. Benign chat and instructions count triple and the hand-written
// hard negatives double: they are the texts a gateway sees, and their false positives are what
// the threshold pays for (chosen by cross-validation, scripts/injection/cross-validate.ts). PII
// sentences are plentiful and easy, so they count less.
const BASE_WEIGHTS: Record<string, number> = {
  deepset_train: 1.5,
  jailbreak_llms: 0.5,
  bipia_train: 1,
  hard_attacks: 2,
  hard_negatives: 2,
  self_instruct_benign: 3,
  wildguard_benign: 3,
  presidio_generated_large: 0.5,
  presidio_generated_small: 0.5,
  presidio_synth_dataset_v1_2021: 0.5,
};
const DEFAULT_WEIGHT = 0.3;
// INJ_WEIGHTS='{"dataset": weight}' overrides some weights for experiments.
const WEIGHTS: Record<string, number> = { ...BASE_WEIGHTS, ...(JSON.parse(process.env.INJ_WEIGHTS ?? '{}') as Record<string, number>) };

/** How many rows of each big PII file join the training set (a seeded sample). */
const PII_SAMPLE: Record<string, number> = {
  wikiann_en_train: 600,
  wikiann_de_train: 400,
  wikiann_fr_train: 300,
  wikiann_nl_train: 300,
  wnut17_train: 800,
};

/**
 * BIPIA's text attack families are instructions about the answer ("In your response, tease a major
 * announcement", "Describe the lifecycle of a butterfly."): attacks only because they sit inside a
 * document, and word for word what users ask for themselves. The classifier sees words, not where
 * they came from, so learning them (alone or in their documents) taught it to flag ordinary
 * formatting requests, and 5-fold cross-validation by family showed no gain on unseen families.
 * They are not learned from; the evaluation still counts them. The code families (an unrequested
 * snippet that exfiltrates or destroys) are learned.
 */
function learnable(r: InjectionRow): boolean {
  if (DOCUMENT_ONLY.has(r.dataset)) return false;
  return !(r.dataset === 'bipia_train' && BIPIA_TEXT_FAMILIES.has(bipiaFamily(r.category) ?? ''));
}

/** The hand-written documents train the document model only (document-set.ts). */
export const DOCUMENT_ONLY: ReadonlySet<string> = new Set(['doc_negatives', 'doc_attacks']);

/** Benign datasets that do not look like prompts (sentence fragments, tweets). */
export const NOT_PROMPTS = /^(wikiann|wnut17)/;

/** A chosen row and its features. */
export interface TrainingText {
  readonly row: InjectionRow;
  readonly example: Example;
}

/** The training and calibration texts, featurized and weighted. */
export interface TrainingSet {
  readonly train: TrainingText[];
  readonly calibration: TrainingText[];
}

/**
 * The rows a side of training uses: only `train` or `calibration` rows (never `heldout` or
 * `excluded`), without BIPIA's text attack families, and a seeded sample of the big PII files.
 */
export function selectRows(rows: readonly InjectionRow[], side: 'train' | 'calibration', random: () => number): InjectionRow[] {
  const chosen: InjectionRow[] = [];
  const byFile = new Map<string, InjectionRow[]>();
  for (const r of rows) {
    if (r.split !== side || !learnable(r)) continue;
    if (PII_SAMPLE[r.dataset] === undefined) chosen.push(r);
    else byFile.set(r.dataset, [...(byFile.get(r.dataset) ?? []), r]);
  }
  for (const [file, list] of byFile) {
    const cap = Math.round((PII_SAMPLE[file] as number) * (side === 'train' ? 1 : 0.25));
    chosen.push(...shuffle(list, random).slice(0, cap));
  }
  return chosen;
}

/** Loads, samples, featurizes and weighs; deterministic for a given seed. */
export function buildTrainingSet(dataRoot: string, bits: number, seed: number): TrainingSet {
  const random = seededRandom(seed);
  const rows = loadInjectionRows(dataRoot);
  // BIPIA documents with an inserted attack: find which payload of the family was inserted, so
  // training updates the window that holds it rather than guessing.
  const payloads = new Map<string, string[]>();
  for (const r of rows) {
    const family = r.category.startsWith('indirect_payload/') ? bipiaFamily(r.category) : undefined;
    if (family !== undefined && (r.split === 'train' || r.split === 'calibration')) payloads.set(family, [...(payloads.get(family) ?? []), r.text]);
  }
  const payloadOf = (r: InjectionRow): string | undefined => {
    if (!r.category.startsWith('indirect/')) return undefined;
    return payloads.get(bipiaFamily(r.category) ?? '')?.find((p) => r.text.includes(p));
  };
  const make = (r: InjectionRow): TrainingText => {
    const example = featurize(r.text, r.label, r.dataset, bits, payloadOf(r));
    example.weight = WEIGHTS[r.dataset] ?? DEFAULT_WEIGHT;
    return { row: r, example };
  };
  return { train: selectRows(rows, 'train', random).map(make), calibration: selectRows(rows, 'calibration', random).map(make) };
}

/** Attacks' total weight relative to the benign texts' (INJ_ATTACK_SHARE for experiments). */
const ATTACK_SHARE = Number(process.env.INJ_ATTACK_SHARE ?? 1);

/** Scales attack weights so attacks carry ATTACK_SHARE times the benign texts' total weight. */
export function balance(examples: readonly Example[]): void {
  const total = (label: 0 | 1): number => examples.filter((e) => e.label === label).reduce((s, e) => s + e.weight, 0);
  const scale = (ATTACK_SHARE * total(0)) / total(1);
  for (const e of examples) if (e.label === 1) e.weight *= scale;
}

/** Fisher-Yates with the given PRNG. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
