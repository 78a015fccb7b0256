import { UNPRINTABLE, type SecretHit } from './secrets-locate.js';

/** One reported secret: a file hit, or a history hit with its commit. */
export interface SecretReportItem extends SecretHit {
  readonly path: string;
  readonly commit?: string | null;
  readonly date?: string | null;
  readonly blob?: string;
}

/**
 * The JSON report entry: location, detector, masked preview and fingerprint — never the value.
 * `--baseline` reads `fingerprint` back from a saved report.
 */
export function reportJson(items: readonly SecretReportItem[]): string {
  const rows = items.map((i) => ({
    path: i.path,
    line: i.line,
    column: i.column,
    end_line: i.endLine,
    end_column: i.endColumn,
    start: i.start,
    end: i.end,
    detector: i.detector,
    score: i.score,
    reason: i.reason,
    preview: i.preview,
    fingerprint: i.fingerprint,
    ...(i.blob === undefined ? {} : { commit: i.commit ?? null, date: i.date ?? null, blob: i.blob }),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * One aligned line per secret, `path:line:col  detector  preview`, plus `commit <id> <date>` for
 * history hits. Paths are printed with control and bidi characters escaped: a hostile file name
 * must not rewrite the terminal.
 */
export function reportHuman(items: readonly SecretReportItem[]): string {
  const rows = items.map((i) => [
    `${printable(i.path)}:${i.line}:${i.column}`,
    i.detector,
    i.preview,
    i.blob === undefined ? '' : i.commit ? `commit ${i.commit.slice(0, 12)} ${(i.date ?? '').slice(0, 10)}` : 'commit (none: a tag points at the file)',
  ]);
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => {
      const cells = r[3] === '' ? r.slice(0, 3) : r;
      return `${cells.map((cell, c) => (c < cells.length - 1 ? cell.padEnd(widths[c]!) : cell)).join('  ')}\n`;
    })
    .join('');
}

/** `s` with control, line-separator and bidi characters written as `\u{…}` escapes. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** The closing line on stderr: what was scanned, found and skipped. */
export function summaryLine(parts: { readonly found: number; readonly baselined: number; readonly scanned: string; readonly skipped: string[] }): string {
  const found = parts.found === 0 ? 'no secrets found' : `${parts.found} secret${parts.found === 1 ? '' : 's'} found`;
  const extra = [...(parts.baselined > 0 ? [`${parts.baselined} in the baseline`] : []), ...parts.skipped];
  return `bulwark: ${found} in ${parts.scanned}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}\n`;
}
