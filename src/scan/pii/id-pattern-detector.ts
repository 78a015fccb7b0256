import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import { forEachDigitMatch } from './digit-span.js';

/** What a validator says about one candidate. */
export interface IdVerdict {
  readonly score: number;
  /** Pattern and validator that accepted it; never the value. */
  readonly reason: string;
}

/** A national-id detector: a cheap candidate regex plus a validator that has the last word. */
export interface IdPatternSpec {
  readonly id: string;
  readonly entity: string;
  readonly context: readonly string[];
  /**
   * Candidate regex (used with the `g` flag). It should begin with something rare (a digit run, a
   * word boundary before a fixed-length class) so that V8 can skip most positions quickly.
   */
  readonly pattern: RegExp;
  /**
   * Every match of `pattern` holds a digit, and no character of it lies more than `reach`
   * characters before its first digit or after its last one (`0` for a match that starts and
   * ends on a digit, `2` for `X1234567L`). Only the text around its digits is then searched
   * (see `forEachDigitMatch`), and a text without digits costs nothing.
   */
  readonly reach: number;
  /** Returns the verdict for a candidate, or `undefined` to drop it (failed checksum, bad field). */
  validate(text: string, match: RegExpExecArray): IdVerdict | undefined;
}

/**
 * Builds a {@link Detector} from a candidate regex and a validator. The regex alone never yields a
 * finding: every candidate must pass `validate`.
 */
export function idPatternDetector(spec: IdPatternSpec): Detector {
  const { id, entity, validate } = spec;
  // A private copy: `lastIndex` is state, and the caller's regex may be used elsewhere.
  const flags = spec.pattern.flags.includes('g') ? spec.pattern.flags : `${spec.pattern.flags}g`;
  const pattern = new RegExp(spec.pattern.source, flags);
  const visit = (m: RegExpExecArray, text: string, findings: Finding[]): void => {
    const verdict = validate(text, m);
    if (verdict === undefined) return;
    findings.push({
      type: entity,
      start: m.index,
      end: m.index + m[0].length,
      score: verdict.score,
      detector: id,
      reason: verdict.reason,
    });
  };
  return {
    id,
    entities: [entity],
    context: spec.context,
    detect(text, ctx) {
      const findings: Finding[] = [];
      forEachDigitMatch(text, ctx, pattern, spec.reach, visit, findings);
      return findings;
    },
  };
}
