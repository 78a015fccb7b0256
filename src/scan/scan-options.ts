import type { Detector } from './detector.js';

/** A term for allow- and deny-lists: a literal (matched case-insensitively) or a RegExp. */
export type ListTerm = string | RegExp;

/** Options of {@link scan} and {@link Scanner.scan}. Every field is optional. */
export interface ScanOptions {
  /** Only report these entity types (default: every type of the scanner's detectors). */
  readonly entities?: readonly string[];
  /** Minimum score a finding needs to be reported, in [0, 1] (default 0.5). */
  readonly threshold?: number;
  /** Values that are never reported: literals compare case-insensitively with the whole match. */
  readonly allow?: readonly ListTerm[];
  /**
   * Values that are always reported, per entity type: `{ PERSON: ['Project Falcon'] }`. Literals
   * match case-insensitively at word boundaries.
   */
  readonly deny?: Readonly<Record<string, readonly ListTerm[]>>;
  /** Region hints for phone numbers and similar, ISO 3166-1 alpha-2 (default `['US']`). */
  readonly regions?: readonly string[];
}

/** Options of {@link createScanner}. */
export interface ScannerOptions extends ScanOptions {
  /** The detectors to run (default: {@link defaultDetectors}). */
  readonly detectors?: readonly Detector[];
}
