import type { ErrorCode } from '../core/index.js';
import type { Scanner } from '../scan/index.js';
import type { InjectionOptions, InjectionVerdict } from '../scan/injection/index.js';
import { addDetection, type Detection } from './detection.js';
import { redactFindings } from './output-check.js';
import type { SegmentTrust } from './segment-trust.js';
import type { ThreatPolicy } from './threat-policy.js';

/** Scores a text for prompt injection (the scan layer's `detectInjection`, or a test double). */
export type InjectionDetector = (text: string, options: InjectionOptions) => InjectionVerdict;

/** What replaces untrusted content stripped for suspected injection. */
export const STRIPPED_NOTICE = '[removed by Bulwark: suspected prompt injection]';

/** What the threat checks need for one request. */
export interface ThreatContext {
  readonly policy: ThreatPolicy;
  readonly secretScanner: Scanner;
  readonly detectInjection: InjectionDetector;
  /** The system and developer messages, joined: context for the injection detector. */
  readonly systemPrompt: string;
  /** The request's detections so far (added to in place). */
  readonly detections: Detection[];
}

/** The outcome for one segment: its text to go on with, or a refusal. */
export type SegmentOutcome = { readonly text: string; readonly stripped: boolean } | { readonly blocked: ErrorCode };

/**
 * The threat checks of one request segment, before its PII is handled. Injection: user text
 * (`direct`) and untrusted content are scored with the system prompt as context, each against
 * its own threshold and action (`strip` replaces the segment with {@link STRIPPED_NOTICE}).
 * Secrets: every segment; `redact` writes `<SECRET>`, so a pasted key never reaches the provider.
 * Each detection is recorded with its detector id and score, never the text.
 */
export function inspectSegmentThreats(text: string, trust: SegmentTrust, where: string, ctx: ThreatContext): SegmentOutcome {
  const { injection, secrets } = ctx.policy;
  if (injection.enabled && (trust === 'direct' || trust === 'untrusted') && text.trim() !== '') {
    const untrusted = trust === 'untrusted';
    // Untrusted content is scored by the document model: any instruction to the model is the attack there.
    const verdict = ctx.detectInjection(text, {
      ...(ctx.systemPrompt === '' ? {} : { systemPrompt: ctx.systemPrompt }),
      ...(untrusted ? { untrusted: true } : {}),
    });
    const threshold = untrusted ? injection.untrustedThreshold : injection.threshold;
    if (verdict.score > 0 && verdict.score >= threshold) {
      const action = untrusted ? injection.untrustedAction : injection.action;
      const detector = verdict.signals[0]?.detector ?? 'injection.score';
      addDetection(ctx.detections, { detector, score: verdict.score, where, action });
      if (action === 'block') return { blocked: 'ERR_GUARD_INJECTION_BLOCKED' };
      if (action === 'strip') return { text: STRIPPED_NOTICE, stripped: true };
    }
  }
  if (!secrets.enabled) return { text, stripped: false };
  const found = ctx.secretScanner.scan(text);
  for (const f of found) addDetection(ctx.detections, { detector: f.detector, score: f.score, where, action: secrets.action });
  if (found.length > 0 && secrets.action === 'block') return { blocked: 'ERR_GUARD_SECRET_BLOCKED' };
  return { text: secrets.action === 'redact' ? redactFindings(text, found) : text, stripped: false };
}
