import type { Finding } from '../core/index.js';
import { CanaryWatch } from './canary.js';
import { JsonFragment } from './json-fragment.js';
import { newFindings, release, reportCanary, type OutputCheck } from './output-check.js';

/**
 * Text kept back after each check while answers are checked for PII. A value is only recognised
 * once the text after it has been seen, so the last WINDOW characters wait for the next chunk;
 * anything in view that crosses the cut waits whole. Released text is not scanned again beyond
 * {@link LOOKBEHIND} characters: each character is scanned about twice (once as new text, once
 * inside the window).
 */
export const OUTPUT_WINDOW = 48;
/**
 * While secrets are checked, a run of token characters (a key, a JWT, base64) crossing the cut
 * waits whole, up to this length: a secret longer than the window is then seen complete.
 */
export const RUN_CAP = 1024;
/** While secrets are checked, a `-----BEGIN` block waits for its `-----END` line, up to this length. */
export const PEM_CAP = 16 * 1024;
/**
 * Released characters scanned again in front of the held text, so a rule that reads a keyword
 * before a value (`password: …`) still sees it when the value arrives in a later window.
 */
export const LOOKBEHIND = 32;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
// Digits, `+`, `(`, `)`, `-`, `.`: a space after one of them may sit inside a phone number.
const isNumberish = (c: number): boolean => (c >= 48 && c <= 57) || c === 43 || c === 40 || c === 41 || c === 45 || c === 46;
// Printable ASCII a secret can be made of: not space, quotes, brackets or commas.
const isTokenChar = (c: number): boolean => c > 32 && c < 127 && !'"\'`<>()[]{},'.includes(String.fromCharCode(c));

/**
 * Moves `cut` back to just after a space that is not preceded by a digit-like character, so a
 * value that is still incomplete in view (an email, a phone number written in groups) is not
 * split between two releases, where neither half would be recognised. Without such a space in
 * the window, the cut stays (outside a surrogate pair).
 */
function safeCut(text: string, cut: number): number {
  for (let p = cut; p > cut - OUTPUT_WINDOW && p > 1; p--) {
    if (isSpace(text.charCodeAt(p - 1)) && !isNumberish(text.charCodeAt(p - 2)) && !isSpace(text.charCodeAt(p - 2))) return p;
  }
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/**
 * The start of the token run `cut` falls inside (or `cut`), unless the run is longer than
 * {@link RUN_CAP}. At the end of the text a run counts as unfinished: more may follow.
 */
function runStart(text: string, cut: number): number {
  if (cut <= 0 || !isTokenChar(text.charCodeAt(cut - 1)) || (cut < text.length && !isTokenChar(text.charCodeAt(cut)))) return cut;
  let p = cut - 1;
  while (p > 0 && isTokenChar(text.charCodeAt(p - 1))) {
    if (cut - --p > RUN_CAP) return cut;
  }
  return p;
}

/** Where an unfinished `-----BEGIN …` block starts, if one does (not longer than {@link PEM_CAP}). */
function pemStart(text: string): number | undefined {
  const begin = text.lastIndexOf('-----BEGIN');
  if (begin < 0 || text.length - begin > PEM_CAP) return undefined;
  const end = text.indexOf('-----END', begin);
  return end >= 0 && text.indexOf('-----', end + 8) >= 0 ? undefined : begin;
}

/** The findings that end by `cut` (all of them, without a copy, when none reaches past it). */
function releasedOf(found: readonly Finding[], cut: number): readonly Finding[] {
  let kept: Finding[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (f.end <= cut) kept?.push(f);
    else kept ??= found.slice(0, i);
  }
  return kept ?? found;
}

/**
 * One streamed text (a choice's content or refusal, or one tool call's arguments) whose released
 * text has passed the output check. With `json`, the text is raw JSON string content: cuts and
 * redactions respect escapes.
 *
 * With the PII check on, the last {@link OUTPUT_WINDOW} characters wait for the next chunk (a
 * name or a phone number is only recognised with the text after it). Without it, only what may
 * still be part of a secret waits: the run of token characters the text ends with, an unfinished
 * `-----BEGIN` block, the start of the canary — so prose streams out word by word.
 */
export class HeldText {
  #held = '';
  /** The end of the released text: rules that need a keyword before a value still see it. */
  #context = '';
  readonly #canary: CanaryWatch | undefined;
  /** While waiting for a long secret to end, the next scan happens at this length or on its end. */
  #quietUntil = 0;
  #waiting: 'run' | 'pem' | undefined;

  constructor(
    private readonly check: OutputCheck,
    private readonly json = false,
  ) {
    this.#canary = check.canary === undefined ? undefined : new CanaryWatch(check.canary.canary, json);
  }

  /** Adds restored text; returns what may be released now (checked, maybe redacted). */
  push(text: string): string {
    this.#held += text;
    const held = this.#held;
    const windowed = this.check.scanner !== undefined;
    if (windowed && held.length < 2 * OUTPUT_WINDOW) return '';
    if (this.#waiting !== undefined && held.length < this.#quietUntil && !this.#ended(text)) return '';
    this.#waiting = undefined;
    const fragment = this.json ? new JsonFragment(held) : undefined;
    const found = this.#scan(held);
    let cut = windowed ? safeCut(held, held.length - OUTPUT_WINDOW) : held.length;
    for (let before = -1; before !== cut; ) {
      before = cut;
      for (const f of found) if (f.start < cut && f.end > cut) cut = f.start;
      if (this.check.secrets !== undefined) cut = this.#holdSecrets(held, cut);
      if (fragment !== undefined) cut = fragment.boundary(cut);
    }
    if (this.#canary !== undefined) {
      const seen = this.#canary.check(held);
      // Flagged (not blocked): the marker goes out; holding it would stall the stream.
      if (seen.leaked) reportCanary(this.check);
      else cut = fragment === undefined ? Math.min(cut, seen.holdFrom) : fragment.boundary(Math.min(cut, seen.holdFrom));
    }
    return this.#release(held, cut, releasedOf(found, cut));
  }

  /** Releases everything held (the choice finished or the stream ended). */
  flush(): string {
    const held = this.#held;
    if (held === '') return '';
    if (this.#canary?.check(held).leaked === true) reportCanary(this.check);
    return this.#release(held, held.length, this.#scan(held));
  }

  /**
   * Findings in `held`, scanned behind {@link LOOKBEHIND} characters of released text; a finding
   * reaching back into released text is cut to its unreleased part.
   */
  #scan(held: string): Finding[] {
    const context = this.#context;
    const text = context + held;
    const found = newFindings(this.json ? new JsonFragment(text).view() : text, this.check);
    if (context === '') return found;
    const out: Finding[] = [];
    for (const f of found) if (f.end > context.length) out.push({ ...f, start: Math.max(0, f.start - context.length), end: f.end - context.length });
    return out;
  }

  #release(held: string, cut: number, findings: readonly Finding[]): string {
    // Findings past the cut are found again next time: report only the released ones.
    const released = held.slice(0, cut);
    const out = release(released, findings, this.check, this.json);
    this.#canary?.released(released);
    this.#context = (this.#context + released).slice(-LOOKBEHIND);
    this.#held = held.slice(cut);
    return out;
  }

  /** Moves `cut` before a long secret still arriving, and remembers to wait for its end. */
  #holdSecrets(held: string, cut: number): number {
    const pem = pemStart(held);
    if (pem !== undefined && pem < cut) return this.#wait('pem', pem);
    const run = runStart(held, cut);
    return run < cut ? this.#wait('run', run) : cut;
  }

  #wait(kind: 'run' | 'pem', cut: number): number {
    this.#waiting = kind;
    // Scanning again only at double the length keeps a long held block linear to check.
    this.#quietUntil = 2 * this.#held.length;
    return cut;
  }

  /** True when `text` (just added) may end what is waited for. */
  #ended(text: string): boolean {
    if (this.#waiting === 'pem') return this.#held.slice(-(text.length + 4)).includes('-----');
    for (let i = 0; i < text.length; i++) if (!isTokenChar(text.charCodeAt(i))) return true;
    return false;
  }
}
