/**
 * Turns one detected value into its replacement. Built-in operators implement exactly this, so a
 * custom operator (e.g. a format-preserving fake) plugs into an {@link AnonymizePlan} the same way.
 * Options are checked when the operator is created, never per value.
 */
export interface Operator {
  /** Reported as {@link AnonymizedItem.operator}, e.g. `mask`. */
  readonly name: string;
  /** The replacement for `value`, an entity of type `type` (e.g. `EMAIL_ADDRESS`). */
  apply(value: string, type: string): string;
}
