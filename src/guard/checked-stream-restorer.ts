import type { ChunkRestorer } from './chunk-restorer.js';
import { newFindings, release, type OutputCheck } from './output-check.js';

/**
 * Text kept back after each check. A value is only recognised once the text after it has been
 * seen, so the last WINDOW characters wait for the next chunk; anything in view that crosses
 * the cut waits whole. Released text is never scanned again: each character is scanned about
 * twice (once as new text, once inside the window).
 */
export const OUTPUT_WINDOW = 48;

type Json = Record<string, unknown>;
const FIELDS = ['content', 'refusal'] as const;
const TEMPLATE_FIELDS = ['id', 'object', 'created', 'model', 'system_fingerprint'] as const;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
// Digits, `+`, `(`, `)`, `-`, `.`: a space after one of them may sit inside a phone number.
const isNumberish = (c: number): boolean => (c >= 48 && c <= 57) || c === 43 || c === 40 || c === 41 || c === 45 || c === 46;

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

/** One field of one choice: unreleased text, checked in windows. */
class HeldText {
  #held = '';
  constructor(private readonly check: OutputCheck) {}

  push(text: string): string {
    this.#held += text;
    if (this.#held.length < 2 * OUTPUT_WINDOW) return '';
    const held = this.#held;
    const found = newFindings(held, this.check);
    let cut = safeCut(held, held.length - OUTPUT_WINDOW);
    for (const f of found) if (f.start < cut && f.end > cut) cut = f.start;
    this.#held = held.slice(cut);
    const released = held.slice(0, cut);
    // Findings past the cut are found again next time: report only the released ones.
    return release(released, found.filter((f) => f.end <= cut), this.check);
  }

  flush(): string {
    const held = this.#held;
    this.#held = '';
    return release(held, newFindings(held, this.check), this.check);
  }
}

/**
 * Wraps a stream's restorer with the output check: restored `delta.content` and `delta.refusal`
 * of each choice pass through a {@link HeldText}, released at the latest with the choice's
 * `finish_reason` or the stream's end. Tool-call arguments are not checked while streaming.
 */
export function checkedStreamRestorer(inner: ChunkRestorer, check: OutputCheck): ChunkRestorer {
  const state = new Map<string, HeldText>();
  let template: Json = { object: 'chat.completion.chunk' };
  const holder = (index: number, field: string): HeldText => {
    const k = `${index}:${field}`;
    let h = state.get(k);
    if (h === undefined) state.set(k, (h = new HeldText(check)));
    return h;
  };
  const flushChoice = (index: number, delta: Json): void => {
    for (const field of FIELDS) {
      const h = state.get(`${index}:${field}`);
      if (h === undefined) continue;
      const tail = h.flush();
      state.delete(`${index}:${field}`);
      if (tail !== '') delta[field] = (typeof delta[field] === 'string' ? delta[field] : '') + tail;
    }
  };
  const checkChoice = (choice: unknown, position: number): unknown => {
    if (!isObject(choice)) return choice;
    const index = typeof choice['index'] === 'number' ? choice['index'] : position;
    const delta: Json = isObject(choice['delta']) ? { ...choice['delta'] } : {};
    for (const field of FIELDS) if (typeof delta[field] === 'string') delta[field] = holder(index, field).push(delta[field]);
    if (typeof choice['finish_reason'] === 'string') flushChoice(index, delta);
    return { ...choice, delta };
  };
  const checkChunk = (chunk: unknown): unknown => {
    if (!isObject(chunk) || !Array.isArray(chunk['choices'])) return chunk;
    template = { object: 'chat.completion.chunk' };
    for (const f of TEMPLATE_FIELDS) if (Object.hasOwn(chunk, f)) template[f] = chunk[f];
    return { ...chunk, choices: chunk['choices'].map(checkChoice) };
  };
  return {
    push: (chunk) => checkChunk(inner.push(chunk)),
    finish() {
      const tail = inner.finish();
      const out = tail === undefined ? { ...template, choices: [] as unknown[] } : (checkChunk(tail) as Json);
      const choices = [...(out['choices'] as unknown[])];
      const indexes = new Set([...state.keys()].map((k) => Number(k.slice(0, k.indexOf(':')))));
      for (const index of indexes) {
        const at = choices.findIndex((c) => isObject(c) && c['index'] === index);
        const choice: Json = at >= 0 ? { ...(choices[at] as Json) } : { index, delta: {}, finish_reason: null };
        const delta: Json = isObject(choice['delta']) ? { ...choice['delta'] } : {};
        flushChoice(index, delta);
        choice['delta'] = delta;
        if (at >= 0) choices[at] = choice;
        else if (Object.keys(delta).length > 0) choices.push(choice);
      }
      return choices.length === 0 ? undefined : { ...out, choices };
    },
  };
}
