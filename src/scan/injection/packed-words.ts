/** Words of up to this many letters a–z pack into one small integer: five bits a letter. */
export const PACKED_LETTERS = 6;

/** The letters a–z of `word` packed (five bits each, first letter highest); words up to PACKED_LETTERS long. */
export function packLetters(word: string): number {
  let key = 0;
  for (let k = 0; k < word.length; k++) key = (key << 5) | ((word.charCodeAt(k) | 0x20) - 0x60);
  return key;
}

/**
 * A set of packed words (`packLetters`), looked up without hashing a string: open addressing in
 * an integer table, so a word read one letter at a time is checked with a multiply and a load or
 * two. Only words of one to PACKED_LETTERS letters a–z are kept (others are not packable).
 */
export class PackedWordSet {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const keys = [...words].filter((w) => w.length >= 1 && w.length <= PACKED_LETTERS && /^[a-z]+$/.test(w)).map(packLetters);
    let size = 16;
    while (size < keys.length * 4) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (const key of keys) this.table[this.slot(key)] = key;
  }

  /** Whether the packed word `key` is in the set (no packed word is 0, the empty slot). */
  has(key: number): boolean {
    return this.table[this.slot(key)] === key;
  }

  private slot(key: number): number {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 16) & this.mask;
    while (this.table[slot] !== 0 && this.table[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }
}
