import type { Finding } from '../core/finding.js';

/** What every detector is told besides the text. */
export interface DetectorContext {
  /**
   * Region hints (ISO 3166-1 alpha-2, upper case, e.g. `['US', 'DE']`), most likely first.
   * Phone numbers without a `+` country code are tried against these.
   */
  readonly regions: readonly string[];
  /**
   * Scratch space of one scan, shared by the detectors it runs (e.g. one pass over digit runs, one
   * NER tagging for two detectors); see {@link perScan}. The scanner creates a fresh one per call;
   * absent when a detector is called directly, in which case nothing is shared.
   */
  readonly shared?: Map<string, unknown>;
}

/**
 * A detector finds one family of entities in text. Built-in detectors implement exactly this
 * interface, as a user's own detector would. `detect` is pure and synchronous: no I/O, no globals.
 */
export interface Detector {
  /** Stable dotted id, e.g. `pii.credit_card`; it appears in findings and audit records. */
  readonly id: string;
  /** The entity types this detector can emit. */
  readonly entities: readonly string[];
  /**
   * Lower-case words or short phrases that, found near a finding (word-bounded, a few words
   * before or after), raise its score. Applied by the scanner, not by the detector.
   */
  readonly context?: readonly string[];
  /** Returns the findings in `text`, in any order, possibly overlapping. */
  detect(text: string, ctx: DetectorContext): Finding[];
}
