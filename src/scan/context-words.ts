/** How far around a finding context words are looked for, in UTF-16 code units. */
export const CONTEXT_WINDOW_BEFORE = 48;
export const CONTEXT_WINDOW_AFTER = 24;

/** How much a context word raises a finding's score (capped at 1). */
export const CONTEXT_BOOST = 0.35;

function isWordChar(code: number): boolean {
  // ASCII letters and digits, plus everything above ASCII that is not a space or general
  // punctuation: good enough for word boundaries around context words in Latin-script text.
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    (code > 127 && code !== 0xa0 && !(code >= 0x2000 && code <= 0x206f))
  );
}

/**
 * Context words grouped by first character, longest first, so a phrase beats its last word. ASCII
 * first characters index an array: the search looks up every character of the window.
 */
interface CompiledWords {
  readonly ascii: readonly (readonly string[] | undefined)[];
  readonly other: ReadonlyMap<number, readonly string[]>;
}

// Detectors pass the same frozen list on every call: compile each list once.
const compiled = new WeakMap<readonly string[], CompiledWords>();

function compile(words: readonly string[]): CompiledWords {
  let byFirst = compiled.get(words);
  if (byFirst) return byFirst;
  const ascii: (string[] | undefined)[] = new Array<string[] | undefined>(128).fill(undefined);
  const other = new Map<number, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    if (w.length === 0) continue;
    const first = w.charCodeAt(0);
    const list = first < 128 ? ascii[first] : other.get(first);
    if (list) list.push(w);
    else if (first < 128) ascii[first] = [w];
    else other.set(first, [w]);
  }
  byFirst = { ascii, other };
  compiled.set(words, byFirst);
  return byFirst;
}

/** Lower-cases one UTF-16 unit: ASCII by arithmetic, anything else through the string API. */
function lower(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 128) return code;
  const s = String.fromCharCode(code).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : code;
}

function matchesAt(text: string, at: number, word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    if (lower(text.charCodeAt(at + i)) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** Word characters among ASCII code units (see `isWordChar`), as a table: the search reads every unit. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordChar(c) ? 1 : 0;

/** The first context word starting at a word start in `[lo, hi)` and ending by `hi`. */
function findIn(text: string, lo: number, hi: number, byFirst: CompiledWords): string | undefined {
  const { ascii, other } = byFirst;
  const wordTable = ASCII_WORD;
  // Only a word start can begin a context word: whether the previous unit is a word character is
  // carried from one position to the next, so each unit is read once.
  let afterWord = lo > 0 && isWordChar(text.charCodeAt(lo - 1));
  for (let at = lo; at < hi; at++) {
    const code = text.charCodeAt(at);
    const wordStart = !afterWord;
    afterWord = code < 128 ? wordTable[code] === 1 : isWordChar(code);
    if (!wordStart) continue;
    const first = lower(code);
    const candidates = first < 128 ? ascii[first] : other.get(first);
    if (!candidates) continue;
    for (const word of candidates) {
      const stop = at + word.length;
      if (stop > hi || !matchesAt(text, at, word)) continue;
      if (stop < text.length && isWordChar(text.charCodeAt(stop))) continue;
      return word;
    }
  }
  return undefined;
}

/**
 * Returns a context word (from `words`: lower-case words or phrases) that occurs word-bounded
 * within the window around `[start, end)` of `text`, or `undefined`; the nearest-to-the-left-edge
 * match of the left window wins, then the right window. The finding itself is not searched, so a
 * value cannot be its own context. No allocation per call: this runs for every finding.
 */
export function findContextWord(
  text: string,
  start: number,
  end: number,
  words: readonly string[],
  before = CONTEXT_WINDOW_BEFORE,
  after = CONTEXT_WINDOW_AFTER,
): string | undefined {
  const byFirst = compile(words);
  return (
    findIn(text, Math.max(0, start - before), start, byFirst) ??
    findIn(text, end, Math.min(text.length, end + after), byFirst)
  );
}
