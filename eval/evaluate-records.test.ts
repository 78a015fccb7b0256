import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { evaluateRecords } from './evaluate-records.js';
import type { PiiRecord } from './load-jsonl.js';

const f = (type: string, start: number, end: number): Finding => ({
  type,
  start,
  end,
  score: 0.9,
  detector: 'test',
  reason: 'test',
});

const records: PiiRecord[] = [
  // 😀 is two UTF-16 units: the gold offsets below are already UTF-16 (the loader converts them).
  { id: '1', text: '😀 Anna met Bob.', spans: [{ label: 'PER', start: 3, end: 7 }, { label: 'PER', start: 12, end: 15 }] },
  { id: '2', text: 'On 2020-01-01 in Paris', spans: [{ label: 'DATE_TIME', start: 3, end: 13 }, { label: 'LOC', start: 17, end: 22 }] },
  { id: '3', text: 'nothing here', spans: [] },
  { id: '4', text: 'still nothing', spans: [] },
];

const predictions: Record<string, Finding[]> = {
  '😀 Anna met Bob.': [f('PERSON', 3, 7), f('PERSON', 12, 16)], // second one includes the period
  'On 2020-01-01 in Paris': [f('LOCATION', 17, 20), f('IBAN_CODE', 3, 13)],
  'nothing here': [f('URL', 0, 7)],
  'still nothing': [],
};

describe('evaluateRecords', () => {
  const r = evaluateRecords(records, (text) => predictions[text] ?? []);

  it('scores only the types the dataset labels and reports the rest', () => {
    expect(r.evaluatedTypes).toEqual(['LOCATION', 'PERSON']);
    expect(r.notEvaluated).toEqual({ DATE_TIME: 1 });
    expect(r.ignoredPredictions).toEqual({ IBAN_CODE: 1, URL: 1 });
  });

  it('strict matching trims trailing punctuation but not a truncated word', () => {
    expect(r.strict.byType.PERSON).toMatchObject({ gold: 2, pred: 2, goldHit: 2, predHit: 2 });
    expect(r.strict.byType.LOCATION).toMatchObject({ gold: 1, pred: 1, goldHit: 0 });
  });

  it('overlap matching accepts the partial location', () => {
    expect(r.overlap.byType.LOCATION).toMatchObject({ goldHit: 1, predHit: 1 });
    expect(r.overlap.overall.recall).toBe(1);
    expect(r.strict.overall.recall).toBeCloseTo(2 / 3);
  });

  it('counts PII-free texts with any finding as altered', () => {
    expect(r.piiFree).toEqual({ texts: 2, altered: 1, share: 0.5 });
  });

  it('measures type-agnostic coverage of the evaluated gold spans', () => {
    expect(r.anyTypeRecall).toBe(1);
  });
});
