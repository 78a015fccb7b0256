const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/' };

/**
 * Streamed tool-call arguments are raw JSON text released piece by piece. Redacting a span of it
 * must leave valid JSON: a span may not keep half an escape (`\` of `\n`, part of `\u00e9`) nor
 * swallow a quote that ends a string, and a release may not end inside an escape. These helpers
 * work on a fragment that starts outside any escape.
 */
export class JsonFragment {
  /** For each index, where the escape sequence covering it starts (the index itself when plain). */
  readonly #owner: Int32Array;

  constructor(readonly text: string) {
    const owner = new Int32Array(text.length);
    for (let i = 0; i < text.length; ) {
      const len = text[i] !== '\\' ? 1 : text[i + 1] === 'u' ? 6 : 2;
      for (let k = i; k < Math.min(text.length, i + len); k++) owner[k] = i;
      i += len;
    }
    this.#owner = owner;
  }

  /**
   * The text with each escape replaced by the character it stands for, padded with spaces to the
   * escape's length: detectors see `\n` as a line break (so `\ntok_…` does not read as `ntok_…`)
   * while every index still points at the same place in the raw text.
   */
  view(): string {
    const { text } = this;
    if (!text.includes('\\')) return text;
    let out = '';
    for (let i = 0; i < text.length; ) {
      if (text[i] !== '\\') {
        out += text[i++];
        continue;
      }
      const len = this.#lengthAt(i);
      const hex = text.slice(i + 2, i + 6);
      const next = text[i + 1] ?? '';
      const ch = len === 6 && /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : (ESCAPES[next] ?? ' ');
      out += ch.padEnd(len, ' ');
      i += len;
    }
    return out;
  }

  #lengthAt(i: number): number {
    let k = i;
    while (k < this.text.length && this.#owner[k] === i) k++;
    return k - i;
  }

  /** `cut` moved back to the start of the escape it would split. */
  boundary(cut: number): number {
    return cut < this.text.length ? this.#owner[cut]! : cut;
  }

  /** `[start, end)` widened to whole escapes, or `undefined` when it crosses a string's quote. */
  widen(start: number, end: number): { start: number; end: number } | undefined {
    const s = this.boundary(start);
    let e = end;
    if (e < this.text.length && this.#owner[e]! < e) {
      const owner = this.#owner[e]!;
      while (e < this.text.length && this.#owner[e] === owner) e++;
    }
    for (let i = s; i < e; i++) if (this.text[i] === '"' && this.#owner[i] === i) return undefined;
    return { start: s, end: e };
  }
}
