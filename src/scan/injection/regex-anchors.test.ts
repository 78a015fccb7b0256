import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delimiterPatterns } from './delimiter-patterns.js';
import { extractionPatterns } from './extraction-patterns.js';
import { overridePatterns } from './override-patterns.js';
import { personaPatterns } from './persona-patterns.js';
import { regexAnchors } from './regex-anchors.js';

const texts = (source: string): string[] => regexAnchors(source)?.anchors.map((a) => a.text) ?? [];

describe('regexAnchors', () => {
  const cases: [string, string, string[]][] = [
    ['a literal', 'secret handshake', ['secret h']],
    ['an alternation', '\\b(?:ignore|disregard) all\\b', ['disregar', 'ignore a']],
    ['an optional part', 'you(?: are)? now', ['you are ', 'you now']],
    ['a bounded class', '[ab]c', ['ac', 'bc']],
    ['a class too wide to list stops the anchor', 'ab\\w+cd', ['ab']],
    ['digits are listed', 'x\\d', ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9']],
    ['a prefix covers its extensions', '(?:ab|abc)d', ['abcd', 'abd']],
    ['escapes', '\\[\\/?inst\\]', ['[/inst]', '[inst]']],
    ['look-arounds consume nothing', '(?<!\\S)#{2,}x', ['##']],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(texts(source)).toEqual(expected);
  });

  const none: [string, string][] = [
    ['an empty match is possible', 'a?'],
    ['a match may start anywhere', '\\w+ mode'],
    ['one-character anchors select nothing', 'a|bc'],
    ['a back-reference', '(a)\\1'],
    ['a named group', '(?<x>ab)'],
    ['a property escape', '\\p{L}x'],
    ['a quantified assertion', '\\b*ab'],
    ['an unclosed group', '(ab'],
  ];
  it.each(none)('no anchors when %s', (_name, source) => {
    expect(regexAnchors(source)).toBeUndefined();
  });

  it('marks starts at a word boundary and matches that may only start at 0', () => {
    expect(regexAnchors('\\bsystem\\b')?.anchors).toEqual([{ text: 'system', atWordStart: true }]);
    expect(regexAnchors(' \\. now')?.anchors).toEqual([{ text: ' . now', atWordStart: false }]);
    expect(regexAnchors('(?:^|\\n)system')).toEqual({ anchors: [{ text: '\nsystem', atWordStart: false }], atStart: true });
  });

  // Every match of every pattern starts with one of its anchors (or at 0, for `^`), and a word-start
  // anchor only where a run of word characters begins: checked at every position of hostile text.
  const families = [overridePatterns, personaPatterns, extractionPatterns, delimiterPatterns];
  const sources = families.flatMap((f) => f.patterns.map((p) => p.re.source));
  const alphabet = ['ignore', ' all', ' previous', ' instructions', 'you', ' are', ' now', 'system', ':', '\n', '<|im_start|>', '[inst]', ' ', '.', "'", 'é', '_', 'x1', '##', 'mode unlocked', 'end of', ' the', 'prompt'];
  it('anchors cover every match start', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        for (const source of sources) {
          const found = regexAnchors(source);
          if (found === undefined) continue;
          const sticky = new RegExp(source, 'y');
          for (let p = 0; p <= text.length; p++) {
            sticky.lastIndex = p;
            if (!sticky.test(text)) continue;
            if (p === 0 && found.atStart) continue;
            const anchor = found.anchors.find((a) => text.startsWith(a.text, p));
            expect(anchor, `${source} at ${p} of ${JSON.stringify(text)}`).toBeDefined();
            if (anchor?.atWordStart === true) expect(p === 0 || !/\w/.test(text[p - 1] as string)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
