import { AnchoredMatcher, MATCHED } from './anchored-matcher.js';
import { INDEX_FIELDS, SENTENCE_MARK, tokenHash, type TextViews } from './text-views.js';

export { textViews, wordsView, type TextViews } from './text-views.js';

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

/**
 * Every family's expressions, one matcher per view, so that a text's view is searched once for all
 * of them.
 */
const matchers = { words: new AnchoredMatcher(), text: new AnchoredMatcher() };
/** Per view, per slot: the expression's cue groups. */
const slotGroups = { words: [] as (readonly (readonly number[])[])[], text: [] as (readonly (readonly number[])[])[] };


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

/** The slot of a family's first expression in its view's matcher. */
const firstSlot = new WeakMap<PatternFamily, number>();

/** Builds a family and registers its cues and expressions in the shared indexes. */
export function family(detector: string, view: 'words' | 'text', patterns: readonly InjectionPattern[]): PatternFamily {
  const groups = patterns.map((p) => p.needs.map((g) => g.map((cue) => cueId(cue, view))));
  const built: PatternFamily = { detector, view, patterns, groups };
  firstSlot.set(built, matchers[view].size);
  patterns.forEach((p, i) => {
    matchers[view].add(p.re);
    slotGroups[view].push(groups[i] ?? []);
  });
  return built;
}

/** The word cues as hash tables over `tokenHash`, rebuilt when cues were registered since. */
interface CueTables {
  readonly registered: number;
  /** List number + 1 per hash slot of a whole word. */
  readonly exact: Int32Array;
  readonly exactLists: (readonly [string, readonly number[]])[][];
  /** List number + 1 per hash slot of a word's first three characters. */
  readonly prefix: Int32Array;
  readonly prefixLists: (readonly [string, number])[][];
}

const CUE_BITS = 12;
let tables: CueTables | undefined;

function slotOf(h: number): number {
  return (h ^ (h >>> CUE_BITS) ^ (h >>> (2 * CUE_BITS))) & ((1 << CUE_BITS) - 1);
}

function cueTables(): CueTables {
  if (tables !== undefined && tables.registered === registry.ids.size) return tables;
  const exact = new Int32Array(1 << CUE_BITS);
  const exactLists: (readonly [string, readonly number[]])[][] = [];
  for (const [word, ids] of registry.exact) {
    const h = slotOf(tokenHash(word));
    if (exact[h] === 0) exact[h] = exactLists.push([]);
    (exactLists[(exact[h] as number) - 1] as (readonly [string, readonly number[]])[]).push([word, ids]);
  }
  const prefix = new Int32Array(1 << CUE_BITS);
  const prefixLists: (readonly [string, number])[][] = [];
  for (const [head, cues] of registry.prefix) {
    const h = slotOf(tokenHash(head));
    if (prefix[h] === 0) prefix[h] = prefixLists.push([]);
    (prefixLists[(prefix[h] as number) - 1] as (readonly [string, number])[]).push(...cues);
  }
  tables = { registered: registry.ids.size, exact, exactLists, prefix, prefixLists };
  return tables;
}

/**
 * Which registered cues a text has: one pass over its words (looked up by the hashes the views
 * hold, confirmed against the words view), one search per punctuation cue.
 */
export function seenCues(views: TextViews): Uint8Array {
  const seen = new Uint8Array(registry.ids.size);
  const { exact, exactLists, prefix, prefixLists } = cueTables();
  const { index, words } = views;
  for (let k = 0; k < index.length; k += INDEX_FIELDS) {
    if (((index[k + 4] as number) & SENTENCE_MARK) !== 0) continue;
    const at = index[k] as number;
    const length = index[k + 1] as number;
    const whole = exact[slotOf(index[k + 2] as number)] as number;
    if (whole !== 0) {
      for (const [word, ids] of exactLists[whole - 1] as (readonly [string, readonly number[]])[]) {
        if (word.length === length && words.startsWith(word, at)) for (const id of ids) seen[id] = 1;
      }
    }
    if (length < 3) continue;
    const head = prefix[slotOf(index[k + 3] as number)] as number;
    if (head === 0) continue;
    for (const [p, id] of prefixLists[head - 1] as (readonly [string, number])[]) {
      if (p.length <= length && words.startsWith(p, at)) seen[id] = 1;
    }
  }
  for (const [mark, id] of registry.marks) if (views.text.includes(mark)) seen[id] = 1;
  return seen;
}

/** Which registered expressions match a view, for given cues. */
interface ViewMatches {
  /**
   * Per slot: MATCHED when the expression matches the view, if `covered`. An expression whose
   * cues are absent may be left untried (its answer is no either way).
   */
  readonly found: Uint8Array;
  /** Per slot: 1 when `found` answers for the expression. */
  readonly covered: Uint8Array;
}

/** The answers for both views of one text. */
interface Analysis {
  /** Expressions registered when computed: a family built since makes it stale. */
  readonly registered: number;
  readonly seen: Uint8Array;
  readonly words: ViewMatches;
  readonly text: ViewMatches;
}

const analyses = new WeakMap<TextViews, Analysis>();
/**
 * With this many expressions or fewer to try (cues present), each runs over the view directly; with
 * more, one anchored pass serves them all (it costs about what this many direct runs cost).
 */
const DIRECT_LIMIT = 4;
let allCovered = new Uint8Array(0);

function matchView(view: 'words' | 'text', text: string, seen: Uint8Array, index?: Int32Array): ViewMatches {
  const matcher = matchers[view];
  const groups = slotGroups[view];
  const found = new Uint8Array(matcher.size);
  const active: number[] = [];
  for (let slot = 0; slot < matcher.size && active.length <= DIRECT_LIMIT; slot++) if (cuesPresent(groups[slot] ?? [], seen)) active.push(slot);
  if (active.length <= DIRECT_LIMIT) {
    if (allCovered.length < matcher.size) allCovered = new Uint8Array(matcher.size * 2).fill(1);
    for (const slot of active) if (matcher.expression(slot).test(text)) found[slot] = MATCHED;
    return { found, covered: allCovered };
  }
  // Every expression is analysed on the first text that needs a pass (a few milliseconds, once).
  matcher.prepareAll();
  matcher.run(text, found, (slot) => cuesPresent(groups[slot] ?? [], seen), index);
  return { found, covered: matcher.coverage() };
}

/** Runs every expression whose cues `seen` has against its view (kept per views object). */
function analyse(views: TextViews, seen: Uint8Array): Analysis {
  const registered = matchers.words.size + matchers.text.size;
  const known = analyses.get(views);
  if (known !== undefined && known.registered === registered && known.seen === seen) return known;
  const analysis = { registered, seen, words: matchView('words', views.words, seen, views.index), text: matchView('text', views.text, seen) };
  analyses.set(views, analysis);
  return analysis;
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

/** Whether pattern `i` of `family` matches: its cues are present and its expression matches. */
function matchedIn(family: PatternFamily, views: TextViews, seen: Uint8Array): (i: number) => boolean {
  const view = family.view === 'words' ? views.words : views.text;
  const first = firstSlot.get(family);
  if (first === undefined) {
    // Built by hand rather than by family(): test each expression itself.
    return (i) => cuesPresent(family.groups[i] ?? [], seen) && (family.patterns[i] as InjectionPattern).re.test(view);
  }
  const { found, covered } = analyse(views, seen)[family.view];
  return (i) => {
    const slot = first + i;
    // Most expressions did not match: that answer is read before the cues are.
    if (covered[slot] === 1) return found[slot] === MATCHED && cuesPresent(family.groups[i] ?? [], seen);
    // No anchors: the expression runs over the whole view.
    return cuesPresent(family.groups[i] ?? [], seen) && (family.patterns[i] as InjectionPattern).re.test(view);
  };
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
  const matched = matchedIn(family, views, seen);
  const weights: number[] = [];
  let strongest: InjectionPattern | undefined;
  for (let i = 0; i < family.patterns.length; i++) {
    const p = family.patterns[i] as InjectionPattern;
    if (!matched(i)) continue;
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
