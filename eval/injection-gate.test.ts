import { describe, expect, it } from 'vitest';
import { checkInjectionGate } from './injection-gate.js';
import type { Line } from './injection-lines.js';

const lineOf = (tpr: number | null, fpr: number | null, tprAt1: number | null): Line => ({
  dataset: 'x',
  attacks: 10,
  benign: 10,
  tpr,
  fpr,
  precision: null,
  rocAuc: null,
  aucAgainstPooled: false,
  tprAt1,
});

describe('checkInjectionGate', () => {
  const direct = lineOf(0.9, 0.01, 0.88);
  const documents = lineOf(0.7, 0.02, 0.6);

  it('fails without any floor', () => {
    expect(checkInjectionGate(direct, documents, {})).toHaveLength(1);
  });

  it.each([
    [{ minTprAt1: 0.85, minTpr: 0.85, maxFpr: 0.015, minDocumentTpr: 0.65, maxDocumentFpr: 0.04 }, 0],
    [{ minTprAt1: 0.9 }, 1],
    [{ minTpr: 0.95 }, 1],
    [{ maxFpr: 0.005 }, 1],
    [{ minDocumentTpr: 0.75 }, 1],
    [{ maxDocumentFpr: 0.01 }, 1],
    [{ minTprAt1: 0.9, maxDocumentFpr: 0.01 }, 2],
  ])('%j -> %i failures', (floors, failures) => {
    expect(checkInjectionGate(direct, documents, floors)).toHaveLength(failures);
  });

  it('treats a missing number as failing its floor or ceiling', () => {
    const empty = lineOf(null, null, null);
    expect(checkInjectionGate(empty, empty, { minTprAt1: 0.1, maxFpr: 0.5, minDocumentTpr: 0.1, maxDocumentFpr: 0.5 })).toHaveLength(4);
  });
});
