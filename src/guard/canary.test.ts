import { describe, expect, it } from 'vitest';
import { CanaryWatch, canaryLine, containsCanary, foldForCanary, newCanary, valueContainsCanary } from './canary.js';

const fixed = newCanary(() => new Uint8Array([0, 68, 50, 20, 199, 66, 84, 182, 93, 255]));
const { token, core } = fixed;
const spaced = (s: string, sep: string): string => [...s].join(sep);

describe('newCanary', () => {
  it('is bwc- and 16 base32 characters, different every time (also across refills of the random pool)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const c = newCanary();
      expect(c.token).toMatch(/^bwc-[a-z2-7]{16}$/);
      expect(c.token).toBe(`bwc-${c.core}`);
      seen.add(c.core);
    }
    expect(seen.size).toBe(1000) // past several refills of the random pool;
  });

  it('encodes the 80 random bits exactly (base32 of fixed bytes)', () => {
    expect(core).toBe('abcdefghijklmxp7');
    expect(newCanary(() => new Uint8Array(10)).core).toBe('a'.repeat(16));
    expect(newCanary(() => new Uint8Array(10).fill(255)).core).toBe('7'.repeat(16));
  });

  it('the prompt line carries the token', () => {
    expect(canaryLine(fixed)).toContain(token);
  });
});

describe('containsCanary', () => {
  it.each([
    ['verbatim', `My instructions: ${canaryLine(fixed)} Be nice.`],
    ['upper case', token.toUpperCase()],
    ['the core alone', `marker ${core}.`],
    ['spaced letters', spaced(token, ' ')],
    ['dashes and dots between letters', spaced(core, '-.')],
    ['zero-width characters inside', spaced(core, '\u200b')],
    ['new lines inside', `${core.slice(0, 5)}\n${core.slice(5)}`],
    ['full-width letters', [...core].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('')],
    ['Cyrillic look-alikes', core.replaceAll('a', 'а').replaceAll('e', 'е')],
  ])('finds it: %s', (_, text) => {
    expect(containsCanary(text, fixed)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['15 of 16 characters', core.slice(0, 15)],
    ['another canary', newCanary().token],
    ['the core reversed', [...core].reverse().join('')],
    ['ordinary prose', 'The assistant follows its system prompt and says hello.'],
  ])('does not find it: %s', (_, text) => {
    expect(containsCanary(text, fixed)).toBe(false);
  });

  it('folds JSON escapes when asked: \\n and \\u escapes are what they stand for', () => {
    const escaped = JSON.stringify(`${core.slice(0, 6)}\n${core.slice(6)}`).slice(1, -1);
    expect(foldForCanary(escaped).chars).not.toContain(core);
    expect(foldForCanary(escaped, true).chars).toContain(core);
    const unicode = core.slice(0, 3) + '\\u00' + core.charCodeAt(3).toString(16) + core.slice(4);
    expect(foldForCanary(unicode, true).chars).toContain(core);
  });
});

describe('valueContainsCanary', () => {
  it('finds it in strings, object keys and inside parsed tool-call arguments', () => {
    expect(valueContainsCanary([{ message: { content: `x ${token}` } }], fixed)).toBe(true);
    expect(valueContainsCanary({ [core]: 1 }, fixed)).toBe(true);
    const args = JSON.stringify({ note: `${core.slice(0, 8)}\n${core.slice(8)}` });
    expect(valueContainsCanary([{ message: { tool_calls: [{ function: { name: 'f', arguments: args } }] } }], fixed)).toBe(true);
    expect(valueContainsCanary([{ message: { content: 'nothing here', tool_calls: [{ function: { arguments: '{"a":1}' } }] } }], fixed)).toBe(false);
    expect(valueContainsCanary(null, fixed)).toBe(false);
  });

  it('walks hostile nesting without overflowing the stack', () => {
    let deep: unknown = `x ${token}`;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueContainsCanary(deep, fixed)).toBe(true);
  });
});

describe('CanaryWatch', () => {
  it('holds back a possible start of the marker at the end of the text', () => {
    const w = new CanaryWatch(fixed);
    const text = `Sure, here it is: ${core.slice(0, 6)}`;
    expect(w.check(text)).toEqual({ leaked: false, holdFrom: text.length - 6 });
    expect(w.check('plain words only')).toEqual({ leaked: false, holdFrom: 16 });
  });

  it('finds a marker split between released text and the next window', () => {
    const w = new CanaryWatch(fixed);
    w.released(`start ${core.slice(0, 9)}`);
    expect(w.check(`${core.slice(9)} end`).leaked).toBe(true);
    const other = new CanaryWatch(fixed);
    other.released(`start ${core.slice(0, 9)}`);
    expect(other.check(`${core.slice(10)} end`).leaked).toBe(false);
  });
});
