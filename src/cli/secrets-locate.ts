import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';

/** A secret found in one text, located for people and identified without its value. */
export interface SecretHit {
  readonly detector: string;
  readonly score: number;
  readonly reason: string;
  /** UTF-16 offsets into the decoded text, like every Bulwark finding. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column (UTF-16 code units, as editors and LSP count). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** At most the first 4 characters (a quarter for short values) and `…`. */
  readonly preview: string;
  /** SHA-256 (hex) of the secret's UTF-8 bytes: stable across files and commits, for baselines. */
  readonly fingerprint: string;
}

/**
 * Markers that silence findings on their line. `gitleaks:allow` is honoured too, so a repository
 * moving over keeps its annotations.
 */
export const ALLOW_MARKERS = ['bulwark:allow', 'gitleaks:allow'] as const;

/** Turns scanner findings in `text` into located, masked hits; findings on an allow-marked line are dropped. */
export function locateSecrets(text: string, findings: readonly Finding[]): SecretHit[] {
  if (findings.length === 0) return [];
  const lineStarts = lineStartsOf(text);
  const hits: SecretHit[] = [];
  for (const f of findings) {
    const startLine = lineIndexAt(lineStarts, f.start);
    const endLine = lineIndexAt(lineStarts, Math.max(f.start, f.end - 1));
    const lineText = text.slice(lineStarts[startLine]!, lineStarts[startLine + 1] ?? text.length);
    if (ALLOW_MARKERS.some((m) => lineText.includes(m))) continue;
    const secret = text.slice(f.start, f.end);
    hits.push({
      detector: f.detector,
      score: Math.round(f.score * 1000) / 1000,
      reason: f.reason,
      start: f.start,
      end: f.end,
      line: startLine + 1,
      column: f.start - lineStarts[startLine]! + 1,
      endLine: endLine + 1,
      endColumn: Math.max(f.start, f.end - 1) - lineStarts[endLine]! + 1,
      preview: maskSecret(secret),
      fingerprint: fingerprintSecret(secret),
    });
  }
  return hits;
}

/**
 * The preview of a secret: its first characters and `…`, never all of it — at most 4, and at
 * most a quarter of the value, so a short password shows little. Control and bidi characters
 * become `?` so the preview cannot steer a terminal.
 */
export function maskSecret(secret: string): string {
  const chars = [...secret];
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return `${chars.slice(0, keep).join('').replace(UNPRINTABLE, '?')}…`;
}

/** Control characters, line separators and bidi overrides (which could reorder or hide terminal output). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** SHA-256 hex of `secret` (UTF-8): what `--baseline` matches on. */
export function fingerprintSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the line containing offset `at` (binary search over line starts). */
function lineIndexAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
