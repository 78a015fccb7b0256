/**
 * A piece of sensitive data found in a text. Offsets are UTF-16 code-unit indices
 * (what `String.prototype.slice` takes), `end` exclusive. A finding never carries the
 * matched value itself, so findings can be logged and audited without leaking it.
 */
export interface Finding {
  /** Entity type, e.g. `EMAIL_ADDRESS` (see {@link ENTITY_TYPES}). */
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Confidence in [0, 1]. */
  readonly score: number;
  /** Stable dotted id of the detector that produced it, e.g. `pii.credit_card`. */
  readonly detector: string;
  /** Why: the pattern, validator and context words that led to the finding (no raw value). */
  readonly reason: string;
}

/** A half-open UTF-16 range `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}
