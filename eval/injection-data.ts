/**
 * Loads the labelled texts of the injection classifier, each with its side of the shared split
 * (`injection-split.ts`). The trainer and `npm run eval:injection` both read through here, so they
 * cannot disagree about which rows are held out. Data is read from ../shared at run time and never
 * copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_ATTACKS, DOCUMENT_NEGATIVES } from '../src/scan/injection/document-fixtures.js';
import { HARD_ATTACKS, HARD_NEGATIVES } from '../src/scan/injection/hard-negatives.js';
import { injectionSplit, splitGroup, type InjectionSplit } from './injection-split.js';

/** One labelled text. `label` 1 = attack. */
export interface InjectionRow {
  readonly dataset: string;
  readonly id: string;
  readonly text: string;
  readonly label: 0 | 1;
  readonly category: string;
  /** `excluded`: a training row whose group also occurs among held-out rows (dropped, never used). */
  readonly split: InjectionSplit | 'excluded';
  readonly group: string;
}

/** The injection datasets in ../shared/data/injection. */
export const INJECTION_FILES = [
  'deepset_train',
  'deepset_test',
  'jailbreak_llms',
  'bipia_train',
  'self_instruct_benign',
  'wildguard_benign',
] as const;

/**
 * Benign texts from the PII data that the PII evaluation does not use (so training on them is
 * fair to both evaluations); never `presidio_synth_dataset_v2` or any *_dev / *_test file.
 */
export const PII_TRAINING_FILES = [
  'presidio_generated_large',
  'presidio_generated_small',
  'presidio_synth_dataset_v1_2021',
  'wikiann_en_train',
  'wikiann_de_train',
  'wikiann_fr_train',
  'wikiann_nl_train',
  'wnut17_train',
] as const;

/**
 * BIPIA's attack families that are instructions about the answer (the other ten insert code).
 * The trainer leaves them out (scripts/injection/training-set.ts); the evaluation reports them apart.
 */
export const BIPIA_TEXT_FAMILIES: ReadonlySet<string> = new Set([
  'Information Retrieval', 'Content Creation', 'Learning and Tutoring', 'Language Translation', 'Programming Help',
  'Alphanumeric Substitution', 'Homophonic Substitution', 'Misspelling Intentionally', 'Anagramming',
  'Space Removal & Grouping', 'Instruction', 'Social Interaction', 'Persuasion', 'Clickbait', 'Malware Distribution',
]);

/** Chat prompts with PII, the PII benchmark: benign and always held out here. */
export const PII_HELDOUT_FILES = ['presidio_synth_dataset_v2'] as const;

interface RawRow {
  id?: unknown;
  text?: unknown;
  label?: unknown;
  category?: unknown;
}

function readJsonl(path: string): RawRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const raw = JSON.parse(line) as RawRow;
      if (typeof raw.text !== 'string') throw new Error(`${path}:${i + 1}: "text" is not a string`);
      return raw;
    });
}

function row(dataset: string, id: string, text: string, label: 0 | 1, category: string, split?: InjectionSplit): InjectionRow {
  const base = { id, text, category };
  return { dataset, ...base, label, split: split ?? injectionSplit(dataset, base), group: splitGroup(dataset, base) };
}

/**
 * Every row with its split (all files, always, so the exclusions below are the same for the
 * trainer and the evaluation). `dataRoot` is ../shared/data. The rows of the PII training files
 * that fall on the held-out side are simply unused (the evaluation reads the PII benchmark
 * instead). A training or calibration row whose group
 * (same normalised text prefix) also occurs among the held-out rows of any dataset is marked
 * `excluded`: deepset's published split has such a pair, and files may repeat each other.
 */
export function loadInjectionRows(dataRoot: string): InjectionRow[] {
  const rows: InjectionRow[] = [];
  for (const file of INJECTION_FILES) {
    const path = join(dataRoot, 'injection', `${file}.jsonl`);
    if (!existsSync(path)) throw new Error(`missing ${path}`);
    readJsonl(path).forEach((r, i) => {
      rows.push(row(file, String(r.id ?? i), r.text as string, r.label === 1 ? 1 : 0, String(r.category ?? '')));
    });
  }
  HARD_NEGATIVES.forEach((text, i) => rows.push(row('hard_negatives', `hn-${i}`, text, 0, 'hand-written benign')));
  HARD_ATTACKS.forEach((text, i) => rows.push(row('hard_attacks', `ha-${i}`, text, 1, 'hand-written attack')));
  DOCUMENT_NEGATIVES.forEach((text, i) => rows.push(row('doc_negatives', `dn-${i}`, text, 0, 'hand-written document')));
  DOCUMENT_ATTACKS.forEach((text, i) => rows.push(row('doc_attacks', `da-${i}`, text, 1, 'hand-written document with an instruction')));
  const pii = [
    ...PII_TRAINING_FILES.map((f) => [f, undefined] as const),
    ...PII_HELDOUT_FILES.map((f) => [f, 'heldout'] as const),
  ];
  for (const [file, split] of pii) {
    const path = join(dataRoot, 'pii', `${file}.jsonl`);
    if (!existsSync(path)) throw new Error(`missing ${path}`);
    readJsonl(path).forEach((r, i) => rows.push(row(file, String(r.id ?? i), r.text as string, 0, 'benign/pii', split)));
  }
  const heldOutGroups = new Set(rows.filter((r) => r.split === 'heldout').map((r) => r.group));
  return rows.map((r) => (r.split !== 'heldout' && heldOutGroups.has(r.group) ? { ...r, split: 'excluded' } : r));
}
