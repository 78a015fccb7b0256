import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import { createScanner } from '../scanner.js';
import { nerDetector, nerDetectors, streetAddressDetector } from './ner-detectors.js';

const ctx = { regions: ['US'] };
const scanner = createScanner({ detectors: nerDetectors });

function found(text: string): string[] {
  return scanner.scan(text).map((f: Finding) => `${f.type}:${text.slice(f.start, f.end)}`);
}

describe('NER detectors', () => {
  it('have stable ids and entity types', () => {
    expect(nerDetector.id).toBe('pii.ner');
    expect(nerDetector.entities).toEqual(['PERSON', 'LOCATION', 'ORGANIZATION']);
    expect(streetAddressDetector.id).toBe('pii.street_address');
    expect(streetAddressDetector.entities).toEqual(['STREET_ADDRESS']);
  });

  it('returns nothing for empty or blank text', () => {
    for (const d of nerDetectors) {
      expect(d.detect('', ctx)).toEqual([]);
      expect(d.detect(' \n\t ', ctx)).toEqual([]);
    }
  });

  it.each([
    ['My name is Erik Baader.', 'PERSON:Erik Baader'],
    ['my name is john smith', 'PERSON:john smith'],
    ['MY NAME IS JOHN SMITH', 'PERSON:JOHN SMITH'],
    ['Dear Anna,\nthanks for the update.', 'PERSON:Anna'],
    ['Best regards,\nMarkus Weber', 'PERSON:Markus Weber'],
    ['Hello, this is Dr. Kyle Kuefer. Who are you?', 'PERSON:Kyle Kuefer'],
    ["Jean-Luc O'Brien joined the call.", "PERSON:Jean-Luc O'Brien"],
    ['Hi, I am José Müller from Zürich.', 'PERSON:José Müller'],
    ['I live in Zürich.', 'LOCATION:Zürich'],
    ['Please ask Keira E. Forster.', 'PERSON:Keira E. Forster'],
    // A postcode after a place is not part of its name.
    ['Ship it to Spain 16200 please.', 'LOCATION:Spain'],
    ['She works at Siemens AG in Berlin.', 'ORGANIZATION:Siemens AG'],
    ['She works at Siemens AG in Berlin.', 'LOCATION:Berlin'],
  ])('in %j finds %s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it.each([
    ['I live at 1600 Pennsylvania Avenue NW, Washington', 'STREET_ADDRESS:1600 Pennsylvania Avenue NW'],
    ['The meeting is at 221B Baker Street, London NW1 6XE.', 'STREET_ADDRESS:221B Baker Street'],
  ])('in %j finds an address starting %s', (text, prefix) => {
    expect(found(text).some((f) => f.startsWith(prefix))).toBe(true);
  });

  it.each([
    'Please send the report. Thanks!',
    'What are my options?',
    'Call getUserName() and read user_name from the config.',
    'The quick brown fox jumps over the lazy dog.',
  ])('finds no names in %j', (text) => {
    expect(found(text).filter((f) => f.startsWith('PERSON'))).toEqual([]);
  });

  // Ordinary prompts with capitalised words and nothing to find: every finding here would
  // rewrite a user's prompt in the gateway.
  it.each([
    'Rewrite the email in a Formal, Assertive tone.',
    'Tone: Formal, Friendly, Professional',
    'Classify the sentiment as Positive, Negative or Neutral.',
    'Please send it by Monday.',
    'Monday: gym. Tuesday: swimming.',
    'Open Excel and select the Data tab.',
    'Step 1: Preheat the oven.',
    'Output: Yes',
    'Thanks for your help!',
  ])('finds nothing in the entity-free prompt %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('does not take a very long token (a hash, a blob) for a name', () => {
    expect(found(`Token ${'Abcdefgh'.repeat(10)} expired.`)).toEqual([]);
  });

  it('keeps entity spans bounded on a long run of names', () => {
    const text = 'John Smith '.repeat(500);
    const spans = nerDetector.detect(text, ctx);
    expect(spans.length).toBeGreaterThan(1);
    expect(Math.max(...spans.map((f) => f.end - f.start))).toBeLessThan(200);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '😀😀 My name is Erik Baader';
    const person = scanner.scan(text).find((f) => f.type === 'PERSON');
    expect(person).toBeDefined();
    expect(person?.start).toBe(text.indexOf('Erik'));
    expect(text.slice(person?.start, person?.end)).toBe('Erik Baader');
  });

  it('scores in [0, 1] and never puts the value into the reason', () => {
    const text = 'Contact Margaret Thornbury at Acme Ltd in Leeds.';
    const findings = nerDetectors.flatMap((d) => d.detect(text, ctx));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.reason).not.toContain(text.slice(f.start, f.end));
    }
  });

  it('gives the same answer when called twice and for a new text after another', () => {
    const a = 'Ask Maria Lopez.';
    const b = 'Ask Peter Novakovic.';
    const first = nerDetector.detect(a, ctx);
    expect(nerDetector.detect(b, ctx)).not.toEqual(first);
    expect(nerDetector.detect(a, ctx)).toEqual(first);
  });
});
