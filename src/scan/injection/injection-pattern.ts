import { AnchoredMatcher, MATCHED } from './anchored-matcher.js';
import { cueId, seenIds } from './seen-cues.js';
import { MAX_KEPT_UNITS } from './text-units.js';
import type { TextViews } from './text-views.js';

export { seenCues } from './seen-cues.js';
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

/**
 * Every family's expressions, one matcher per view, so that a text's view is searched once for all
 * of them.
 */
const matchers = { words: new AnchoredMatcher(), text: new AnchoredMatcher() };
/** Per view, per slot: the expression's cue groups. */
const slotGroups = { words: [] as (readonly (readonly number[])[])[], text: [] as (readonly (readonly number[])[])[] };

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

/** Which registered expressions match a view, for given cues. */
interface ViewMatches {
  /**
   * Per slot: MATCHED when the expression matches the view, if `covered`. An expression whose
   * cues are absent may be left untried (its answer is no either way).
   */
  readonly found: Uint8Array;
  /** Per slot: 1 when `found` answers for the expression. */
  readonly covered: Uint8Array;
  /** Every slot is covered, and none matched: no family of the view scores. */
  readonly none: boolean;
}

/** The answers for both views of one text. */
interface Analysis {
  readonly views: TextViews;
  /** Expressions registered when computed: a family built since makes it stale. */
  readonly registered: number;
  readonly seen: Uint8Array;
  readonly words: ViewMatches;
  readonly text: ViewMatches;
}

/**
 * The last analysis: the families of one text are scored one after another, so one entry serves
 * them all (a map keyed by every text's views would keep growing until a collection). Only a text
 * of up to {@link MAX_KEPT_UNITS} characters is kept so (the entry references its views); a longer
 * one's analysis is kept by its views, weakly, so that one huge request leaves nothing behind.
 */
let lastAnalysis: Analysis | undefined;
const longAnalyses = new WeakMap<TextViews, Analysis>();
/**
 * With this many expressions or fewer to try (cues present), each runs over the view directly; with
 * more, one anchored pass serves them all (it costs about what this many direct runs cost).
 */
const DIRECT_LIMIT = 4;
let allCovered = new Uint8Array(0);

/**
 * Per view, the slots to look at for given cues: an expression's cues are present only when one of
 * its first group's is, so a text's cues name the few expressions worth checking.
 */
interface SlotIndex {
  /** Slots registered when built. */
  readonly size: number;
  /** Per cue id: the slots whose first cue group holds it. */
  readonly byCue: readonly (readonly number[])[];
  /** Slots whose first group is always present (or that have no groups). */
  readonly always: readonly number[];
}

const slotIndexes: Record<'words' | 'text', SlotIndex | undefined> = { words: undefined, text: undefined };

function slotIndex(view: 'words' | 'text'): SlotIndex {
  const known = view === 'words' ? slotIndexes.words : slotIndexes.text;
  const groups = view === 'words' ? slotGroups.words : slotGroups.text;
  if (known !== undefined && known.size === groups.length) return known;
  const byCue: number[][] = [];
  const always: number[] = [];
  groups.forEach((g, slot) => {
    const first = g[0];
    if (first === undefined || first.includes(-1)) {
      always.push(slot);
      return;
    }
    for (const id of new Set(first)) (byCue[id] ??= []).push(slot);
  });
  const built = { size: groups.length, byCue, always };
  slotIndexes[view] = built;
  return built;
}

/** The slots of `view` whose cues `seen` has, listing at most `limit + 1` of them. */
function activeSlots(view: 'words' | 'text', seen: Uint8Array, ids: readonly number[], limit: number): number[] {
  const groups = view === 'words' ? slotGroups.words : slotGroups.text;
  const { byCue, always } = slotIndex(view);
  const active: number[] = [];
  const checked = new Uint8Array(groups.length);
  const consider = (slot: number): boolean => {
    if (checked[slot] === 1) return active.length <= limit;
    checked[slot] = 1;
    if (cuesPresent(groups[slot] ?? [], seen)) active.push(slot);
    return active.length <= limit;
  };
  for (const slot of always) if (!consider(slot)) return active;
  for (const id of ids) {
    const slots = byCue[id];
    if (slots !== undefined) for (const slot of slots) if (!consider(slot)) return active;
  }
  return active;
}

/** Matches the expressions of `view` against that view of `views`, built only when one is to run. */
function matchView(view: 'words' | 'text', views: TextViews, seen: Uint8Array, ids: readonly number[]): ViewMatches {
  // Property reads by a variable name ('words' or 'text') are generic in optimised code: chosen instead.
  const matcher = view === 'words' ? matchers.words : matchers.text;
  const groups = view === 'words' ? slotGroups.words : slotGroups.text;
  const found = new Uint8Array(matcher.size);
  const active = activeSlots(view, seen, ids, DIRECT_LIMIT);
  if (allCovered.length < matcher.size) allCovered = new Uint8Array(matcher.size * 2).fill(1);
  if (active.length === 0) return { found, covered: allCovered, none: true };
  const text = view === 'words' ? views.words : views.text;
  if (active.length <= DIRECT_LIMIT) {
    let none = true;
    for (const slot of active) {
      if (matcher.expression(slot).test(text)) {
        found[slot] = MATCHED;
        none = false;
      }
    }
    return { found, covered: allCovered, none };
  }
  // Every expression is analysed on the first text that needs a pass (a few milliseconds, once).
  matcher.prepareAll();
  matcher.run(text, found, (slot) => cuesPresent(groups[slot] ?? [], seen), view === 'words' ? views.index : undefined);
  const covered = matcher.coverage();
  return { found, covered, none: covered.indexOf(0) < 0 && found.indexOf(MATCHED) < 0 };
}

/** Runs every expression whose cues `seen` has against its view (kept for the last views object). */
function analyse(views: TextViews, seen: Uint8Array): Analysis {
  const registered = matchers.words.size + matchers.text.size;
  const long = views.text.length > MAX_KEPT_UNITS;
  const known = long ? longAnalyses.get(views) : lastAnalysis;
  if (known !== undefined && known.views === views && known.registered === registered && known.seen === seen) return known;
  const ids = seenIds(seen);
  const analysis = { views, registered, seen, words: matchView('words', views, seen, ids), text: matchView('text', views, seen, ids) };
  if (long) longAnalyses.set(views, analysis);
  else lastAnalysis = analysis;
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

/**
 * Whether pattern `i` of `family` matches: its cues are present and its expression matches.
 * Undefined when none of the family's patterns can.
 */
function matchedIn(family: PatternFamily, views: TextViews, seen: Uint8Array): ((i: number) => boolean) | undefined {
  const view = (): string => (family.view === 'words' ? views.words : views.text);
  const first = firstSlot.get(family);
  if (first === undefined) {
    // Built by hand rather than by family(): test each expression itself.
    return (i) => cuesPresent(family.groups[i] ?? [], seen) && (family.patterns[i] as InjectionPattern).re.test(view());
  }
  const analysis = analyse(views, seen);
  const { found, covered, none } = family.view === 'words' ? analysis.words : analysis.text;
  if (none) return undefined;
  return (i) => {
    const slot = first + i;
    // Most expressions did not match: that answer is read before the cues are.
    if (covered[slot] === 1) return found[slot] === MATCHED && cuesPresent(family.groups[i] ?? [], seen);
    // No anchors: the expression runs over the whole view.
    return cuesPresent(family.groups[i] ?? [], seen) && (family.patterns[i] as InjectionPattern).re.test(view());
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
  if (matched === undefined) return undefined;
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
