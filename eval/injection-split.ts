/**
 * The one split of the injection data, shared by `scripts/train-injection.ts` and
 * `eval/injection.ts` so training can never see a held-out row (eval/README.md, "Injection").
 *
 * - `deepset_test` is held out and `deepset_train` is training data, as published.
 * - BIPIA rows that carry an attack are grouped by their attack family (`Clickbait`,
 *   `Cookie Theft`, ...): every string of a family, alone or inserted into a document, lands on the
 *   same side, so no attack string (nor a sibling variant of it) straddles train and held-out.
 *   BIPIA documents without an attack are grouped by document.
 * - Every other row is grouped by the first 64 letters and digits of its lower-cased text, so
 *   exact and near-exact duplicates (reposted jailbreaks, templates with a changed ending) fall on
 *   one side.
 *
 * A group's FNV-1a hash mod 10 picks the side: 0-2 held out (30%), 3 calibration (10%, training
 * data the trainer keeps aside to set the default threshold), 4-9 training.
 */

/** Where a row goes. `calibration` is training data too, never evaluation data. */
export type InjectionSplit = 'train' | 'calibration' | 'heldout';

/** What the split needs to know of a row. */
export interface SplitRow {
  readonly id: string;
  readonly text: string;
  readonly category?: string | undefined;
}

/** 32-bit FNV-1a over UTF-16 code units: stable across runs, platforms and Node versions. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The attack family of a BIPIA category (`indirect/email/Clickbait-3/end`, `indirect_payload/Clickbait`). */
export function bipiaFamily(category: string): string | undefined {
  const parts = category.split('/');
  if (parts[0] === 'indirect_payload') return parts[1];
  if (parts[0] === 'indirect') return parts[2]?.replace(/-\d+$/, '');
  return undefined;
}

/** The group a row belongs to: rows of one group always share a side. */
export function splitGroup(dataset: string, row: SplitRow): string {
  if (dataset.startsWith('bipia')) {
    const family = bipiaFamily(row.category ?? '');
    if (family !== undefined) return `bipia-family:${family}`;
    return `bipia-doc:${row.id.replace(/-(clean|att)$/, '')}`;
  }
  const letters = row.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 64);
  return letters === '' ? `id:${row.id}` : `text:${letters}`;
}

/** The side of one row of `dataset` (the file name without `.jsonl`, or `hard_negatives`). */
export function injectionSplit(dataset: string, row: SplitRow): InjectionSplit {
  if (dataset === 'deepset_test') return 'heldout';
  const bucket = fnv1a(splitGroup(dataset, row)) % 10;
  if (dataset === 'deepset_train') return bucket === 3 ? 'calibration' : 'train';
  if (bucket < 3) return 'heldout';
  return bucket === 3 ? 'calibration' : 'train';
}
