import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';

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
  return {
    id,
    entities: [entity],
    context: spec.context,
    detect(text) {
      const findings: Finding[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const verdict = validate(text, m);
        if (verdict === undefined) continue;
        findings.push({
          type: entity,
          start: m.index,
          end: m.index + m[0].length,
          score: verdict.score,
          detector: id,
          reason: verdict.reason,
        });
      }
      return findings;
    },
  };
}
