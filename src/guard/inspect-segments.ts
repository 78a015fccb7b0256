import { applySegments, listChatSegments, type AnonymizePlan, type ChatSegment, type SegmentReplacement, type Vault } from '../anonymize/index.js';
import type { ErrorCode } from '../core/index.js';
import type { Scanner } from '../scan/index.js';
import { canaryLine, type Canary } from './canary.js';
import { planAnonymizer } from './plan-anonymizer.js';
import { inspectSegmentThreats, type ThreatContext } from './inspect-threats.js';
import { toNameField } from './name-field.js';
import { segmentTrust, segmentWhere, withoutMarkers, type SegmentTrust } from './segment-trust.js';

/** Threat settings of one inspection (absent: PII only, as for embeddings). */
export type SegmentThreats = Omit<ThreatContext, 'systemPrompt'> & { readonly canary: Canary | undefined };

/** What one pass over a request's segments produced. */
export interface SegmentsResult<T> {
  readonly body: T;
  readonly findings: Readonly<Record<string, number>>;
  readonly promptValues: ReadonlySet<string>;
  /** Set when a threat check refuses the request; `body` is then the input, unchanged. */
  readonly blocked: ErrorCode | undefined;
  /** Whether the canary found a system message to go into. */
  readonly canaryPlaced: boolean;
}

/** The segment the canary goes into: the first system message's first text (or last, at `end`). */
function canaryTarget(segments: readonly ChatSegment[], trusts: readonly SegmentTrust[], position: 'start' | 'end'): number {
  const first = trusts.indexOf('system');
  if (first < 0 || position === 'start') return first;
  let last = first;
  for (let i = first + 1; i < segments.length && segments[i]!.path[1] === segments[first]!.path[1]; i++) if (trusts[i] === 'system') last = i;
  return last;
}

/** The system and developer messages' texts, one per line: context for the injection detector. */
function systemPromptOf(segments: readonly ChatSegment[], trusts: readonly SegmentTrust[]): string {
  let prompt: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    if (trusts[i] === 'system') prompt = prompt === undefined ? segments[i]!.text : `${prompt}\n${segments[i]!.text}`;
  }
  return prompt ?? '';
}

/** The counts as a record (what `Object.fromEntries` makes, several times faster). */
function countsOf(counts: Map<string, number> | undefined): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  if (counts === undefined) return out;
  for (const [type, n] of counts) {
    // A plain key even when it is `__proto__`, as `Object.fromEntries` makes it.
    if (type === '__proto__') Object.defineProperty(out, type, { value: n, enumerable: true, writable: true, configurable: true });
    else out[type] = n;
  }
  return out;
}

/**
 * One pass over the text segments of a chat body: threat checks first (injection, secrets; with
 * `threats`), then the PII scan and the policy's operators on what is left, one vault for all
 * segments. The canary goes into the first system message last, so it is never scanned or
 * tokenized. Untrusted markers are removed from the result.
 */
export function inspectSegments<T>(body: T, scanner: Scanner, plan: Omit<AnonymizePlan, 'vault'>, vault: Vault, threats?: SegmentThreats): SegmentsResult<T> {
  // Runs per request: plain loops, and the counts only once something is found.
  let counts: Map<string, number> | undefined;
  const values = new Set<string>();
  const replacements: SegmentReplacement[] = [];
  const segments = listChatSegments(body);
  const trusts = threats === undefined ? [] : segments.map((s) => segmentTrust(s, body));
  // Field by field: `{ ...threats, systemPrompt }` (a spread plus a new key) takes V8's slow path.
  const ctx: ThreatContext | undefined =
    threats === undefined
      ? undefined
      : { policy: threats.policy, secretScanner: threats.secretScanner, detectInjection: threats.detectInjection, detections: threats.detections, systemPrompt: systemPromptOf(segments, trusts) };
  const target = threats?.canary === undefined ? -1 : canaryTarget(segments, trusts, threats.policy.canary.position);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    let text = segment.text;
    let stripped = false;
    if (ctx !== undefined) {
      const outcome = inspectSegmentThreats(text, trusts[i]!, segmentWhere(segment, trusts[i]!), ctx);
      if ('blocked' in outcome) return { body, findings: countsOf(counts), promptValues: values, blocked: outcome.blocked, canaryPlaced: false };
      ({ text, stripped } = outcome);
    }
    const findings = stripped ? [] : scanner.scan(text);
    if (findings.length > 0) {
      counts ??= new Map();
      for (const f of findings) {
        counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
        values.add(text.slice(f.start, f.end));
      }
      text = planAnonymizer(plan)(text, findings, vault);
    }
    if (segment.kind === 'name') text = toNameField(text);
    if (i === target) {
      const line = canaryLine(threats!.canary!);
      text = threats!.policy.canary.position === 'start' ? `${line}\n\n${text}` : `${text}\n\n${line}`;
    }
    if (text !== segment.text) replacements.push({ path: segment.path, text });
  }
  const cleaned = applySegments(body, replacements);
  return { body: threats === undefined ? cleaned : withoutMarkers(cleaned), findings: countsOf(counts), promptValues: values, blocked: undefined, canaryPlaced: target >= 0 };
}
