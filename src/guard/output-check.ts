import { applySegments, listChatSegments, type SegmentReplacement } from '../anonymize/index.js';
import { BulwarkError, type Finding } from '../core/index.js';
import type { Scanner } from '../scan/index.js';
import { valueContainsCanary, type Canary } from './canary.js';
import type { Detection } from './detection.js';
import { JsonFragment } from './json-fragment.js';
import { checkResponseSchema, type OutputSchemaCheck } from './output-schema.js';

/** How one answer is checked: personal data the prompt did not contain, secrets, the canary, schemas. */
export interface OutputCheck {
  /** Finds the policy's entity types; absent when the policy does not check answers for PII. */
  readonly scanner?: Scanner;
  /** PII: `redact`: new values become `<TYPE>`; `flag`: they are only reported. */
  readonly action: 'redact' | 'flag';
  /** Values found in the prompt: echoed back, they are the user's own and stay. */
  readonly known: ReadonlySet<string>;
  /** Called once per new PII value found (its type only, never the value). */
  readonly onFinding: (type: string) => void;
  /** Secrets in answers: `redact` writes `<SECRET>`, `block` withholds the answer. */
  readonly secrets?: { readonly scanner: Scanner; readonly action: 'redact' | 'block' | 'flag' };
  /** The request's canary: an answer repeating it leaks the system prompt. */
  readonly canary?: { readonly canary: Canary; readonly action: 'block' | 'flag' };
  /** Tool-call arguments and structured output against the request's schemas. */
  readonly schema?: OutputSchemaCheck;
  /** Called per threat detection in the answer (detector id and score, never text). */
  readonly onDetection?: (d: Detection) => void;
}

/** Entity type of secret findings. */
const SECRET = 'SECRET';

/** A prompt value, or a piece of one (a model quoting part of a phone number adds nothing new). */
function isKnown(value: string, known: ReadonlySet<string>): boolean {
  if (known.has(value)) return true;
  for (const k of known) if (k.includes(value)) return true;
  return false;
}

/**
 * The findings of `text` to report: PII whose values the prompt did not contain, and secrets
 * (which win over PII they overlap). Sorted by start, not overlapping.
 */
export function newFindings(text: string, check: OutputCheck): Finding[] {
  if (text === '') return [];
  const pii = check.scanner === undefined ? [] : check.scanner.scan(text).filter((f) => !isKnown(text.slice(f.start, f.end), check.known));
  const secrets = check.secrets === undefined ? [] : check.secrets.scanner.scan(text);
  if (secrets.length === 0) return pii;
  const free = pii.filter((p) => !secrets.some((s) => s.start < p.end && p.start < s.end));
  return [...free, ...secrets].sort((a, b) => a.start - b.start);
}

/** Reports the canary in released text (throws when the policy blocks). */
export function reportCanary(check: OutputCheck): void {
  if (check.canary === undefined) return;
  check.onDetection?.({ detector: 'leak.canary', score: 1, where: 'response', action: check.canary.action });
  if (check.canary.action === 'block') throw new BulwarkError('ERR_GUARD_LEAK_BLOCKED', 'The answer was withheld: it repeats the system prompt (canary marker found).');
}

/**
 * Reports released findings and returns the text to release, redacted where the policy says so.
 * A secret under a `block` policy throws `ERR_GUARD_OUTPUT_SECRET_BLOCKED` before anything is
 * released. With `json`, `text` is raw JSON string content: redacted spans cover whole escapes
 * and never a closing quote (such a finding is reported but left as it is).
 */
export function release(text: string, findings: readonly Finding[], check: OutputCheck, json = false): string {
  const redact: Finding[] = [];
  for (const f of findings) {
    if (f.type === SECRET && check.secrets !== undefined) {
      const { action } = check.secrets;
      check.onDetection?.({ detector: f.detector, score: f.score, where: 'response', action });
      if (action === 'block') throw new BulwarkError('ERR_GUARD_OUTPUT_SECRET_BLOCKED', 'The answer was withheld: it contains a secret.');
      if (action === 'redact') redact.push(f);
    } else {
      check.onFinding(f.type);
      if (check.action === 'redact') redact.push(f);
    }
  }
  if (!json || redact.length === 0) return redactFindings(text, redact);
  const fragment = new JsonFragment(text);
  const safe: Finding[] = [];
  for (const f of redact) {
    const span = fragment.widen(f.start, f.end);
    const last = safe.at(-1);
    if (span !== undefined && (last === undefined || last.end <= span.start)) safe.push({ ...f, ...span });
  }
  return redactFindings(text, safe);
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

/** Checks one whole text: the text to release (changed only where the policy redacts). */
export function checkText(text: string, check: OutputCheck): string {
  return release(text, newFindings(text, check), check);
}

/**
 * Checks a whole (already restored) chat completion: the canary anywhere in `choices`, then
 * every text of `choices[].message` (PII, secrets), then the schemas of tool-call arguments and
 * structured output. Returns the input itself when nothing changed, a copy otherwise; throws a
 * `ERR_GUARD_*` error when the policy withholds the answer.
 */
export function checkResponse<T>(response: T, check: OutputCheck): T {
  const choices = typeof response === 'object' && response !== null ? (response as { choices?: unknown }).choices : undefined;
  if (check.canary !== undefined && valueContainsCanary(choices, check.canary.canary)) reportCanary(check);
  const replacements: SegmentReplacement[] = [];
  if (check.scanner !== undefined || check.secrets !== undefined) {
    for (const segment of listChatSegments(response)) {
      if (segment.path[0] !== 'choices') continue;
      const text = checkText(segment.text, check);
      if (text !== segment.text) replacements.push({ path: segment.path, text });
    }
  }
  const checked = applySegments(response, replacements);
  if (check.schema !== undefined) checkResponseSchema(checked, check.schema, check.onDetection);
  return checked;
}
