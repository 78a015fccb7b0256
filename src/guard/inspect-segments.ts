import { applySegments, createAnonymizer, listChatSegments, type AnonymizePlan, type ChatSegment, type SegmentReplacement, type Vault } from '../anonymize/index.js';
import type { ErrorCode } from '../core/index.js';
import type { Scanner } from '../scan/index.js';
import { canaryLine, type Canary } from './canary.js';
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

/**
 * One pass over the text segments of a chat body: threat checks first (injection, secrets; with
 * `threats`), then the PII scan and the policy's operators on what is left, one vault for all
 * segments. The canary goes into the first system message last, so it is never scanned or
 * tokenized. Untrusted markers are removed from the result.
 */
export function inspectSegments<T>(body: T, scanner: Scanner, plan: Omit<AnonymizePlan, 'vault'>, vault: Vault, threats?: SegmentThreats): SegmentsResult<T> {
  const counts = new Map<string, number>();
  const values = new Set<string>();
  const replacements: SegmentReplacement[] = [];
  const segments = listChatSegments(body);
  const trusts = threats === undefined ? [] : segments.map((s) => segmentTrust(s, body));
  const ctx: ThreatContext | undefined =
    threats === undefined ? undefined : { ...threats, systemPrompt: segments.filter((_, i) => trusts[i] === 'system').map((s) => s.text).join('\n') };
  const target = threats?.canary === undefined ? -1 : canaryTarget(segments, trusts, threats.policy.canary.position);
  let anonymizer: ReturnType<typeof createAnonymizer> | undefined;
  for (const [i, segment] of segments.entries()) {
    let text = segment.text;
    let stripped = false;
    if (ctx !== undefined) {
      const outcome = inspectSegmentThreats(text, trusts[i]!, segmentWhere(segment, trusts[i]!), ctx);
      if ('blocked' in outcome) return { body, findings: Object.fromEntries(counts), promptValues: values, blocked: outcome.blocked, canaryPlaced: false };
      ({ text, stripped } = outcome);
    }
    const findings = stripped ? [] : scanner.scan(text);
    if (findings.length > 0) {
      for (const f of findings) {
        counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
        values.add(text.slice(f.start, f.end));
      }
      // Operators bind the vault when built: build them once per request, and only if needed.
      anonymizer ??= createAnonymizer({ ...plan, vault });
      text = anonymizer(text, findings).text;
    }
    if (segment.kind === 'name') text = toNameField(text);
    if (i === target) {
      const line = canaryLine(threats!.canary!);
      text = threats!.policy.canary.position === 'start' ? `${line}\n\n${text}` : `${text}\n\n${line}`;
    }
    if (text !== segment.text) replacements.push({ path: segment.path, text });
  }
  const cleaned = applySegments(body, replacements);
  return { body: threats === undefined ? cleaned : withoutMarkers(cleaned), findings: Object.fromEntries(counts), promptValues: values, blocked: undefined, canaryPlaced: target >= 0 };
}
