/** One entity found by the model; `type` indexes `NER_TYPES`. */
export interface NerSpan {
  readonly type: number;
  readonly start: number;
  readonly end: number;
  /** Mean probability of the entity type over the span's tokens, mapped so 0.5 is the cut. */
  readonly score: number;
}
