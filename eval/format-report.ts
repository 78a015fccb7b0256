import type { EvaluationResult, TypeResult } from './evaluate-records.js';

/** One evaluated file as the report stores it. */
export interface FileReport extends EvaluationResult {
  readonly file: string;
  /** Records in the file before `--limit`/`--sample`. */
  readonly totalRecords: number;
  readonly sampled: boolean;
}

/**
 * Files the NER tier is trained on (scripts/train-ner.ts): their scores are training-set scores,
 * not held-out ones, and the summary marks them.
 */
export const NER_TRAINING_FILES: ReadonlySet<string> = new Set([
  'presidio_generated_large.jsonl',
  'presidio_generated_small.jsonl',
  'presidio_synth_dataset_v1_2021.jsonl',
]);

function isTrainingFile(file: string): boolean {
  return NER_TRAINING_FILES.has(file) || /_train\.jsonl$/.test(file);
}

function pct(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function scoreCells(r: TypeResult): string[] {
  return [pct(r.precision), pct(r.recall), pct(r.f1), pct(r.f2)];
}

function listCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ${n}`).join(', ');
}

function mbPerSecond(r: EvaluationResult): string {
  return r.scanMs > 0 ? (r.chars / 1e6 / (r.scanMs / 1000)).toFixed(1) : '—';
}

/** The markdown table and notes for one file. */
export function formatFileReport(r: FileReport): string {
  const lines = [
    `## ${r.file} — ${r.records}${r.sampled ? ` of ${r.totalRecords} (sampled)` : ''} records, ` +
      `scan ${(r.scanMs / 1000).toFixed(1)} s (${mbPerSecond(r)} M chars/s)`,
    '',
    row(['type', 'gold', 'pred', 'strict P', 'R', 'F1', 'F2', 'overlap P', 'R', 'F1', 'F2', 'token P', 'R', 'F2']),
    row(['---', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:']),
  ];
  const types = [...r.evaluatedTypes, 'overall'];
  for (const type of types) {
    const s = type === 'overall' ? r.strict.overall : r.strict.byType[type]!;
    const o = type === 'overall' ? r.overlap.overall : r.overlap.byType[type]!;
    const t = type === 'overall' ? r.token.overall : r.token.byType[type]!;
    const name = type === 'overall' ? '**overall**' : type;
    lines.push(row([name, s.gold, s.pred, ...scoreCells(s), ...scoreCells(o), pct(t.precision), pct(t.recall), pct(t.f2)]));
  }
  lines.push(
    '',
    `- not evaluated (gold spans, no counterpart type): ${listCounts(r.notEvaluated)}`,
    `- ignored predictions (types this file never labels): ${listCounts(r.ignoredPredictions)}`,
    `- gold spans overlapped by a finding of any type: ${pct(r.anyTypeRecall)}`,
    `- PII-free texts altered: ${r.piiFree.altered} / ${r.piiFree.texts}` +
      (r.piiFree.share === null ? '' : ` (${(r.piiFree.share * 100).toFixed(1)}%)`),
    '',
  );
  return lines.join('\n');
}

/** One summary row per file. */
export function formatSummary(reports: readonly FileReport[]): string {
  const lines = [
    '## Summary (micro-averaged over the evaluated types of each file)',
    '',
    row(['file', 'records', 'strict P', 'R', 'F2', 'overlap P', 'R', 'F2', 'token P', 'R', 'F2', 'PERSON F2 strict', 'covered (any type)', 'PII-free altered']),
    row(['---', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:']),
  ];
  for (const r of reports) {
    const s = r.strict.overall;
    const o = r.overlap.overall;
    const t = r.token.overall;
    const person = r.strict.byType.PERSON;
    lines.push(
      row([
        r.file.replace(/\.jsonl$/, '') + (isTrainingFile(r.file) ? ' †' : ''),
        r.sampled ? `${r.records}*` : r.records,
        pct(s.precision),
        pct(s.recall),
        pct(s.f2),
        pct(o.precision),
        pct(o.recall),
        pct(o.f2),
        pct(t.precision),
        pct(t.recall),
        pct(t.f2),
        person ? pct(person.f2) : '—',
        pct(r.anyTypeRecall),
        r.piiFree.share === null ? '—' : `${(r.piiFree.share * 100).toFixed(1)}%`,
      ]),
    );
  }
  if (reports.some((r) => r.sampled)) lines.push('', '\\* seeded random sample of the file');
  if (reports.some((r) => isTrainingFile(r.file))) lines.push('', '† training data of the NER tier: not a held-out score');
  return `${lines.join('\n')}\n`;
}
