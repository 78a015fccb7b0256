import { applySegments, listChatSegments, type SegmentReplacement } from '../anonymize/index.js';
import type { Finding } from '../core/index.js';
import type { Scanner } from '../scan/index.js';

/** How one answer is checked for personal data the prompt did not contain. */
export interface OutputCheck {
  readonly scanner: Scanner;
  /** `redact`: new values become `<TYPE>`; `flag`: they are only reported. */
  readonly action: 'redact' | 'flag';
  /** Values found in the prompt: echoed back, they are the user's own and stay. */
  readonly known: ReadonlySet<string>;
  /** Called once per new value found (its type only, never the value). */
  readonly onFinding: (type: string) => void;
}

/** A prompt value, or a piece of one (a model quoting part of a phone number adds nothing new). */
function isKnown(value: string, known: ReadonlySet<string>): boolean {
  if (known.has(value)) return true;
  for (const k of known) if (k.includes(value)) return true;
  return false;
}

/** The findings of `text` whose values the prompt did not contain (not reported yet). */
export function newFindings(text: string, check: OutputCheck): Finding[] {
  if (text === '') return [];
  return check.scanner.scan(text).filter((f) => !isKnown(text.slice(f.start, f.end), check.known));
}

/** Reports released findings and returns the text to release (redacted when the action says so). */
export function release(text: string, findings: readonly Finding[], check: OutputCheck): string {
  for (const f of findings) check.onFinding(f.type);
  return check.action === 'redact' ? redactFindings(text, findings) : text;
}

/** `text` with `findings` (sorted, not overlapping, as the scanner returns them) replaced by `<TYPE>`. */
export function redactFindings(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += `${text.slice(at, f.start)}<${f.type}>`;
    at = f.end;
  }
  return out + text.slice(at);
}

/** Checks one whole text: the text to release (changed only when the action is `redact`). */
export function checkText(text: string, check: OutputCheck): string {
  return release(text, newFindings(text, check), check);
}

/**
 * Checks every text of `choices[].message` of a whole (already restored) chat completion.
 * Returns the input itself when nothing changed, a copy otherwise.
 */
export function checkResponse<T>(response: T, check: OutputCheck): T {
  const replacements: SegmentReplacement[] = [];
  for (const segment of listChatSegments(response)) {
    if (segment.path[0] !== 'choices') continue;
    const text = checkText(segment.text, check);
    if (text !== segment.text) replacements.push({ path: segment.path, text });
  }
  return applySegments(response, replacements);
}

/**
 * The output check of a request under `policy`, or `undefined` when the policy does not check
 * answers. Each new value found is counted under `OUTPUT_<TYPE>` in `counts` (the request's
 * finding counts, which feed the audit record and the metrics).
 */
export function outputCheckFor(
  policy: { readonly scanner: Scanner; readonly output: { readonly action: 'redact' | 'flag' } | undefined },
  promptValues: ReadonlySet<string>,
  counts: Record<string, number>,
): OutputCheck | undefined {
  if (policy.output === undefined) return undefined;
  const onFinding = (type: string): void => {
    const k = `OUTPUT_${type}`;
    counts[k] = (counts[k] ?? 0) + 1;
  };
  return { scanner: policy.scanner, action: policy.output.action, known: promptValues, onFinding };
}
