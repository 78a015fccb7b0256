/** Result of `revealInvisible`. */
export interface RevealedText {
  readonly text: string;
  /** Obfuscation kinds met: `zero_width`, `bidi`, `tag_chars`, `variation_selectors`. */
  readonly found: readonly string[];
}

// Any character this pass removes or decodes; most texts have none and return at once.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- a class of invisible code units, on purpose
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/;
// The same, to jump from one candidate to the next: every character `kindOf` acts on is one.
// eslint-disable-next-line no-misleading-character-class -- as above
const NEXT_INVISIBLE = new RegExp(INVISIBLE.source, 'g');

const utf8 = new TextDecoder('utf-8', { fatal: true });

type Kind = 'zero_width' | 'bidi' | 'silent' | 'selector' | 'tag' | 'none';

function kindOf(c: number, next: number): Kind {
  if (c === 0xdb40 && next >= 0xdc00 && next <= 0xdc7f) return 'tag';
  if (c === 0xdb40 && next >= 0xdd00 && next <= 0xddef) return 'selector';
  if (c >= 0xfe00 && c <= 0xfe0f) return 'selector';
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'bidi';
  // Direction marks are ordinary in Arabic and Hebrew text: removed without a flag.
  if (c === 0x200e || c === 0x200f || c === 0x061c) return 'silent';
  if (
    c === 0x00ad ||
    c === 0x034f ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x17b4 ||
    c === 0x17b5 ||
    (c >= 0x180b && c <= 0x180e) ||
    (c >= 0x200b && c <= 0x200d) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3164 ||
    c === 0xfeff ||
    c === 0xffa0 ||
    (c >= 0xfff9 && c <= 0xfffb)
  ) {
    return 'zero_width';
  }
  return 'none';
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Printable text: no control characters but whitespace, and mostly not replacement junk. */
export function isPrintableText(s: string): boolean {
  if (s.length === 0) return false;
  let bad = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) bad++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0) letters++;
  }
  return bad === 0 && letters >= s.length * 0.4;
}

/**
 * Removes zero-width, bidi-control and variation-selector characters and decodes the two invisible
 * ASCII channels: Unicode tag characters (U+E0020–E007E mirror ASCII) and runs of variation
 * selectors carrying one byte each. Decoded hidden text is put inline between spaces, because the
 * model reads it and so must the detector. Emoji flag sequences (tags after U+1F3F4) and a single
 * selector after a character (emoji presentation, CJK variants) are legitimate and pass silently.
 */
export function revealInvisible(text: string): RevealedText {
  if (!INVISIBLE.test(text)) return { text, found: [] };
  const found = new Set<string>();
  const out: string[] = [];
  let from = 0;
  let lastKept = -1;
  let i = 0;
  while (i < text.length) {
    NEXT_INVISIBLE.lastIndex = i;
    const next = NEXT_INVISIBLE.exec(text);
    if (next === null) break;
    i = next.index;
    const c = text.charCodeAt(i);
    const kind = kindOf(c, text.charCodeAt(i + 1));
    if (kind === 'none') {
      i++;
      continue;
    }
    if (i > from) {
      out.push(text.slice(from, i));
      lastKept = text.charCodeAt(i - 1);
    }
    if (kind === 'tag') {
      i = takeTags(text, i, out, found);
    } else if (kind === 'selector') {
      i = takeSelectors(text, i, out, found);
    } else {
      if (kind === 'bidi') found.add('bidi');
      if (kind === 'zero_width' && isAsciiAlnum(lastKept)) found.add('zero_width');
      i++;
    }
    from = i;
  }
  if (from < text.length) out.push(text.slice(from));
  return { text: out.join(''), found: [...found] };
}

function takeTags(text: string, start: number, out: string[], found: Set<string>): number {
  const isFlag = start >= 2 && text.charCodeAt(start - 2) === 0xd83c && text.charCodeAt(start - 1) === 0xdff4;
  let ascii = '';
  let i = start;
  let cancelled = false;
  while (text.charCodeAt(i) === 0xdb40) {
    const low = text.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdc7f) break;
    const tag = low - 0xdc00;
    if (tag >= 0x20 && tag <= 0x7e) ascii += String.fromCharCode(tag);
    if (tag === 0x7f) cancelled = true;
    i += 2;
  }
  if (isFlag && cancelled) return i;
  found.add('tag_chars');
  if (ascii.length > 0) out.push(` ${ascii} `);
  return i;
}

function takeSelectors(text: string, start: number, out: string[], found: Set<string>): number {
  const bytes: number[] = [];
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c >= 0xfe00 && c <= 0xfe0f) {
      bytes.push(c - 0xfe00);
      i++;
    } else if (c === 0xdb40 && text.charCodeAt(i + 1) >= 0xdd00 && text.charCodeAt(i + 1) <= 0xddef) {
      bytes.push(text.charCodeAt(i + 1) - 0xdd00 + 16);
      i += 2;
    } else {
      break;
    }
  }
  if (bytes.length < 2) return i;
  found.add('variation_selectors');
  try {
    const hidden = utf8.decode(Uint8Array.from(bytes));
    if (isPrintableText(hidden)) out.push(` ${hidden} `);
  } catch {
    // Not UTF-8: only the flag remains.
  }
  return i;
}
