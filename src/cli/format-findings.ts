import type { Finding } from '../core/finding.js';

/** A finding as the CLI prints it; `text` only when values were asked for. */
export interface PrintedFinding extends Finding {
  readonly text?: string;
}

/** Findings for output; the matched value is added only with `showValues` (output may be logged). */
export function printableFindings(text: string, findings: readonly Finding[], showValues: boolean): PrintedFinding[] {
  return findings.map((f) => {
    const base = { type: f.type, start: f.start, end: f.end, score: round(f.score), detector: f.detector, reason: f.reason };
    return showValues ? { ...base, text: text.slice(f.start, f.end) } : base;
  });
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** One line per finding, aligned, for people: `start-end TYPE score detector reason [value]`. */
export function formatFindingsText(findings: readonly PrintedFinding[]): string {
  if (findings.length === 0) return 'no findings\n';
  const rows = findings.map((f) => [
    `${f.start}-${f.end}`,
    f.type,
    f.score.toFixed(2),
    f.detector,
    f.reason + (f.text === undefined ? '' : `  ${JSON.stringify(f.text)}`),
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n')}\n`;
}
