import type { CaseCounts, ScoredCase } from './secrets-metrics.js';

function pct(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function countCells(c: CaseCounts): (string | number)[] {
  return [c.cases, c.tp, c.fp, c.fn, c.tn, pct(c.precision), pct(c.recall), pct(c.f1)];
}

const HEADER = ['cases', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1'];
const ALIGN = ['--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:'];

/** The summary table: one row per source file and the overall row. */
export function formatSecretsSummary(byFile: ReadonlyMap<string, CaseCounts>, overall: CaseCounts): string {
  const lines = ['## Secrets: text-level scores per source', '', row(['source', ...HEADER]), row(['---', ...ALIGN])];
  for (const [file, c] of byFile) lines.push(row([file.replace(/\.jsonl$/, ''), ...countCells(c)]));
  lines.push(row(['**overall**', ...countCells(overall)]));
  return `${lines.join('\n')}\n`;
}

/**
 * Per source rule: only the rules with a miss (FN) or a false alarm (FP), with the detectors that
 * fired on the false alarms, so a reader sees which formats are missed and which rules over-fire.
 */
export function formatRuleTable(title: string, byRule: ReadonlyMap<string, CaseCounts>, scored: readonly ScoredCase[]): string {
  const firing = new Map<string, Map<string, number>>();
  for (const s of scored) {
    if (s.case.label || s.detectors.length === 0) continue;
    const m = firing.get(s.case.rule) ?? new Map<string, number>();
    for (const d of new Set(s.detectors)) m.set(d, (m.get(d) ?? 0) + 1);
    firing.set(s.case.rule, m);
  }
  const lines = [`## ${title}: rules with misses or false alarms`, '', row(['rule', ...HEADER, 'detectors on false alarms']), row(['---', ...ALIGN, '---'])];
  let shown = 0;
  for (const [rule, c] of byRule) {
    if (c.fn === 0 && c.fp === 0) continue;
    shown++;
    const fired = [...(firing.get(rule) ?? new Map<string, number>())].map(([d, n]) => `${d} ${n}`).join(', ');
    lines.push(row([rule, ...countCells(c), fired || '']));
  }
  if (shown === 0) lines.push(row(['(none)', '', '', '', '', '', '', '', '', '']));
  const clean = [...byRule.values()].filter((c) => c.fn === 0 && c.fp === 0).length;
  lines.push('', `${clean} of ${byRule.size} rules without a miss or a false alarm.`);
  return `${lines.join('\n')}\n`;
}
