import { BulwarkError } from '../core/bulwark-error.js';
import type { Finding } from '../core/finding.js';
import { CONTEXT_BOOST, findContextWord } from './context-words.js';
import type { Detector, DetectorContext } from './detector.js';
import { compileAllowList, compileDenyList, type AllowMatcher, type DenyMatcher } from './list-terms.js';
import { applyPrecisionGuards } from './precision-guards.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import type { ScanOptions } from './scan-options.js';

/** Default minimum score of a reported finding. */
export const DEFAULT_THRESHOLD = 0.5;

/** A configured set of detectors; build once, call `scan` per text. */
export interface Scanner {
  /** Entity types this scanner's detectors can emit. */
  readonly entities: readonly string[];
  /** Findings in `text`, non-overlapping, sorted by start. Per-call options override the scanner's. */
  scan(text: string, options?: ScanOptions): Finding[];
}

/** Options of {@link createDetectorScanner}: scan options and the detectors to run (required). */
export interface DetectorScannerOptions extends ScanOptions {
  readonly detectors: readonly Detector[];
}

/**
 * Builds a {@link Scanner} over exactly the given detectors; options are checked once here. Unlike
 * `createScanner`, this module does not import the default PII detectors, so a bundle that only
 * needs, say, the secret detectors does not carry the name model.
 */
export function createDetectorScanner(options: DetectorScannerOptions): Scanner {
  const { detectors } = options;
  const entities = [...new Set(detectors.flatMap((d) => d.entities))];
  const defaults = checkOptions(options, detectors, entities);

  return {
    entities,
    scan(text, callOptions) {
      const merged = callOptions ? checkOptions({ ...defaults.options, ...callOptions }, detectors, entities) : defaults;
      return runScan(text, merged);
    },
  };
}

/** Options checked and compiled once (lists to matchers, entity selection to a set). */
interface CheckedOptions {
  /** The options as given, for merging with per-call options. */
  readonly options: ScanOptions;
  readonly threshold: number;
  readonly regions: readonly string[];
  readonly selected: ReadonlySet<string> | undefined;
  /** The detectors that can emit a selected type (all of them without a selection). */
  readonly active: readonly Detector[];
  readonly allow: AllowMatcher | undefined;
  readonly deny: DenyMatcher | undefined;
}

function checkOptions(options: ScanOptions, detectors: readonly Detector[], known: readonly string[]): CheckedOptions {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new BulwarkError('ERR_SCAN_INVALID_OPTION', 'threshold must be a number between 0 and 1');
  }
  if (options.entities) {
    const allowed = new Set([...known, ...Object.keys(options.deny ?? {})]);
    const unknown = options.entities.filter((e) => !allowed.has(e));
    if (unknown.length > 0) {
      throw new BulwarkError('ERR_SCAN_UNKNOWN_ENTITY', `unknown entity type(s): ${unknown.join(', ')}`);
    }
  }
  const regions = (options.regions ?? ['US']).map((r) => r.toUpperCase());
  if (regions.some((r) => !/^[A-Z]{2}$/.test(r))) {
    throw new BulwarkError('ERR_SCAN_INVALID_OPTION', 'regions must be ISO 3166-1 alpha-2 codes');
  }
  const selected = options.entities ? new Set(options.entities) : undefined;
  return {
    options,
    threshold,
    regions,
    selected,
    active: selected ? detectors.filter((d) => d.entities.some((e) => selected.has(e))) : detectors,
    allow: options.allow && options.allow.length > 0 ? compileAllowList(options.allow) : undefined,
    deny: options.deny ? compileDenyList(options.deny) : undefined,
  };
}

/** A scan's context; its scratch space is made when a detector first uses it (a secret scan never does). */
class ScanContext implements DetectorContext {
  #shared: Map<string, unknown> | undefined;

  constructor(readonly regions: readonly string[]) {}

  get shared(): Map<string, unknown> {
    this.#shared ??= new Map();
    return this.#shared;
  }
}

function runScan(text: string, checked: CheckedOptions): Finding[] {
  if (text.length === 0) return [];
  const { active, selected, threshold, allow, deny } = checked;
  const ctx = new ScanContext(checked.regions);

  // Plain loops, no callbacks: this runs per segment of every request.
  let findings: Finding[] = [];
  for (let d = 0; d < active.length; d++) {
    const detector = active[d]!;
    for (const f of detector.detect(text, ctx)) {
      if (selected && !selected.has(f.type)) continue;
      findings.push(detector.context ? boostByContext(text, f, detector.context) : f);
    }
  }
  if (deny) {
    for (const f of deny(text)) {
      if (!selected || selected.has(f.type)) findings.push(f);
    }
  }
  // Most texts (and most stream windows of an answer) hold nothing: skip the copies below.
  if (findings.length === 0) return findings;
  findings = applyPrecisionGuards(text, findings);
  const kept: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.score >= threshold && !(allow && allow(text.slice(f.start, f.end)))) kept.push(f);
  }
  return resolveOverlaps(kept);
}

function boostByContext(text: string, f: Finding, words: readonly string[]): Finding {
  if (f.score >= 1) return f;
  const word = findContextWord(text, f.start, f.end, words);
  if (word === undefined) return f;
  return {
    ...f,
    score: Math.min(1, f.score + CONTEXT_BOOST),
    reason: `${f.reason}; context "${word}"`,
  };
}
