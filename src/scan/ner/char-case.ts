/** Character classes of UTF-16 code units, as bits of {@link CharTables.cls}. */
export const CharClass = {
  LETTER: 1,
  DIGIT: 2,
  UPPER: 4,
  LOWER: 8,
  UNDERSCORE: 16,
  APOSTROPHE: 32,
  HYPHEN: 64,
} as const;

/** Per-code-unit lookup tables: the hot loops index these instead of calling functions. */
export interface CharTables {
  /** Lower-case form of each code unit (identity where case does not apply). */
  readonly lower: Uint16Array;
  /** {@link CharClass} bits of each code unit. */
  readonly cls: Uint8Array;
  /**
   * Both at once, `lower | cls << 16`: the tokenizer's per-character loop reads one table
   * instead of two.
   */
  readonly info: Int32Array;
}

let tables: CharTables | undefined;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return false;
  if (c < 0x2000) return c !== 0xd7 && c !== 0xf7;
  if (c < 0x2c00) return false; // punctuation, symbols, arrows, maths
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xf8ff) return false; // surrogates (emoji) and private use
  return c < 0xfe00;
}

function build(): CharTables {
  const lower = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    lower[c] = c;
    let bits = 0;
    if (isLetter(c)) {
      bits |= CharClass.LETTER;
      // Case is looked up only where scripts have it; CJK and the like stay caseless.
      if (c < 0x2000) {
        const s = String.fromCharCode(c);
        const lo = s.toLowerCase();
        const up = s.toUpperCase();
        if (lo !== s) {
          // "İ" lower-cases to two code units ("i" + a combining dot): keep the base letter.
          lower[c] = lo.charCodeAt(0);
          bits |= CharClass.UPPER;
        } else if (up.length === 1 && up !== s) {
          bits |= CharClass.LOWER;
        } else if (up !== s) {
          bits |= CharClass.LOWER; // e.g. "ß", whose upper case is two letters
        }
      }
    }
    if (c >= 48 && c <= 57) bits |= CharClass.DIGIT;
    if (c === 95) bits |= CharClass.UNDERSCORE;
    if (c === 39 || c === 0x2019) bits |= CharClass.APOSTROPHE;
    if (c === 45 || c === 0x2010 || c === 0x2011) bits |= CharClass.HYPHEN;
    cls[c] = bits;
  }
  const info = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) info[c] = (lower[c] as number) | ((cls[c] as number) << 16);
  return { lower, cls, info };
}

/** The character tables, built on first use (a few milliseconds) and kept. */
export function charTables(): CharTables {
  tables ??= build();
  return tables;
}
