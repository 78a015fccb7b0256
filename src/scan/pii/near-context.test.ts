import { describe, expect, it } from 'vitest';
import { forEachNearCue } from './near-context.js';

function visited(text: string): string[] {
  const out: string[] = [];
  forEachNearCue(text, { cue: /CUE/g, candidate: /\d+/g, maxLength: 10 }, (start, end, value) => {
    expect(text.slice(start, end)).toBe(value);
    out.push(value);
  });
  return out;
}

describe('forEachNearCue', () => {
  it.each([
    ['nothing without a cue', 'no cue here 12345', []],
    ['a number after the cue', 'CUE 12345', ['12345']],
    ['a number before the cue', '12345 CUE', ['12345']],
    ['nothing far from the cue', `CUE ${'x'.repeat(80)} 12345`, []],
    ['each number once when windows overlap', 'CUE 111 CUE 222 CUE 333', ['111', '222', '333']],
    ['empty text', '', []],
  ])('visits %s', (_name, text, expected) => {
    expect(visited(text)).toEqual(expected);
  });

  it('sees a number whole when the first window cuts it and a later cue covers it', () => {
    // The first cue's window ends at 3 + 48 + 10 = 61, inside the number at 55..65.
    const text = `CUE${'x'.repeat(52)}1234567890${'x'.repeat(5)}CUE`;
    expect(visited(text)).toEqual(['1234567890']);
  });
});
