// Reads the labelled JSONL files of ../shared/data/pii and maps their labels onto the NER types.
import { readFileSync } from 'node:fs';
import { NER_TYPES } from '../../src/scan/ner/ner-labels.js';

/** One labelled text; span offsets are UTF-16 and `type` indexes NER_TYPES. */
export interface Example {
  readonly text: string;
  readonly spans: readonly { start: number; end: number; type: number }[];
  readonly source: string;
}

const TYPE_OF: Record<string, (typeof NER_TYPES)[number]> = {
  PER: 'PERSON',
  PERSON: 'PERSON',
  person: 'PERSON',
  LOC: 'LOCATION',
  LOCATION: 'LOCATION',
  GPE: 'LOCATION',
  location: 'LOCATION',
  ORG: 'ORGANIZATION',
  ORGANIZATION: 'ORGANIZATION',
  corporation: 'ORGANIZATION',
  group: 'ORGANIZATION',
  ADDRESS: 'STREET_ADDRESS',
  STREET_ADDRESS: 'STREET_ADDRESS',
};

const TITLE_PREFIX = /^(?:(?:mr|mrs|ms|miss|dr|prof|sir|herr|frau|mme|mlle|dhr|mevr|sr|sra)\.?\s+)+/i;

/** Maps code-point offsets (as Python counts) to UTF-16 offsets of `text`. */
export function codePointToUtf16(text: string): (cp: number) => number {
  const table: number[] = [];
  let u = 0;
  for (const ch of text) {
    table.push(u);
    u += ch.length;
  }
  table.push(u);
  return (cp) => table[cp] ?? u;
}

/** Loads one JSONL file of the shared PII data. */
export function loadExamples(path: string, source: string): Example[] {
  const out: Example[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { text: string; spans: { start: number; end: number; label: string }[] };
    const at = codePointToUtf16(rec.text);
    const spans = [];
    for (const s of rec.spans) {
      const type = TYPE_OF[s.label];
      if (type === undefined) continue;
      let start = at(s.start);
      const end = at(s.end);
      if (type === 'PERSON') {
        // Honorifics are not part of the name (Presidio labels them TITLE); WikiANN sometimes
        // includes them, so strip them for one convention.
        const m = TITLE_PREFIX.exec(rec.text.slice(start, end));
        if (m && m[0].length < end - start) start += m[0].length;
      }
      spans.push({ start, end, type: NER_TYPES.indexOf(type) });
    }
    out.push({ text: rec.text, spans, source });
  }
  return out;
}
