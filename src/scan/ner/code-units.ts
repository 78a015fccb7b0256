// The UTF-16 code units of a text in a typed array, for the tokenizer's per-character loops:
// in optimised code `charCodeAt` dispatches on the string's representation for every
// character, which costs several times a typed-array read. `TextEncoder.encodeInto` copies the
// text natively (as UTF-8, which for ASCII is the code units themselves), so the copy costs a
// few instructions per text instead of tens per character.

const encoder = new TextEncoder();
/** Runs of units above ASCII: they are the only ones UTF-8 does not store as themselves. */
const NON_ASCII = /[\u0080-\uffff]+/g;
/**
 * Above this share of extra UTF-8 bytes (1/64 of the units), a text is copied unit by unit:
 * finding its many non-ASCII runs would cost more.
 */
const FEW_NON_ASCII = 64;

let bytes = new Uint8Array(3072);
let units = new Uint16Array(1024);

/**
 * The code units of `text`, followed by a 0 so that loops may read one past the end without a
 * bounds test. The array is scratch space shared by every call: use it before the next call.
 */
export function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (units.length <= n) {
    units = new Uint16Array(Math.max(n + 1, units.length * 2));
    // UTF-8 takes at most 3 bytes per UTF-16 unit (4 for a pair of 2), so the whole text fits.
    bytes = new Uint8Array(units.length * 3);
  }
  const out = units;
  const written = encoder.encodeInto(text, bytes).written;
  // ASCII encodes to one byte per unit and anything else to more: `written - n` extra bytes.
  if (written === n) {
    out.set(bytes.subarray(0, n));
  } else if ((written - n) * FEW_NON_ASCII <= n) {
    copyAroundNonAscii(text, out);
  } else {
    for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  }
  out[n] = 0;
  return out;
}

/**
 * Copies the ASCII runs from the UTF-8 bytes, each shifted by the extra bytes of the multi-byte
 * sequences before it, and the few units between them one by one.
 */
function copyAroundNonAscii(text: string, out: Uint16Array): void {
  const source = bytes;
  const re = NON_ASCII;
  re.lastIndex = 0;
  let from = 0;
  let extra = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index;
    if (at > from) out.set(source.subarray(from + extra, at + extra), from);
    const end = at + m[0].length;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      out[i] = c;
      extra += extraUtf8Bytes(text, i, c);
    }
    from = end;
  }
  if (from < text.length) out.set(source.subarray(from + extra, text.length + extra), from);
}

/** UTF-8 bytes beyond one that unit `c` at `i` takes (a pair's 4 bytes count 2 per unit). */
function extraUtf8Bytes(text: string, i: number, c: number): number {
  if (c < 0x800) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 1 : 2; // a lone surrogate becomes U+FFFD (3 bytes)
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = text.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff ? 1 : 2;
  }
  return 2;
}
