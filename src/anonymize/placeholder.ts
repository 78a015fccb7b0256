/** Opening bracket of a canonical placeholder (U+27E6 MATHEMATICAL LEFT WHITE SQUARE BRACKET). */
export const PLACEHOLDER_OPEN = '\u27E6';
/** Closing bracket of a canonical placeholder (U+27E7). */
export const PLACEHOLDER_CLOSE = '\u27E7';
/** Longest label: long enough for every built-in type, short enough to bound stream hold-back. */
export const MAX_LABEL_LENGTH = 24;
/** Placeholder numbers have at most this many digits (up to 999,999 per label per vault). */
export const MAX_PLACEHOLDER_DIGITS = 6;

// Types whose trailing qualifier adds length but no meaning for the model reading the prompt.
// A Map, not an object literal: a custom entity type named `constructor` or `toString` must not
// find Object.prototype's members.
const SHORT_LABELS: ReadonlyMap<string, string> = new Map([
  ['EMAIL_ADDRESS', 'EMAIL'],
  ['PHONE_NUMBER', 'PHONE'],
  ['IBAN_CODE', 'IBAN'],
]);

// Labels computed so far, by entity type (bounded: custom detectors may name any type).
const labels = new Map<string, string>();
const MAX_CACHED_LABELS = 256;

/**
 * The placeholder label for an entity type: `EMAIL_ADDRESS` → `EMAIL`, `PHONE_NUMBER` → `PHONE`,
 * `IBAN_CODE` → `IBAN`; any other type upper-cased, with characters outside `[A-Z0-9]` turned
 * into `_`, starting with a letter (`X` is prefixed otherwise) and cut to
 * {@link MAX_LABEL_LENGTH}.
 */
export function placeholderLabel(type: string): string {
  const short = SHORT_LABELS.get(type);
  if (short !== undefined) return short;
  let label = labels.get(type);
  if (label === undefined) {
    label = computeLabel(type);
    // Every tokenized value asks for its label, and a handful of types ever occur.
    if (labels.size >= MAX_CACHED_LABELS) labels.clear();
    labels.set(type, label);
  }
  return label;
}

function computeLabel(type: string): string {
  let label = type
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[A-Z]/.test(label)) label = 'X' + label;
  return label.slice(0, MAX_LABEL_LENGTH).replace(/_+$/, '');
}

/** The canonical placeholder `⟦LABEL_N⟧`. */
export function formatPlaceholder(label: string, n: number): string {
  return `${PLACEHOLDER_OPEN}${label}_${n}${PLACEHOLDER_CLOSE}`;
}
