// The UTF-16 code units of a text in a typed array, for the per-character loops of the injection
// detectors: in optimised code `charCodeAt` dispatches on the string's layout for every character,
// which costs several times a typed-array read. One call of `detectInjection` reads the same
// normalised text in several passes (the scan for obfuscation, the word index, the pattern search,
// the classifier), so the last few texts keep their arrays and a pass over one of them copies
// nothing. The copy itself is `codeUnits` (native, via UTF-8).
import { codeUnits } from '../ner/code-units.js';

/** How many texts keep their units: the text before and after lower-casing, its words view, and one to spare. */
const KEPT = 4;

const texts: (string | undefined)[] = new Array<string | undefined>(KEPT).fill(undefined);
const arrays: Uint16Array[] = Array.from({ length: KEPT }, () => new Uint16Array(1024));
/** The slot to fill next (the least recently filled). */
let next = 0;

/**
 * Texts longer than this are neither kept nor copied into the kept arrays: each call gets a fresh
 * array, so that one huge request leaves no huge array or text referenced by this module (nor a
 * huge scratch array in `codeUnits`). The injection detector's other caches (`isAscii`'s buffer,
 * the pattern search's last analysis) keep nothing for such texts either.
 */
export const MAX_KEPT_UNITS = 65536;

/**
 * The code units of `text`, followed by a 0 so that loops may read one past the end without a
 * bounds test. The array belongs to this module and is reused: read it before asking for the units
 * of another text, which may be given the same array. (Kept texts are compared by content, so an
 * equal string built anew still finds its array; the first difference usually ends the comparison.)
 * Only texts of up to {@link MAX_KEPT_UNITS} units are kept, in arrays of at most that size.
 */
export function textUnits(text: string): Uint16Array {
  const n = text.length;
  if (n > MAX_KEPT_UNITS) return freshUnits(text);
  for (let k = 0; k < KEPT; k++) if (texts[k] === text) return arrays[k] as Uint16Array;
  const slot = next;
  next = (next + 1) % KEPT;
  let out = arrays[slot] as Uint16Array;
  if (out.length <= n) arrays[slot] = out = new Uint16Array(Math.min(Math.max(n + 1, out.length * 2), MAX_KEPT_UNITS + 1));
  // codeUnits writes into a scratch array it shares with its other callers: copied out at once.
  out.set(codeUnits(text).subarray(0, n + 1));
  texts[slot] = text;
  return out;
}

/** The units of a long text in an array of its own (zero-filled, so the unit after the text is 0). */
function freshUnits(text: string): Uint16Array {
  const n = text.length;
  const out = new Uint16Array(n + 1);
  for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  return out;
}
