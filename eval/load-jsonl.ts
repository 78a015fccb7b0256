import { readFile } from 'node:fs/promises';
import { codePointToUtf16 } from './code-point-offsets.js';

/** A gold span as the dataset labels it, with offsets already converted to UTF-16. */
export interface GoldSpan {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/** One labelled text of a PII dataset. */
export interface PiiRecord {
  readonly id: string;
  readonly text: string;
  readonly spans: readonly GoldSpan[];
}

interface RawRecord {
  id?: unknown;
  text?: unknown;
  spans?: unknown;
}

/**
 * Reads a PII JSONL file (`{"id","text","spans":[{"start","end","label"}]}` per line, offsets in
 * code points) and returns its records with UTF-16 offsets. Blank lines are skipped; a malformed
 * line throws with its line number.
 */
export async function loadPiiJsonl(path: string): Promise<PiiRecord[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const records: PiiRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const raw = JSON.parse(line) as RawRecord;
    if (typeof raw.text !== 'string') throw new Error(`${path}:${i + 1}: "text" is not a string`);
    const text = raw.text;
    const toUtf16 = codePointToUtf16(text);
    const spans = Array.isArray(raw.spans) ? raw.spans.map((s) => toGoldSpan(s, toUtf16, path, i)) : [];
    records.push({ id: String(raw.id ?? `${i + 1}`), text, spans });
  });
  return records;
}

function toGoldSpan(s: unknown, toUtf16: (n: number) => number, path: string, i: number): GoldSpan {
  const span = s as { start?: unknown; end?: unknown; label?: unknown };
  if (typeof span.start !== 'number' || typeof span.end !== 'number' || typeof span.label !== 'string') {
    throw new Error(`${path}:${i + 1}: malformed span`);
  }
  return { label: span.label, start: toUtf16(span.start), end: toUtf16(span.end) };
}
