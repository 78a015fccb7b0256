/**
 * Where tokenized values live for one conversation: the port behind the `tokenize` operator and
 * {@link restore}. Placeholders have the form `⟦LABEL_N⟧` (see `formatPlaceholder`); the
 * restorer only recognises that form.
 */
export interface Vault {
  /**
   * The placeholder for `value` of entity `type`: the same pair always gets the same placeholder,
   * different values get different numbers.
   */
  placeholderFor(type: string, value: string): string;
  /** The original value behind a canonical placeholder this vault issued, else `undefined`. */
  valueFor(placeholder: string): string | undefined;
  /**
   * The labels (upper-case, as in the placeholders, e.g. `EMAIL`) of the placeholders issued so
   * far. The restorers use them to release ordinary words at once instead of holding them back.
   */
  labels(): Iterable<string>;
}
