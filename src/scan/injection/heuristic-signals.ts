import { contextSignal, guardedContext, type GuardedContext } from './context-signal.js';
import { delimiterPatterns } from './delimiter-patterns.js';
import { extractionPatterns } from './extraction-patterns.js';
import type { InjectionSignal } from './injection-verdict.js';
import { scoreFamily, seenCues, textViews, type PatternFamily } from './injection-pattern.js';
import type { NormalizedText } from './normalize-for-injection.js';
import { overridePatterns } from './override-patterns.js';
import { personaPatterns } from './persona-patterns.js';

/** Context the heuristics may use. */
export interface HeuristicContext {
  /** The system prompt the text is sent with: what it guards makes some requests attacks. */
  readonly systemPrompt?: string;
}

const FAMILIES: readonly PatternFamily[] = [overridePatterns, personaPatterns, extractionPatterns, delimiterPatterns];

/**
 * How much each obfuscation says on its own. Invisible ASCII channels have no innocent use; base64
 * and hex that decode to text are common in technical questions, so alone they say little.
 */
const OBFUSCATION_WEIGHT: Readonly<Record<string, number>> = {
  tag_chars: 0.85,
  variation_selectors: 0.75,
  homoglyph: 0.45,
  rot13: 0.45,
  zero_width: 0.35,
  bidi: 0.35,
  spaced_letters: 0.35,
  combining_marks: 0.3,
  leet: 0.3,
  url: 0.25,
  styled_letters: 0.2,
  base64: 0.15,
  hex: 0.15,
};
// Obfuscations that change the visible text itself, so an attack found in it was hidden on purpose.
const IN_TEXT = new Set(['tag_chars', 'variation_selectors', 'homoglyph', 'zero_width', 'bidi', 'spaced_letters', 'combining_marks', 'styled_letters']);

function familySignals(text: string, guarded: GuardedContext | undefined): InjectionSignal[] {
  const views = textViews(text);
  const seen = seenCues(views);
  const signals: InjectionSignal[] = [];
  for (const family of FAMILIES) {
    const scored = scoreFamily(family, views, seen);
    if (scored !== undefined) signals.push({ detector: family.detector, score: scored.score, reason: scored.reason });
  }
  if (guarded !== undefined) {
    const signal = contextSignal(views.words, guarded);
    if (signal !== undefined) signals.push(signal);
  }
  return signals;
}

function strongest(signals: readonly InjectionSignal[]): InjectionSignal | undefined {
  let best: InjectionSignal | undefined;
  for (const s of signals) if (best === undefined || s.score > best.score) best = s;
  return best;
}

function encodedSignal(normalized: NormalizedText, direct: readonly InjectionSignal[], guarded: GuardedContext | undefined): InjectionSignal | undefined {
  let score = 0;
  let reason = '';
  // Obfuscation alone: the strongest kind, raised a little by each further kind.
  const weights = normalized.obfuscation.map((k) => OBFUSCATION_WEIGHT[k] ?? 0.2).sort((a, b) => b - a);
  let miss = 1;
  let damp = 1;
  for (const w of weights) {
    miss *= 1 - w * damp;
    damp /= 3;
  }
  if (weights.length > 0) {
    score = 1 - miss;
    reason = `encoded: obfuscation (${normalized.obfuscation.join(', ')})`;
  }
  const hidden = normalized.obfuscation.some((k) => IN_TEXT.has(k));
  const best = strongest(direct);
  if (hidden && best !== undefined && best.score >= 0.5 && score < 0.9) {
    score = Math.max(score, Math.min(0.97, best.score + 0.05));
    reason = `encoded: obfuscated text carries ${best.detector}`;
  }
  for (const payload of normalized.decoded) {
    const inner = strongest(familySignals(payload.text, guarded));
    if (inner === undefined) continue;
    const s = Math.min(0.98, inner.score + 0.05);
    if (s > score) {
      score = s;
      reason = `encoded: ${payload.encoding} payload carries ${inner.detector}`;
    }
  }
  return score > 0 ? { detector: 'injection.encoded', score: Math.min(0.99, score), reason } : undefined;
}

/**
 * Pattern-based evidence of prompt injection in a normalised text: instruction override, persona
 * switch, system-prompt extraction, fake delimiters and roles, obfuscated or encoded payloads, and
 * (given the system prompt) requests for what the system prompt guards. One signal per id that
 * fired, strongest first; reasons never quote the text.
 */
export function heuristicSignals(normalized: NormalizedText, context: HeuristicContext = {}): InjectionSignal[] {
  const guarded = context.systemPrompt === undefined ? undefined : guardedContext(context.systemPrompt);
  const signals = familySignals(normalized.text, guarded);
  const encoded = encodedSignal(normalized, signals, guarded);
  if (encoded !== undefined) signals.push(encoded);
  return signals.sort((a, b) => b.score - a.score);
}
