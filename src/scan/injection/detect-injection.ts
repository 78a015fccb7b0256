import { classifyDocument } from './document-classifier.js';
import { documentInstruction, documentInstructionSignal } from './document-instruction.js';
import { classifyInjection, type ClassifierResult } from './injection-classifier.js';
import { DENSE_FEATURES } from './injection-model.js';
import type { InjectionOptions, InjectionSignal, InjectionVerdict } from './injection-verdict.js';
import { heuristicSignals } from './heuristic-signals.js';
import { normalizeForInjection } from './normalize-for-injection.js';

/** The default threshold: the calibrated operating point (~1% false positives on benign prompts). */
export const INJECTION_THRESHOLD = 0.5;

/**
 * The threshold for untrusted content (`untrusted: true`): the document model is calibrated so
 * that this score flags ~1% of benign documents, tweets and customer messages. The same value is
 * the gateway's default `untrustedThreshold`.
 */
export const UNTRUSTED_INJECTION_THRESHOLD = 0.35;

const LEARNED: ReadonlySet<string> = new Set(DENSE_FEATURES);

/**
 * Scores `text` for prompt injection. The text is normalised (invisible characters, homoglyphs,
 * encodings undone); the heuristics run on it, with the system prompt as context when given; the
 * classifier scores the best window of the text and of each decoded payload, with the heuristic
 * scores among its features, so it has learned how far to trust each. Signals it has no weight
 * for (the system-prompt context: the training data has no system prompts) join by noisy-OR.
 * Compare `score` with a policy threshold ({@link INJECTION_THRESHOLD} by default).
 *
 * With `untrusted: true` (tool results, retrieved documents) the document-instruction evidence
 * (`injection.document_instruction`: an instruction addressed to the reading model) joins the
 * features and the document model scores the text instead; compare with
 * {@link UNTRUSTED_INJECTION_THRESHOLD}. One classifier runs either way; the document evidence is
 * a few gated regular expressions (~15% more per kilobyte).
 */
export function detectInjection(text: string, options: InjectionOptions = {}): InjectionVerdict {
  const normalized = normalizeForInjection(text);
  if (normalized.text === '' && normalized.decoded.length === 0) return { score: 0, signals: [] };
  const context = options.systemPrompt === undefined ? {} : { systemPrompt: options.systemPrompt };
  const heuristics = heuristicSignals(normalized, context);
  const signals: InjectionSignal[] = [];
  let classifier: ClassifierResult;
  if (options.untrusted === true) {
    const evidence = documentInstruction(normalized);
    classifier = classifyDocument(normalized, heuristics, evidence);
    const signal = documentInstructionSignal(evidence);
    if (signal !== undefined) signals.push(signal);
  } else {
    classifier = classifyInjection(normalized, heuristics);
  }
  let benign = 1 - classifier.probability;
  for (const s of heuristics) if (!LEARNED.has(s.detector)) benign *= 1 - s.score;
  const where = classifier.source === 'text' ? 'best window of the text' : `best window of a decoded ${classifier.source} payload`;
  signals.push(
    {
      detector: 'injection.classifier',
      score: round(classifier.probability),
      reason: options.untrusted === true ? `classifier (untrusted content): ${where}` : `classifier: ${where}`,
    },
    ...heuristics,
  );
  signals.sort((a, b) => b.score - a.score);
  return { score: round(1 - benign), signals };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;
}
