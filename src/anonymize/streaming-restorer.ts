import { restoreRun } from './restore-run.js';
import type { Vault } from './vault.js';

/** Restores placeholders in a text that arrives in pieces (e.g. an LLM's streamed answer). */
export interface StreamingRestorer {
  /** Feeds the next piece; returns the restored text that is final now (possibly ''). */
  push(chunk: string): string;
  /** Ends the stream: returns everything still held back, restored. */
  flush(): string;
  /** Characters currently held back (never more than `MAX_HELD_BACK` + 1). */
  readonly pending: number;
}

/**
 * Creates a restorer for one stream. It releases text as soon as no later character can change
 * it: only a suffix that could still become a tolerated placeholder (see {@link restore}) of
 * this vault is held back, at most `MAX_HELD_BACK` characters, plus a trailing half of a
 * surrogate pair. There is no timer: holding ends with the next chunk or `flush()`.
 * Concatenating every `push` result and `flush()` equals `restore(wholeText, vault)` for any
 * split of the text, as long as the vault does not change during the stream.
 */
export function createStreamingRestorer(vault: Vault): StreamingRestorer {
  let held = '';
  let prev = -1;
  const open = { vault, final: false };
  const last = { vault, final: true };
  const run = (final: boolean): string => {
    const text = held;
    if (text.length === 0) return '';
    const r = restoreRun(text, prev, final ? last : open);
    if (r.consumed > 0) prev = text.charCodeAt(r.consumed - 1);
    held = text.slice(r.consumed);
    return r.output;
  };
  return {
    push(chunk) {
      held += chunk;
      return run(false);
    },
    flush() {
      return run(true);
    },
    get pending() {
      return held.length;
    },
  };
}
