import type { SecretScanState } from './secret-rule.js';

/**
 * A fresh {@link SecretScanState} for `text`; the lower-case copy is made on first use.
 * `occurrences` answers from keyword positions recorded by the keyword pass, when given.
 */
export function createScanState(text: string, occurrences?: (keyword: string) => readonly number[] | undefined): SecretScanState {
  let lower: string | undefined;
  return {
    text,
    occurrences: occurrences ?? (() => undefined),
    get lower() {
      // toLowerCase keeps UTF-16 offsets for every character but a handful (e.g. U+0130 grows);
      // fall back to an ASCII-only fold when the length changes, so offsets stay valid.
      lower ??= foldCase(text);
      return lower;
    },
    memo: new Map(),
  };
}

function foldCase(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
