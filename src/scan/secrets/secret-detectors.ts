import type { Finding } from '../../core/finding.js';
import type { Detector, DetectorContext } from '../detector.js';
import { perScan } from '../per-scan.js';
import { compileKeywordFilter, type KeywordFilter } from './keyword-filter.js';
import { createScanState } from './scan-state.js';
import type { SecretRule } from './secret-rule.js';
import { secretRules } from './secret-rules.js';

/** A rule table compiled for scanning: the keyword automaton and each rule's keyword indices. */
interface CompiledRules {
  readonly filter: KeywordFilter;
  readonly rules: readonly { readonly rule: SecretRule; readonly keywords: readonly number[] }[];
  /** Per keyword index, the indices (ascending) of the rules it triggers. */
  readonly rulesOf: readonly (readonly number[])[];
  /** Keywords whose positions the anchored rules use (1 = record). */
  readonly track: Uint8Array;
}

const compiledTables = new WeakMap<readonly SecretRule[], CompiledRules>();

// Compiled on first use, so importing the detectors costs nothing until a scan runs.
function compile(rules: readonly SecretRule[]): CompiledRules {
  let compiled = compiledTables.get(rules);
  if (compiled) return compiled;
  const filter = compileKeywordFilter(rules.flatMap((r) => r.keywords));
  const track = new Uint8Array(filter.keywords.length);
  for (const r of rules) if (r.anchored) for (const k of r.keywords) track[filter.indexOf(k)] = 1;
  const compiledRules = rules.map((rule) => ({ rule, keywords: rule.keywords.map((k) => filter.indexOf(k)) }));
  const rulesOf: number[][] = filter.keywords.map(() => []);
  compiledRules.forEach(({ keywords }, r) => {
    for (const k of new Set(keywords)) rulesOf[k]!.push(r);
  });
  compiled = { filter, track, rules: compiledRules, rulesOf };
  compiledTables.set(rules, compiled);
  return compiled;
}

const NONE: readonly number[] = [];

/** Recorded positions of a keyword: its list, none when tracked but absent, `undefined` when not tracked. */
function occurrencesFrom(compiled: CompiledRules, positions: readonly (number[] | undefined)[]) {
  return (keyword: string): readonly number[] | undefined => {
    const i = compiled.filter.indexOf(keyword);
    return i >= 0 && compiled.track[i] === 1 ? (positions[i] ?? NONE) : undefined;
  };
}

function anyFlag(flags: Uint8Array, indices: readonly number[]): boolean {
  for (let i = 0; i < indices.length; i++) if (flags[indices[i]!] === 1) return true;
  return false;
}

function toFinding(rule: SecretRule, m: { start: number; end: number; score: number; reason: string }): Finding {
  return { type: 'SECRET', start: m.start, end: m.end, score: m.score, detector: `secret.${rule.id}`, reason: m.reason };
}

/**
 * One detector running a whole rule table (default: every built-in rule, {@link secretRules}):
 * a single keyword pass over the text, then only the rules whose keywords occur. Findings have
 * entity type `SECRET` and name their rule (`detector: 'secret.github_pat'`); the detector's own
 * id is `secret`. This is what {@link secretDetectors} holds and what the secret scanner runs.
 */
export function createSecretDetector(rules: readonly SecretRule[] = secretRules): Detector {
  return {
    id: 'secret',
    entities: ['SECRET'],
    detect(text: string): Finding[] {
      if (text.length === 0) return [];
      const compiled = compile(rules);
      const { found, positions } = compiled.filter.hits(text, compiled.track);
      if (found.length === 0) return [];
      // The rules of the keywords found, in table order (the order every rule used to be tried in).
      const triggered = rulesTriggered(compiled, found);
      const state = createScanState(text, occurrencesFrom(compiled, positions));
      const findings: Finding[] = [];
      for (const r of triggered) {
        const { rule } = compiled.rules[r]!;
        for (const m of rule.find(state)) findings.push(toFinding(rule, m));
      }
      return findings;
    },
  };
}

/** Indices of the rules any of the `found` keywords triggers, ascending, each once. */
function rulesTriggered(compiled: CompiledRules, found: readonly number[]): readonly number[] {
  if (found.length === 1) return compiled.rulesOf[found[0]!]!;
  // An insertion sort, not Array#sort: the lists are short, and a sort call allocates its state.
  const out: number[] = [];
  for (const k of found) {
    for (const r of compiled.rulesOf[k]!) {
      let at = out.length;
      while (at > 0 && out[at - 1]! > r) at--;
      if (at > 0 && out[at - 1] === r) continue;
      out.push(r);
      for (let j = out.length - 1; j > at; j--) out[j] = out[j - 1]!;
      out[at] = r;
    }
  }
  return out;
}

/**
 * A detector for one rule alone (id `secret.<rule id>`), for picking formats one by one. Detectors
 * made this way share the keyword pass and scan state within one scan; for many rules,
 * {@link createSecretDetector} over a filtered table is faster (one call instead of one per rule).
 */
export function secretRuleDetector(rule: SecretRule): Detector {
  const id = `secret.${rule.id}`;
  let local: readonly number[] | undefined;
  return {
    id,
    entities: ['SECRET'],
    detect(text: string, ctx: DetectorContext): Finding[] {
      if (text.length === 0) return [];
      const compiled = compile(secretRules);
      const { filter } = compiled;
      const shared = perScan(ctx, 'secret.scan', () => {
        const { found, positions } = filter.hits(text, compiled.track);
        const flags = new Uint8Array(filter.keywords.length);
        for (const k of found) flags[k] = 1;
        return { state: createScanState(text, occurrencesFrom(compiled, positions)), flags };
      });
      local ??= rule.keywords.map((k) => filter.indexOf(k));
      // A rule outside the built-in table has keywords the shared pass does not know: always run it.
      if (!local.includes(-1) && !anyFlag(shared.flags, local)) return [];
      return rule.find(shared.state).map((m) => toFinding(rule, m));
    },
  };
}

/**
 * The built-in secret detectors: one detector (id `secret`) that runs every rule of
 * {@link secretRules} behind a shared keyword pre-filter. Findings have entity type `SECRET`, a
 * stable per-format detector id `secret.<format>` (e.g. `secret.github_pat`), a span covering the
 * secret value only, and a reason naming the rule and its checks, never the value. Not part of
 * `defaultDetectors` (the PII set); add it beside them or use `createSecretScanner`.
 */
export const secretDetectors: readonly Detector[] = [createSecretDetector()];
