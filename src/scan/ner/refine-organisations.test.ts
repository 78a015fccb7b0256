import { describe, expect, it } from 'vitest';
import { loadNerModel } from './load-ner-model.js';
import { refineOrganisations } from './refine-organisations.js';
import type { NerSpan } from './ner-span.js';
import { lookupFlags } from './token-features.js';
import { tokenize } from './tokenize.js';

const ORG = 2;
const PERSON = 0;

/** Runs the rules on one hand-made span over `part` of `text`; returns the kept spans' text. */
function refine(text: string, part: string, score: number, type = ORG): string[] {
  const toks = tokenize(text);
  lookupFlags(toks, loadNerModel().words);
  const start = text.indexOf(part);
  const span: NerSpan = { type, start, end: start + part.length, score };
  return refineOrganisations(toks, [span]).map((s) => text.slice(s.start, s.end));
}

describe('refineOrganisations', () => {
  it.each([
    // The full stop of an abbreviated legal form belongs to the name.
    ['I work at Shepherd Ltd. now', 'Shepherd Ltd', 0.8, ['Shepherd Ltd.']],
    ['🙂 Smith & Co. made it', 'Smith & Co', 0.8, ['Smith & Co.']],
    // ...but only when it is attached and the last word is a legal form.
    ['I work at Shepherd Ltd . now', 'Shepherd Ltd', 0.8, ['Shepherd Ltd']],
    ['Acme Widgets. Then we left', 'Acme Widgets', 0.8, ['Acme Widgets']],
    // A name ending in a year is a law or an event.
    ['Title VII of the Civil Rights Act of 2001 says', 'Civil Rights Act of 2001', 0.9, []],
    // Everyday words joined by "&" or "," are a list, whatever the score.
    ['Genres: Mystery & Suspense, Drama', 'Mystery & Suspense', 0.9, []],
    // Everyday words alone need a confident model.
    ['Janka Szász\nNetwork and computer systems administrator', 'Network', 0.56, []],
    ['Janka Szász\nNetwork and computer systems administrator', 'Network', 0.8, ['Network']],
    ['I work for Rapid Cycle Solutions', 'Rapid Cycle Solutions', 0.8, ['Rapid Cycle Solutions']],
    ['Lending Club is great', 'Lending Club', 0.55, ['Lending Club']], // "club" is a legal-form word
  ])('%j: %j -> %j', (text, part, score, expected) => {
    expect(refine(text, part, score)).toEqual(expected);
  });

  it('leaves other entity types alone', () => {
    expect(refine('Thanks Kids & Family', 'Kids & Family', 0.55, PERSON)).toEqual(['Kids & Family']);
  });

  it('returns the same array when nothing changes', () => {
    const toks = tokenize('Acme Corp');
    lookupFlags(toks, loadNerModel().words);
    const spans: NerSpan[] = [{ type: ORG, start: 0, end: 9, score: 0.9 }];
    expect(refineOrganisations(toks, spans)).toBe(spans);
  });
});
