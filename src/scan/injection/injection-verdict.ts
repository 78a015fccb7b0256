/** One piece of evidence for prompt injection; never carries the matched text. */
export interface InjectionSignal {
  /** Stable dotted id, e.g. `injection.classifier`, `injection.override`. */
  readonly detector: string;
  /** Strength in [0, 1]. */
  readonly score: number;
  /** Why (pattern family, decoded payload kind), without quoting the input. */
  readonly reason: string;
}

/** The verdict on one text. */
export interface InjectionVerdict {
  /** Combined probability-like score in [0, 1]; compare with a policy threshold. */
  readonly score: number;
  /** The evidence behind the score, strongest first. */
  readonly signals: readonly InjectionSignal[];
}

/** Options of `detectInjection`. */
export interface InjectionOptions {
  /**
   * The system prompt the text is sent with. Used as context: asking for "the secret word" is an
   * attack when the system prompt guards a secret word.
   */
  readonly systemPrompt?: string;
  /**
   * The text is untrusted content: a tool or function result, a retrieved document, a web page or
   * an email the model is asked to read, not the user's own words. Such content should hold no
   * instructions for the model at all, so it is scored by the document model, which treats any
   * instruction addressed to the model (about its answer, its tools, the user, or a task nobody
   * asked for) as indirect injection, with its own calibration: compare the score with
   * `UNTRUSTED_INJECTION_THRESHOLD` (~1% false positives on benign documents). Default false.
   */
  readonly untrusted?: boolean;
}
