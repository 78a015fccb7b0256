import { classifyInjection } from './injection-classifier.js';
import { DENSE_FEATURES } from './injection-model.js';
import type { InjectionOptions, InjectionSignal, InjectionVerdict } from './injection-verdict.js';
import { heuristicSignals } from './heuristic-signals.js';
import { normalizeForInjection } from './normalize-for-injection.js';

/** The default threshold: the calibrated operating point (~1% false positives on benign prompts). */
export const INJECTION_THRESHOLD = 0.5;

const LEARNED: ReadonlySet<string> = new Set(DENSE_FEATURES);

/**
 * Scores `text` for prompt injection. The text is normalised (invisible characters, homoglyphs,
 * encodings undone); the heuristics run on it, with the system prompt as context when given; the
 * classifier scores the best window of the text and of each decoded payload, with the heuristic
 * scores among its features, so it has learned how far to trust each. Signals it has no weight
 * for (the system-prompt context: the training data has no system prompts) join by noisy-OR.
 * Compare `score` with a policy threshold ({@link INJECTION_THRESHOLD} by default).
 */
export function detectInjection(text: string, options: InjectionOptions = {}): InjectionVerdict {
  const normalized = normalizeForInjection(text);
  if (normalized.text === '' && normalized.decoded.length === 0) return { score: 0, signals: [] };
  const context = options.systemPrompt === undefined ? {} : { systemPrompt: options.systemPrompt };
  const heuristics = heuristicSignals(normalized, context);
  const classifier = classifyInjection(normalized, heuristics);
  let benign = 1 - classifier.probability;
  for (const s of heuristics) if (!LEARNED.has(s.detector)) benign *= 1 - s.score;
  const signals: InjectionSignal[] = [
    {
      detector: 'injection.classifier',
      score: round(classifier.probability),
      reason: classifier.source === 'text' ? 'classifier: best window of the text' : `classifier: best window of a decoded ${classifier.source} payload`,
    },
    ...heuristics,
  ];
  signals.sort((a, b) => b.score - a.score);
  return { score: round(1 - benign), signals };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;
}
