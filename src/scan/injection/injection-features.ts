/**
 * Features of the injection classifier, shared by inference and the trainer
 * (`scripts/train-injection.ts`) so both see exactly the same numbers.
 *
 * Text is cut into segments (sentences and lines, at most {@link MAX_SEGMENT_CHARS} long). Each
 * segment yields hashed sparse features: word unigrams and bigrams, the segment's first word (an
 * imperative opens most instructions) and character 3-, 4- and 5-grams (robust to misspellings,
 * inflection and other languages). A window is a run of neighbouring segments, or the whole text;
 * its score is its (damped) mean feature weight, so windows of any length score on one scale and the
 * best window of a long text finds the one instruction in it. Dense features (heuristic signal
 * scores, obfuscation) apply to the whole text.
 */
import { gramCount, gramSum } from './gram-sum.js';
import { textUnits } from './text-units.js';

/** Segments longer than this are cut at the next space, so one window never has to be huge. */
export const MAX_SEGMENT_CHARS = 240;
/**
 * The default window span in characters (a single longer segment still forms one). Each model
 * carries its own ({@link WindowShape}); this is the shape of models that do not say.
 */
export const MAX_WINDOW_CHARS = 480;
/** A window spans at most this many segments, so scoring stays linear in the text length. */
export const MAX_WINDOW_SEGMENTS = 12;
/**
 * The default prior added to a window's feature count: a window's score is its mean feature
 * weight, and a short window's few features would otherwise swing that mean far more than a long
 * window's many (the maximum over many short windows would mostly measure noise).
 */
export const WINDOW_PRIOR = 100;

/**
 * How a model pools: the longest window in characters and the prior added to a window's feature
 * count. Chosen per model by cross-validation: user prompts gain from long windows and a strong
 * prior (a jailbreak is spread over paragraphs), documents from short ones (the one inserted line).
 */
export interface WindowShape {
  readonly maxChars: number;
  readonly prior: number;
}

/** The shape of {@link MAX_WINDOW_CHARS} and {@link WINDOW_PRIOR}. */
export const DEFAULT_WINDOW: WindowShape = { maxChars: MAX_WINDOW_CHARS, prior: WINDOW_PRIOR };
/** Scales mean weights into logit units (any constant works; this keeps SGD steps well sized). */
const WINDOW_GAIN = 40;

/**
 * The factor that turns a window's weight sum into its score: the mean weight, damped for short
 * windows. A mean (not a sum or a square-root norm) so that the score does not grow with length or
 * repetition: forty copies of a benign sentence score as that sentence does.
 */
export function windowScale(count: number, prior: number = WINDOW_PRIOR): number {
  return WINDOW_GAIN / (count + prior);
}

const NS_WORD = 0x1b873593;
const NS_BIGRAM = 0x2f3c9a41;
const NS_FIRST = 0x5a1d7e3f;
const NS_CHAR = 0x3c6ef372;

/** Final avalanche (murmur3 fmix32): spreads hashes so the top bits index the weight table. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Letters and digits of any script; punctuation, symbols, emoji and spaces separate words. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c < 0xc0) return false;
  // General punctuation, symbols, arrows, box drawing; CJK punctuation; surrogates (emoji); fullwidth punctuation.
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return !(c >= 0xfe30 && c <= 0xff20);
}

/** A growable list of 32-bit feature hashes, reused across calls to avoid allocation. */
export class FeatureBuffer {
  ids = new Int32Array(1024);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/**
 * Cuts `text` into segments: after `.`, `!`, `?` or `;` followed by a space, at line breaks, and
 * at the first space after {@link MAX_SEGMENT_CHARS}. Returns `[start0, end0, start1, end1, ...]`;
 * blank segments are skipped.
 */
export function segmentText(text: string): number[] {
  return segmentUnits(textUnits(text), text.length);
}

/** {@link segmentText} of the text whose code units are `units[0, n)` (`textUnits`). */
export function segmentUnits(units: Uint16Array, n: number): number[] {
  const out: number[] = [];
  // Literals for MAX_SEGMENT_CHARS and twice it: optimised code reads a module-level constant from
  // memory at every use.
  const soft = 240;
  const hard = 480;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = units[i] as number;
    if (c > 0x20) {
      // No space at all for a long while (a long token, base64, CJK): cut hard.
      if (i - start >= hard) {
        closeSegment(units, start, i, out);
        start = i;
      }
      // Other units decide nothing before the next space or control character, or the next hard cut.
      let stop = start + hard;
      if (stop > n) stop = n;
      i++;
      while (i < stop && (units[i] as number) > 0x20) i++;
      continue;
    }
    let end = -1;
    if (c === 0x0a) {
      end = i + 1;
    } else if (c === 0x20 && i > start) {
      const prev = units[i - 1] as number;
      if (prev === 0x2e || prev === 0x21 || prev === 0x3f || prev === 0x3b || i - start >= soft) end = i + 1;
    } else if (i - start >= hard) {
      end = i;
    }
    if (end >= 0) {
      closeSegment(units, start, end, out);
      start = end;
    }
    i++;
  }
  closeSegment(units, start, n, out);
  return out;
}

/** Appends `units[start, end)` trimmed of spaces and control characters to `out`, unless blank. */
function closeSegment(units: Uint16Array, start: number, end: number, out: number[]): void {
  let s = start;
  let e = end;
  while (s < e && (units[s] as number) <= 0x20) s++;
  while (e > s && (units[e - 1] as number) <= 0x20) e--;
  if (e > s) out.push(s, e);
}

/** Appends the sparse feature hashes of `text[start, end)` to `out`. */
export function segmentFeatures(text: string, start: number, end: number, out: FeatureBuffer): void {
  // Words: FNV-1a over the characters, digits folded to 0 so numbers generalise.
  let prev = 0;
  let first = true;
  for (let i = start; i < end; ) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    for (; i < end && isWordChar((c = text.charCodeAt(i))); i++) {
      h = Math.imul(h ^ (c >= 0x30 && c <= 0x39 ? 0x30 : c), 0x01000193);
    }
    out.push(fmix(h ^ NS_WORD));
    if (first) {
      out.push(fmix(h ^ NS_FIRST));
      first = false;
    } else {
      out.push(fmix(Math.imul(prev, 0x9e3779b1) ^ h ^ NS_BIGRAM));
    }
    prev = h;
  }
  // Character 3- to 5-grams of the text as normalised (spaces and punctuation included).
  for (let i = start; i + 3 <= end; i++) {
    let h = NS_CHAR;
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(i + 1), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(i + 2), 0x01000193);
    out.push(fmix(h));
    if (i + 4 > end) continue;
    h = Math.imul(h ^ text.charCodeAt(i + 3), 0x01000193);
    out.push(fmix(h));
    if (i + 5 > end) continue;
    h = Math.imul(h ^ text.charCodeAt(i + 4), 0x01000193);
    out.push(fmix(h));
  }
}

/**
 * Per ASCII code unit, what a word hashes for it: the unit, `0` for every digit, and 0 for a unit
 * that is no word character.
 */
const WORD_UNIT = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 0x30;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = c;
  return table;
})();

/**
 * The weight sum (into `sums[at]`) and the count (returned) of the features `segmentFeatures`
 * yields for the text whose code units are `units` (`textUnits`), from `start` to `end`, looked up
 * in `weights` by `hash >>> shift` as they are made: the same features, without writing them down
 * first (speed only). The weights are small integers, so their sum is exact in any order: words
 * here, character n-grams in `gramSum`. Constants are local: optimised code reads a module-level
 * one from memory at every use.
 */
export function segmentScoreUnits(
  units: Uint16Array,
  start: number,
  end: number,
  weights: Int8Array,
  shift: number,
  sums: Float64Array,
  at: number,
): number {
  const prime = 0x01000193;
  const wordTable = WORD_UNIT;
  let sum = 0;
  let words = 0;
  let prev = 0;
  for (let i = start; i < end; i++) {
    let c = units[i] as number;
    let f = c < 0x80 ? (wordTable[c] as number) : isWordChar(c) ? c : 0;
    if (f === 0) continue;
    let h = 0x811c9dc5 | 0; // as an int32 (the same bits for Math.imul), so that h stays one
    do {
      h = Math.imul(h ^ f, prime);
      if (++i >= end) break;
      c = units[i] as number;
      f = c < 0x80 ? (wordTable[c] as number) : isWordChar(c) ? c : 0;
    } while (f !== 0);
    // units[i] (when i < end) is no word character: the loop steps past it.
    sum += weights[fmix(h ^ 0x1b873593) >>> shift] as number; // NS_WORD
    if (words === 0) sum += weights[fmix(h ^ 0x5a1d7e3f) >>> shift] as number; // NS_FIRST
    else sum += weights[fmix(Math.imul(prev, 0x9e3779b1) ^ h ^ 0x2f3c9a41) >>> shift] as number; // NS_BIGRAM
    words++;
    prev = h;
  }
  sums[at] = sum + gramSum(units, start, end, weights, shift);
  return 2 * words + gramCount(end - start);
}

/** The best window of a text: its score and the segments it spans. */
export interface BestWindow {
  readonly score: number;
  readonly first: number;
  readonly last: number;
}

/**
 * The highest-scoring window: runs of at most {@link MAX_WINDOW_SEGMENTS} neighbouring segments
 * within `shape.maxChars` (every single segment counts) and the whole text, scored as
 * `sum of weights * windowScale(feature count, shape.prior)`. `sums` and `counts` are per segment;
 * `bounds` are the segment offsets of `segmentText`. Linear in the segment count.
 */
export function bestWindow(
  sums: ArrayLike<number>,
  counts: ArrayLike<number>,
  bounds: ArrayLike<number>,
  shape: WindowShape = DEFAULT_WINDOW,
): BestWindow {
  const { maxChars, prior } = shape;
  const n = counts.length;
  let best = -Infinity;
  let bestFirst = 0;
  let bestLast = 0;
  for (let i = 0; i < n; i++) {
    const windowStart = bounds[2 * i] as number;
    let s = 0;
    let c = 0;
    for (let j = i; j < n && j < i + MAX_WINDOW_SEGMENTS; j++) {
      if (j > i && (bounds[2 * j + 1] as number) - windowStart > maxChars) break;
      s += sums[j] as number;
      c += counts[j] as number;
      if (c === 0) continue;
      const score = s * windowScale(c, prior);
      if (score > best) {
        best = score;
        bestFirst = i;
        bestLast = j;
      }
    }
  }
  if (n > 1) {
    // The whole text: a jailbreak's evidence is spread all through it.
    let s = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      s += sums[j] as number;
      c += counts[j] as number;
    }
    const score = c === 0 ? -Infinity : s * windowScale(c, prior);
    if (score > best) {
      best = score;
      bestFirst = 0;
      bestLast = n - 1;
    }
  }
  return { score: best === -Infinity ? 0 : best, first: bestFirst, last: bestLast };
}
