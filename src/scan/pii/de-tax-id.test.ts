import { describe, expect, it } from 'vitest';
import { deTaxIdDetector } from './de-tax-id.js';

const ctx = { regions: ['DE'] };
const values = (text: string) => deTaxIdDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.de_tax_id', () => {
  it.each([
    ['the published ELSTER example', 'Steuer-ID: 86095742719', '86095742719'],
    ['another published example', 'IdNr 65929970489.', '65929970489'],
    ['a digit appearing twice', 'tax id 12345678911', '12345678911'],
    ['a digit appearing three times, not in a row', 'IdNr 12131456787', '12131456787'],
    ['grouped 2-3-3-3', 'Steuer-ID 86 095 742 719', '86 095 742 719'],
    ['grouped 3-3-3-2', 'Steuer-ID 860 957 427 19', '860 957 427 19'],
  ])('finds a valid number: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a wrong check digit', 'Steuer-ID 86095742718'],
    ['a test number starting with 0 (valid check digit)', 'Steuer-ID 02476291358'],
    ['no repeated digit (valid check digit)', 'Steuer-ID 12345678903'],
    ['a digit three times in a row (valid check digit)', 'Steuer-ID 11123456786'],
    ['a digit four times (valid check digit)', 'Steuer-ID 22223456784'],
    ['irregular grouping', 'Steuer-ID 8609 5742 719'],
    ['12 digits', 'Steuer-ID 860957427190'],
    ['part of a longer spaced number', 'Steuer-ID 86095742719 5'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🧾🇩🇪 86095742719';
    expect(deTaxIdDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'DE_TAX_ID', detector: 'pii.de_tax_id', start: 7, end: 18 }),
    ]);
  });

  it('stays below the default threshold without context', () => {
    expect(deTaxIdDetector.detect('86095742719', ctx)[0]?.score).toBeLessThan(0.5);
  });
});
