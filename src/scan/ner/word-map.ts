/**
 * A map from 32-bit word hashes to small flag sets, with open addressing in typed arrays: a
 * lookup is a multiply, a shift and (usually) one probe, with no string built.
 */
export class WordMap {
  // Read directly by the tokenizer, which probes once per word with the arrays in locals.
  /** Hash of each slot (0: empty). */
  readonly keys: Int32Array;
  /** Flags of each slot. */
  readonly values: Uint8Array;
  /** A hash's home slot is `Math.imul(h, 0x9e3779b1) >>> shift`. */
  readonly shift: number;
  /** The flags of hash 0 (0 marks an empty slot, so it is kept apart). */
  zeroValue = 0;

  constructor(hashes: ArrayLike<number>, flags: ArrayLike<number>) {
    let bits = 4;
    while (1 << bits < hashes.length * 2) bits++;
    this.keys = new Int32Array(1 << bits);
    this.values = new Uint8Array(1 << bits);
    this.shift = 32 - bits;
    for (let i = 0; i < hashes.length; i++) this.add((hashes[i] as number) | 0, flags[i] as number);
  }

  private add(h: number, v: number): void {
    // 0 marks an empty slot, so the value of hash 0 is kept apart.
    if (h === 0) {
      this.zeroValue |= v;
      return;
    }
    const mask = this.keys.length - 1;
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    while (this.keys[i] !== 0 && this.keys[i] !== h) i = (i + 1) & mask;
    this.keys[i] = h;
    this.values[i] = (this.values[i] as number) | v;
  }

  /** The flags stored for `h`, 0 when absent. */
  get(h: number): number {
    if (h === 0) return this.zeroValue;
    const mask = this.keys.length - 1;
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[i];
      if (k === h) return this.values[i] as number;
      if (k === 0) return 0;
      i = (i + 1) & mask;
    }
  }
}
