/** One phrasing of an attack family. */
export interface InjectionPattern {
  /** Matched against the family's view of the normalised text (lower-case ASCII mostly). */
  readonly re: RegExp;
  /** Strength in [0, 1] when it matches. */
  readonly weight: number;
  /** Why, in words that never quote the input. */
  readonly reason: string;
  /**
   * Cheap pre-check: the pattern runs only when, for every group, the text has one of the group's
   * cues. `' ignor'` is a word starting with "ignor", `' mind '` (words view) the whole word, a
   * phrase stands for its longest word; a cue without letters (`'<|'`, `':'`) is a substring.
   */
  readonly needs: readonly (readonly string[])[];
}

/** The two views of a normalised text the patterns read. */
export interface TextViews {
  /** The normalised text, punctuation and line breaks kept. */
  readonly text: string;
  /** See `wordsView`. */
  readonly words: string;
  /** The words of `words`, sentence marks included. */
  readonly tokens: readonly string[];
}

/** The patterns of one signal id, with their pre-checks compiled. */
export interface PatternFamily {
  readonly detector: string;
  /**
   * `words`: letters, digits and apostrophes only, one space between words (phrasing patterns do
   * not trip over commas and quotes). `text`: the normalised text with punctuation and line breaks
   * (role markers and delimiters).
   */
  readonly view: 'words' | 'text';
  readonly patterns: readonly InjectionPattern[];
  /** Per pattern, per cue group, the ids of its cues (-1: always present). */
  readonly groups: readonly (readonly (readonly number[])[])[];
}

/**
 * Builds a pattern; `source` is a regular-expression source with no nested unbounded repeats.
 * `needs` is one group of cues (any must occur) or several groups (each must have one).
 */
export function pattern(
  source: string,
  weight: number,
  reason: string,
  needs: readonly string[] | readonly (readonly string[])[],
): InjectionPattern {
  const groups = needs.length > 0 && typeof needs[0] !== 'string' ? (needs as readonly (readonly string[])[]) : [needs as readonly string[]];
  return { re: new RegExp(source), weight, reason, needs: groups };
}

// Letters of any script make a word cue; emoji and punctuation make a substring cue.
const WORD_RUN = /[a-z0-9'\u00c0-\ud7ff]+/g;

/**
 * One index of the cues of every family, so that a text is checked against all of them in one
 * pass over its words plus one substring search per punctuation cue.
 */
const registry = {
  ids: new Map<string, number>(),
  exact: new Map<string, number[]>(),
  prefix: new Map<string, [string, number][]>(),
  marks: [] as [string, number][],
};

function cueId(cue: string, view: 'words' | 'text'): number {
  const words = cue.match(WORD_RUN) ?? [];
  if (words.length === 0) {
    const known = registry.ids.get(`#${cue}`);
    if (known !== undefined) return known;
    const id = registry.ids.size;
    registry.ids.set(`#${cue}`, id);
    registry.marks.push([cue, id]);
    return id;
  }
  let word = words[0] as string;
  for (const w of words) if (w.length > word.length) word = w;
  const isLast = word === words[words.length - 1];
  // A words-view cue that starts inside a word ("n't ") cannot be looked up by word.
  if (view === 'words' && !cue.startsWith(' ') && word === words[0]) return -1;
  const whole = !isLast || (view === 'words' && cue.endsWith(' '));
  const key = `${whole ? '=' : '^'}${word}`;
  const known = registry.ids.get(key);
  if (known !== undefined) return known;
  const id = registry.ids.size;
  registry.ids.set(key, id);
  if (whole || word.length < 3) {
    registry.exact.set(word, [...(registry.exact.get(word) ?? []), id]);
  } else {
    const head = word.slice(0, 3);
    registry.prefix.set(head, [...(registry.prefix.get(head) ?? []), [word, id]]);
  }
  return id;
}

/** Builds a family and registers its cues in the shared index. */
export function family(detector: string, view: 'words' | 'text', patterns: readonly InjectionPattern[]): PatternFamily {
  const groups = patterns.map((p) => p.needs.map((g) => g.map((cue) => cueId(cue, view))));
  return { detector, view, patterns, groups };
}

/** Which registered cues a text has: one pass over its words, one search per punctuation cue. */
export function seenCues(views: TextViews): Uint8Array {
  const seen = new Uint8Array(registry.ids.size);
  for (const token of views.tokens) {
    const hits = registry.exact.get(token);
    if (hits !== undefined) for (const id of hits) seen[id] = 1;
    if (token.length < 3) continue;
    const candidates = registry.prefix.get(token.slice(0, 3));
    if (candidates !== undefined) for (const [p, id] of candidates) if (token.startsWith(p)) seen[id] = 1;
  }
  for (const [mark, id] of registry.marks) if (views.text.includes(mark)) seen[id] = 1;
  return seen;
}

function cuesPresent(groups: readonly (readonly number[])[], seen: Uint8Array): boolean {
  for (const group of groups) {
    let hit = false;
    for (const id of group) {
      if (id < 0 || seen[id] === 1) {
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}

/** Up to n filler words in the words view, never across a sentence break. */
export function gap(n: number): string {
  return `(?: [^ .]+){0,${n}}`;
}

/**
 * Like `gap`, but the filler may not be "my" or "our": "ignore my previous message" is a user
 * correcting themselves, "ignore all previous messages" is not.
 */
export function otherGap(n: number): string {
  return `(?: (?!my |our )[^ .]+){0,${n}}`;
}

/** Non-capturing alternation of the given phrases. */
export function anyOf(phrases: readonly string[]): string {
  return `(?:${phrases.join('|')})`;
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c >= 0xc0;
}

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b;
}

/** Both views of a normalised text, built in one pass over its characters. */
export function textViews(text: string): TextViews {
  const tokens: string[] = [];
  let start = -1;
  let lastWasBreak = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      // Apostrophes used as quotation marks ('mode') are not part of the word.
      let end = i;
      while (start < end && text.charCodeAt(start) === 0x27) start++;
      while (end > start && text.charCodeAt(end - 1) === 0x27) end--;
      if (end > start) {
        tokens.push(text.slice(start, end));
        lastWasBreak = false;
      }
      start = -1;
    }
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
    const ends = c === 0x0a || (isSentenceEnd(c) && (next === 0x20 || next === 0x0a || i + 1 >= text.length));
    if (ends && !lastWasBreak) {
      tokens.push('.');
      lastWasBreak = true;
    }
  }
  return { text, words: ` ${tokens.join(' ')} `, tokens };
}

/**
 * The words view of a normalised text: words of letters, digits and apostrophes, one space apart,
 * a lone `.` token where a sentence or line ends (so filler gaps in patterns stop there), padded
 * with a space on both sides.
 */
export function wordsView(text: string): string {
  return textViews(text).words;
}

/** Result of scoring one family. */
export interface FamilyScore {
  readonly score: number;
  readonly reason: string;
}

/**
 * Scores a family (`seen` from `seenCues` of the same views): the strongest match, raised a little by each further match (diminishing, so
 * several weak cues stay below one strong phrasing). Undefined when nothing matches.
 */
export function scoreFamily(family: PatternFamily, views: TextViews, seen: Uint8Array): FamilyScore | undefined {
  const view = family.view === 'words' ? views.words : views.text;
  const weights: number[] = [];
  let strongest: InjectionPattern | undefined;
  for (let i = 0; i < family.patterns.length; i++) {
    const p = family.patterns[i] as InjectionPattern;
    if (!cuesPresent(family.groups[i] ?? [], seen) || !p.re.test(view)) continue;
    weights.push(p.weight);
    if (strongest === undefined || p.weight > strongest.weight) strongest = p;
  }
  if (strongest === undefined) return undefined;
  weights.sort((a, b) => b - a);
  let miss = 1;
  let damp = 1;
  for (const w of weights) {
    miss *= 1 - w * damp;
    damp /= 3;
  }
  const extra = weights.length > 1 ? ` (+${weights.length - 1} more)` : '';
  return { score: Math.min(0.99, 1 - miss), reason: `${strongest.reason}${extra}` };
}
