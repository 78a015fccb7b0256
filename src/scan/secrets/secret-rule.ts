/**
 * What one secret rule reports: the span of the secret value itself (never the keyword around
 * it), a score in [0, 1] and a reason naming the rule and the checks that passed (never the value).
 */
export interface SecretMatch {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly reason: string;
}

/**
 * What every rule of one scan shares: the text, its lower-case form (computed on first use) and a
 * memo for parses several rules need (e.g. the credentials of every URL in the text).
 */
export interface SecretScanState {
  readonly text: string;
  /** `text.toLowerCase()`, computed once per scan; same length and offsets as `text` for ASCII. */
  readonly lower: string;
  /** Per-scan memo, keyed by the name of the parse. */
  readonly memo: Map<string, unknown>;
  /**
   * Start offsets of `keyword` in the text (ASCII case-insensitive, text order) when the keyword
   * pass recorded them, else `undefined` (search the text yourself).
   */
  occurrences(keyword: string): readonly number[] | undefined;
}

/**
 * One provider format (or one generic family). The detector built from it runs `find` only when
 * one of `keywords` occurs in the text (case-insensitively): the keyword pre-filter that keeps a
 * scan fast, since most texts contain none of a rule's keywords.
 */
export interface SecretRule {
  /** Stable snake_case id; the detector id is `secret.<id>`. */
  readonly id: string;
  /** What the secret is, e.g. "GitHub personal access token". */
  readonly description: string;
  /** Lower-case ASCII literals; the rule runs when at least one occurs in the text. */
  readonly keywords: readonly string[];
  /** The rule works from keyword positions ({@link SecretScanState.occurrences}): record them. */
  readonly anchored?: boolean;
  /** The rule's matches in the text (already validated and scored). */
  find(state: SecretScanState): SecretMatch[];
}
