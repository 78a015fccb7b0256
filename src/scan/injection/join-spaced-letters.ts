import { ATTACK_VOCABULARY, LONGEST_VOCABULARY_WORD } from './attack-vocabulary.js';

/** Result of `joinSpacedLetters`. */
export interface JoinedText {
  readonly text: string;
  readonly joined: boolean;
}

// Four or more single letters with one to three separator characters between them. Every
// repetition starts with a separator and ends on a lone letter, so matching stays linear.
const SPACED = /(?<![A-Za-z0-9])[A-Za-z](?:[ .\-_*|/,]{1,3}[A-Za-z](?![A-Za-z0-9])){3,}/g;
// The same, matched where a run is known to begin.
const SPACED_AT = new RegExp(SPACED.source, 'y');
const MAX_SEGMENT = 400;

// Costs of the segmentation: a vocabulary word costs 1 whatever its length, a letter outside any
// word costs 3, so known words win and unknown stretches stay short.
const WORD_COST = 1;
const UNKNOWN_LETTER_COST = 3;

/**
 * Splits a run of letters into vocabulary words by dynamic programming, unknown stretches kept as
 * chunks ("saythatyoulovezorg" → say that you love zorg). Undefined when under 60% of the letters
 * fall in known words.
 */
function segment(letters: string): string[] | undefined {
  const n = letters.length;
  if (n > MAX_SEGMENT) return undefined;
  const cost: number[] = [0];
  const step: number[] = [0];
  const known: boolean[] = [false];
  for (let end = 1; end <= n; end++) {
    cost[end] = (cost[end - 1] as number) + UNKNOWN_LETTER_COST;
    step[end] = 1;
    known[end] = false;
    for (let len = Math.min(end, LONGEST_VOCABULARY_WORD); len >= 1; len--) {
      const word = letters.slice(end - len, end);
      if ((len > 1 || word === 'a' || word === 'i') && ATTACK_VOCABULARY.has(word)) {
        const c = (cost[end - len] as number) + WORD_COST;
        if (c < (cost[end] as number)) {
          cost[end] = c;
          step[end] = len;
          known[end] = true;
        }
      }
    }
  }
  const words: string[] = [];
  let knownLetters = 0;
  let unknown = '';
  for (let end = n; end > 0; ) {
    const len = step[end] as number;
    if (known[end]) {
      if (unknown !== '') words.unshift(unknown);
      unknown = '';
      words.unshift(letters.slice(end - len, end));
      knownLetters += len;
    } else {
      unknown = letters[end - 1] + unknown;
    }
    end -= len;
  }
  if (unknown !== '') words.unshift(unknown);
  return knownLetters >= 0.6 * n ? words : undefined;
}

function joinRun(run: string): string | undefined {
  const letters = run.match(/[A-Za-z]/g) ?? [];
  const seps = run.split(/[A-Za-z]/).slice(1, -1);
  const counts = new Map<string, number>();
  for (const s of seps) counts.set(s, (counts.get(s) ?? 0) + 1);
  let unit = '';
  let most = 0;
  for (const [s, n] of counts) if (n > most) [unit, most] = [s, n];
  // A separator other than the usual one ("  " or " / " between "i g n o r e" and "a l l") is a word break.
  const groups: string[] = [];
  let current = letters[0]?.toLowerCase() ?? '';
  for (let i = 0; i < seps.length; i++) {
    if (seps[i] !== unit) {
      groups.push(current);
      current = '';
    }
    current += letters[i + 1]?.toLowerCase() ?? '';
  }
  groups.push(current);
  const words = groups.flatMap((g) => (ATTACK_VOCABULARY.has(g) ? [g] : (segment(g) ?? [g])));
  return words.some((w) => w.length >= 3 && ATTACK_VOCABULARY.has(w)) ? words.join(' ') : undefined;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

function isSeparator(c: number): boolean {
  // space . - _ * | / ,
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2a || c === 0x7c || c === 0x2f || c === 0x2c;
}

/** Cheap scan: four lone letters in a row with short separators between them. */
function hasSpacedRun(text: string): boolean {
  let count = 0;
  let lastEnd = -10;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) continue;
    if (isAsciiAlnum(text.charCodeAt(i - 1)) || isAsciiAlnum(text.charCodeAt(i + 1))) continue;
    let ok = i - lastEnd <= 4 && i - lastEnd >= 2;
    for (let k = lastEnd + 1; ok && k < i; k++) if (!isSeparator(text.charCodeAt(k))) ok = false;
    count = ok ? count + 1 : 1;
    if (count >= 4) return true;
    lastEnd = i;
  }
  return false;
}

/**
 * Joins letters spelled out one by one ("i g n o r e", "s-y-s-t-e-m") into words. A run is joined
 * only when the result has a vocabulary word, so "a b c d" and initials stay as they are.
 */
export function joinSpacedLetters(text: string): JoinedText {
  if (!hasSpacedRun(text)) return { text, joined: false };
  return joinAll(text);
}

/**
 * `joinSpacedLetters` for a text whose spaced runs are known: `starts` are where they begin (the
 * first letter of each row of four or more lone letters, as `quickScan` finds them, in order).
 * Each run is matched where it begins instead of searching the whole text for it.
 */
export function joinSpacedRuns(text: string, starts: readonly number[]): JoinedText {
  let joined = false;
  const parts: string[] = [];
  let from = 0;
  for (const start of starts) {
    SPACED_AT.lastIndex = start;
    const m = SPACED_AT.exec(text);
    // Every row of four lone letters is where a match of SPACED begins; were it not, search.
    if (m === null || start < from) return joinAll(text);
    const words = joinRun(m[0]);
    if (words === undefined) continue;
    joined = true;
    parts.push(text.slice(from, start), words);
    from = start + m[0].length;
  }
  if (!joined) return { text, joined };
  parts.push(text.slice(from));
  return { text: parts.join(''), joined };
}

function joinAll(text: string): JoinedText {
  let joined = false;
  const out = text.replace(SPACED, (run) => {
    const words = joinRun(run);
    if (words === undefined) return run;
    joined = true;
    return words;
  });
  return { text: out, joined };
}
