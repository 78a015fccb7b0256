// Chooses and weighs the training rows of the document model: the classifier of untrusted content
// (tool results, retrieved documents), where an instruction to the model is itself the attack.
// Shared by the trainer (scripts/train-injection.ts) and scripts/injection/cross-validate-documents.ts.
//
// Attacks: BIPIA documents with an inserted instruction (every family on the training side, text
// families included: in a document, "in your response, ..." is the attack), BIPIA's payloads
// alone, the hand-written document attacks, and the direct attacks (deepset, jailbreaks, the
// hand-written ones): an override is an attack wherever it sits. Optionally, training attack
// strings inserted into training documents (INJ_DOC_INSERT) and ordinary user requests as
// stand-ins for "a task no document asks of its reader" (INJ_DOC_REQUESTS).
// Benign: BIPIA's clean documents, the hand-written benign documents, and text that arrives as
// content (tweets, customer messages, Wikipedia fragments). Users' own prompts are not benign
// documents and are left out.
import { loadInjectionRows, type InjectionRow } from '../../eval/injection-data.js';
import { bipiaFamily } from '../../eval/injection-split.js';
import { seededRandom } from '../seeded-random.js';
import { featurize } from './featurize.js';
import { shuffle, type TrainingSet, type TrainingText } from './training-set.js';

// Per-dataset weights (chosen by scripts/injection/cross-validate-documents.ts). Clean documents
// weigh most: they are what the threshold pays for. Users' requests stand in for "a task nobody
// asked for" only lightly: more made the model flag every document that asks its reader anything.
const BASE_WEIGHTS: Record<string, number> = {
  bipia_train: 2,
  bipia_clean: 6,
  doc_attacks: 3,
  doc_negatives: 6,
  inserted: 1,
  hard_attacks: 1,
  deepset_train: 1,
  jailbreak_llms: 0.3,
  wnut17_train: 0.5,
  presidio_generated_large: 0.5,
  presidio_generated_small: 0.5,
  presidio_synth_dataset_v1_2021: 0.5,
  self_instruct_benign: 0.2,
  wildguard_benign: 0.1,
};
const DEFAULT_WEIGHT = 0.3;
const WEIGHTS: Record<string, number> = { ...BASE_WEIGHTS, ...(JSON.parse(process.env.INJ_DOC_WEIGHTS ?? '{}') as Record<string, number>) };

/** Seeded samples of the big benign files (per side: the calibration side takes a quarter). */
const BENIGN_SAMPLE: Record<string, number> = {
  wnut17_train: 800,
  presidio_generated_large: 600,
  presidio_generated_small: 100,
  presidio_synth_dataset_v1_2021: 200,
  wikiann_en_train: 200,
  wikiann_de_train: 100,
  wikiann_fr_train: 100,
  wikiann_nl_train: 100,
};

/** Attack datasets (label 1 rows) that are attacks in a document too. */
const ATTACKS = new Set(['bipia_train', 'doc_attacks', 'hard_attacks', 'deepset_train', 'jailbreak_llms']);

/** Whether users' own requests join as document attacks (weight INJ_DOC_WEIGHTS.self_instruct_benign). */
const REQUESTS = process.env.INJ_DOC_REQUESTS !== '0';
/** How many training attack strings are inserted into training documents per side (0: none). */
const INSERT = Number(process.env.INJ_DOC_INSERT ?? 400);

/** Whether `r` is a document attack, a benign document, or not part of the document data. */
function documentLabel(r: InjectionRow): 0 | 1 | undefined {
  if (r.label === 1) return ATTACKS.has(r.dataset) ? 1 : undefined;
  if (r.dataset === 'bipia_train' || r.dataset === 'doc_negatives') return 0;
  if (BENIGN_SAMPLE[r.dataset] !== undefined) return 0;
  if (REQUESTS && (r.dataset === 'self_instruct_benign' || r.dataset === 'wildguard_benign')) return 1;
  return undefined;
}

/** Rows of one side with their document label; big files sampled. */
export function selectDocumentRows(rows: readonly InjectionRow[], side: 'train' | 'calibration', random: () => number): [InjectionRow, 0 | 1][] {
  const chosen: [InjectionRow, 0 | 1][] = [];
  const byFile = new Map<string, InjectionRow[]>();
  for (const r of rows) {
    if (r.split !== side) continue;
    const label = documentLabel(r);
    if (label === undefined) continue;
    if (label === 0 && BENIGN_SAMPLE[r.dataset] !== undefined) byFile.set(r.dataset, [...(byFile.get(r.dataset) ?? []), r]);
    else chosen.push([r, label]);
  }
  for (const [file, list] of byFile) {
    const cap = Math.round((BENIGN_SAMPLE[file] as number) * (side === 'train' ? 1 : 0.25));
    for (const r of shuffle(list, random).slice(0, cap)) chosen.push([r, 0]);
  }
  return chosen;
}

/**
 * Training attack strings inserted into training documents of the same side (at the start, the
 * end, or between two lines), the way BIPIA builds its attacked documents. The inserted string is
 * known, so training updates the window that holds it. Both come from one side and from one
 * fold group (the document's), so cross-validation keeps them apart from held-out folds.
 */
function insertions(picked: readonly [InjectionRow, 0 | 1][], count: number, random: () => number): { row: InjectionRow; payload: string }[] {
  const docs = picked.filter(([r, l]) => l === 0 && (r.dataset === 'bipia_train' || r.dataset === 'doc_negatives')).map(([r]) => r);
  const strings = picked
    .filter(([r, l]) => l === 1 && r.text.length <= 400 && (r.dataset === 'hard_attacks' || r.dataset === 'deepset_train' || (r.dataset === 'bipia_train' && r.category.startsWith('indirect_payload/'))))
    .map(([r]) => r);
  if (docs.length === 0 || strings.length === 0) return [];
  const out: { row: InjectionRow; payload: string }[] = [];
  for (let i = 0; i < count; i++) {
    const doc = docs[Math.floor(random() * docs.length)] as InjectionRow;
    const attack = strings[Math.floor(random() * strings.length)] as InjectionRow;
    const lines = doc.text.split('\n');
    const at = Math.floor(random() * (lines.length + 1));
    const where = random() < 0.35 ? 0 : random() < 0.55 ? lines.length : at;
    lines.splice(where, 0, attack.text);
    // Grouped with the attack string: a held-out fold never sees its payload in training.
    out.push({
      row: { ...doc, dataset: 'inserted', id: `${doc.id}+${attack.id}`, text: lines.join('\n'), label: 1, category: `inserted/${attack.dataset}`, group: attack.group },
      payload: attack.text,
    });
  }
  return out;
}

/** The document model's training and calibration texts, featurized and weighed; deterministic. */
export function buildDocumentSet(dataRoot: string, bits: number, seed: number): TrainingSet {
  const random = seededRandom(seed);
  const rows = loadInjectionRows(dataRoot);
  const payloads = new Map<string, string[]>();
  for (const r of rows) {
    const family = r.category.startsWith('indirect_payload/') ? bipiaFamily(r.category) : undefined;
    if (family !== undefined && (r.split === 'train' || r.split === 'calibration')) payloads.set(family, [...(payloads.get(family) ?? []), r.text]);
  }
  const payloadOf = (r: InjectionRow): string | undefined =>
    r.category.startsWith('indirect/') ? payloads.get(bipiaFamily(r.category) ?? '')?.find((p) => r.text.includes(p)) : undefined;
  const make = (r: InjectionRow, label: 0 | 1, payload?: string): TrainingText => {
    const example = featurize(r.text, label, r.dataset, bits, payload, 'document');
    const key = r.dataset === 'bipia_train' && label === 0 ? 'bipia_clean' : r.dataset;
    example.weight = WEIGHTS[key] ?? DEFAULT_WEIGHT;
    return { row: label === r.label ? r : { ...r, label }, example };
  };
  const side = (name: 'train' | 'calibration'): TrainingText[] => {
    const picked = selectDocumentRows(rows, name, random);
    const texts = picked.map(([r, label]) => make(r, label, payloadOf(r)));
    const extra = name === 'train' ? INSERT : Math.round(INSERT / 4);
    for (const { row, payload } of insertions(picked, extra, random)) texts.push(make(row, 1, payload));
    return texts;
  };
  return { train: side('train'), calibration: side('calibration') };
}

/** Benign texts the document threshold is set on: documents, tweets and customer messages. */
export function isBenignDocument(t: TrainingText): boolean {
  return t.row.label === 0;
}
