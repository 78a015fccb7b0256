/**
 * Anchors of a regular expression: literal strings such that every match starts with one of them.
 * The pattern matcher only tries an expression where one of its anchors occurs, so a long text
 * costs one pass over its characters instead of one pass per expression. Computed from the
 * expression's source by a small parser of the syntax the pattern tables use; anything it does not
 * understand gives no anchors (the expression then runs over the whole text, as before).
 */

/** A node of the parsed expression. */
type Node =
  | { readonly t: 'char'; readonly chars: readonly string[] | undefined } // undefined: too many to list
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly alts: readonly Node[] }
  | { readonly t: 'rep'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly t: 'zero' } // assertions and lookarounds: consume nothing
  | { readonly t: 'boundary' } // `\b`: consumes nothing either
  | { readonly t: 'start' }; // `^` (no m flag): the beginning of the text only

/**
 * A known start of a match. `closed`: the match goes on in unknown ways; else it ends here.
 * `atStart`: the match went through `^`, so it can only start at the beginning of the text.
 * `boundary`: a `\b` came before the first character, so the match starts at a word boundary.
 */
interface Item {
  readonly s: string;
  readonly closed: boolean;
  readonly atStart?: true;
  readonly boundary?: true;
}

/** Anchors are cut to this many characters (longer ones select no better). */
const MAX_ANCHOR = 8;
/** Shortest useful anchor: a one-character anchor would try the expression almost everywhere. */
const MIN_ANCHOR = 2;
/** Most start strings kept per node; beyond, the longest are shortened until they merge. */
const MAX_ITEMS = 256;
/** Character classes up to this size are listed; larger ones read as "any character". */
const MAX_CLASS = 16;

class Unsupported extends Error {}

const DIGITS = [...'0123456789'];
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported('unbalanced');
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'seq', items };
  }

  /** A quantifier after an atom, if any (greedy or lazy: the same strings match). */
  private quantified(atom: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else {
      return atom;
    }
    this.i++;
    if (this.peek() === '?') this.i++;
    if (atom.t === 'zero' || atom.t === 'start' || atom.t === 'boundary') throw new Unsupported('quantified assertion');
    if (min > max) throw new Unsupported('bad quantifier');
    return { t: 'rep', node: atom, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i++] as string;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        return { t: 'char', chars: undefined };
      case '^':
        return { t: 'start' };
      case '$':
        return { t: 'zero' };
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new Unsupported('nothing to repeat');
      case '{':
        if (/^\d+(?:,\d*)?\}/.test(this.src.slice(this.i))) throw new Unsupported('nothing to repeat');
        return { t: 'char', chars: [c] };
      default:
        return { t: 'char', chars: [c] };
    }
  }

  private group(): Node {
    let zero = false;
    if (this.peek() === '?') {
      const head = this.src.slice(this.i, this.i + 3);
      if (head.startsWith('?:')) this.i += 2;
      else if (head.startsWith('?=') || head.startsWith('?!')) [this.i, zero] = [this.i + 2, true];
      else if (head === '?<=' || head === '?<!') [this.i, zero] = [this.i + 3, true];
      else throw new Unsupported('named group');
    }
    const inner = this.alternation();
    if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
    return zero ? { t: 'zero' } : inner;
  }

  private escape(): Node {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (c === 'b') return { t: 'boundary' };
    if (c === 'B') return { t: 'zero' };
    if (c === 'd') return { t: 'char', chars: DIGITS };
    if ('DwWsS'.includes(c)) return { t: 'char', chars: undefined };
    return { t: 'char', chars: [this.escapedChar(c)] };
  }

  /** The character an escape outside `\d`-like classes stands for. */
  private escapedChar(c: string): string {
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) {
      if (c === '0' && /\d/.test(this.peek() ?? '')) throw new Unsupported('octal escape');
      return control;
    }
    if (c === 'x' || c === 'u') {
      const width = c === 'x' ? 2 : 4;
      const hex = this.src.slice(this.i, this.i + width);
      if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(hex)) throw new Unsupported('odd hex escape');
      this.i += width;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (/[1-9ckpP]/.test(c)) throw new Unsupported('back-reference or property escape');
    return c;
  }

  private charClass(): Node {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let wide = false;
    for (;;) {
      const c = this.src[this.i++];
      if (c === undefined) throw new Unsupported('unclosed class');
      if (c === ']') break;
      let from: string;
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === undefined) throw new Unsupported('trailing backslash');
        if (e === 'd') {
          for (const d of DIGITS) chars.add(d);
          continue;
        }
        if ('DwWsS'.includes(e)) {
          wide = true;
          continue;
        }
        from = e === 'b' ? '\b' : e === '-' ? '-' : this.escapedChar(e);
      } else {
        from = c;
      }
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined) {
        this.i++;
        let to = this.src[this.i++] as string;
        if (to === '\\') {
          const e = this.src[this.i++];
          if (e === undefined || 'dDwWsS'.includes(e)) throw new Unsupported('class range to a class');
          to = this.escapedChar(e);
        }
        const lo = from.charCodeAt(0);
        const hi = to.charCodeAt(0);
        if (hi < lo) throw new Unsupported('bad range');
        if (hi - lo + 1 > MAX_CLASS) wide = true;
        else for (let k = lo; k <= hi; k++) chars.add(String.fromCharCode(k));
        continue;
      }
      chars.add(from);
    }
    if (negated || wide || chars.size > MAX_CLASS) return { t: 'char', chars: undefined };
    return { t: 'char', chars: [...chars] };
  }
}

function key(item: Item): string {
  if (item.atStart === true) return '^';
  return `${item.closed ? '#' : '+'}${item.boundary === true ? 'b' : ''}:${item.s}`;
}

function item(s: string, closed: boolean, boundary: boolean): Item {
  return boundary ? { s, closed, boundary: true } : { s, closed };
}

/** Removes duplicates, then shortens the longest items until at most MAX_ITEMS remain. */
function tidy(items: readonly Item[]): Item[] {
  let out = dedupe(items);
  while (out.length > MAX_ITEMS) {
    let longest = 0;
    for (const it of out) longest = Math.max(longest, it.s.length);
    if (longest === 0) break;
    // A shorter, closed start still holds for every match the longer one stood for.
    out = dedupe(out.map((it) => (it.s.length === longest && it.atStart !== true ? item(it.s.slice(0, longest - 1), true, it.boundary === true) : it)));
  }
  return out;
}

function dedupe(items: readonly Item[]): Item[] {
  const seen = new Map<string, Item>();
  for (const it of items) seen.set(key(it), it);
  return [...seen.values()];
}

function concat(left: readonly Item[], right: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const x of left) {
    if (x.closed) {
      out.push(x);
      continue;
    }
    for (const y of right) {
      if (y.atStart === true) {
        out.push(START);
        continue;
      }
      const s = x.s + y.s;
      // A boundary counts while nothing has been consumed before it.
      const boundary = x.boundary === true || (x.s === '' && y.boundary === true);
      out.push(s.length >= MAX_ANCHOR ? item(s.slice(0, MAX_ANCHOR), true, boundary) : item(s, y.closed, boundary));
    }
    // Shortening early keeps the product small; it is as sound then as at the end.
    if (out.length > MAX_ITEMS * 4) out.splice(0, out.length, ...tidy(out));
  }
  return tidy(out);
}

const EMPTY: readonly Item[] = [{ s: '', closed: false }];
// Whatever precedes or follows `^` in a match, the match starts at 0: nothing more to know.
const START: Item = { s: '', closed: true, atStart: true };

function close(items: readonly Item[]): Item[] {
  return dedupe(items.map((it) => (it.atStart === true ? it : item(it.s, true, it.boundary === true))));
}

function starts(node: Node): Item[] {
  switch (node.t) {
    case 'zero':
      return [...EMPTY];
    case 'boundary':
      return [{ s: '', closed: false, boundary: true }];
    case 'start':
      return [START];
    case 'char':
      return node.chars === undefined ? [{ s: '', closed: true }] : node.chars.map((s) => ({ s, closed: false }));
    case 'seq': {
      let acc: Item[] = [...EMPTY];
      for (const item of node.items) {
        // Once every start is complete, the rest of the sequence cannot change them.
        if (acc.every((it) => it.closed)) break;
        acc = concat(acc, starts(item));
      }
      return acc;
    }
    case 'alt':
      return tidy(node.alts.flatMap(starts));
    case 'rep': {
      const inner = starts(node.node);
      let power: Item[] = [...EMPTY];
      for (let n = 0; n < node.min; n++) power = concat(power, inner);
      // Past the required repeats the text goes on in ways not worth listing: stop there.
      if (node.max - node.min > MAX_ANCHOR) return close(power);
      const out = [...power];
      for (let n = node.min; n < node.max; n++) {
        power = concat(power, inner);
        out.push(...power);
      }
      return tidy(out);
    }
  }
}

/** A literal start of matches of an expression. */
export interface Anchor {
  /** 2–8 characters. */
  readonly text: string;
  /**
   * True when every match starting with it starts at a word boundary (`\b`) with a word
   * character: only where a run of [A-Za-z0-9_] begins, then.
   */
  readonly atWordStart: boolean;
}

/** Where matches of an expression can start. */
export interface RegexAnchors {
  /** Every match not at position 0 starts with one of these (none a prefix of another). */
  readonly anchors: readonly Anchor[];
  /** True when a match may start at position 0 without one of the anchors (`^`). */
  readonly atStart: boolean;
}

const WORD_CHAR = /^\w/;

/**
 * Where matches of `new RegExp(source)` (no flags) can start; undefined when that is not known (an
 * empty match is possible, a match may start with an arbitrary character, or the syntax is
 * unfamiliar).
 */
export function regexAnchors(source: string): RegexAnchors | undefined {
  let items: Item[];
  try {
    items = starts(new Parser(source).parse());
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const atStart = items.some((it) => it.atStart === true);
  const rest = items.filter((it) => it.atStart !== true);
  const strings = [...new Set(rest.map((it) => it.s))].sort();
  if (strings.some((s) => s.length < MIN_ANCHOR)) return undefined;
  // Sorted, so a string's shorter prefix (which covers it) comes right before its extensions.
  const texts: string[] = [];
  for (const s of strings) if (texts.length === 0 || !s.startsWith(texts[texts.length - 1] as string)) texts.push(s);
  const anchors = texts.map((text) => ({
    text,
    atWordStart: WORD_CHAR.test(text) && rest.every((it) => !it.s.startsWith(text) || it.boundary === true),
  }));
  return { anchors, atStart };
}
