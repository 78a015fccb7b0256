import type { SecretScanState } from './secret-rule.js';

type Occurrences = (keyword: string) => readonly number[] | undefined;

// A class rather than an object literal with a getter: one is made per scanned text that holds a
// keyword (most texts hold a `.`), and a literal's accessor costs a closure and a pair each time.
class ScanState implements SecretScanState {
  #lower: string | undefined;
  #memo: Map<string, unknown> | undefined;

  constructor(
    readonly text: string,
    private readonly recorded: Occurrences | undefined,
  ) {}

  occurrences(keyword: string): readonly number[] | undefined {
    return this.recorded?.(keyword);
  }

  get lower(): string {
    // toLowerCase keeps UTF-16 offsets for every character but a handful (e.g. U+0130 grows);
    // fall back to an ASCII-only fold when the length changes, so offsets stay valid.
    this.#lower ??= foldCase(this.text);
    return this.#lower;
  }

  get memo(): Map<string, unknown> {
    this.#memo ??= new Map();
    return this.#memo;
  }
}

/**
 * A fresh {@link SecretScanState} for `text`; the lower-case copy and the memo are made on first
 * use. `occurrences` answers from keyword positions recorded by the keyword pass, when given.
 */
export function createScanState(text: string, occurrences?: Occurrences): SecretScanState {
  return new ScanState(text, occurrences);
}

function foldCase(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
