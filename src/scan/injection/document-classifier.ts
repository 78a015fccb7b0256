import type { DocumentInstruction } from './document-instruction.js';
import { denseFeatures, scoreNormalized, type ClassifierResult } from './injection-classifier.js';
import { DENSE_FEATURES, type InjectionModel } from './injection-model.js';
import type { InjectionSignal } from './injection-verdict.js';
import { loadDocumentModel } from './load-injection-model.js';
import type { NormalizedText } from './normalize-for-injection.js';

/**
 * The dense features of the document model (`DOCUMENT_DENSE_FEATURES`): the direct model's
 * (heuristic signal scores, obfuscation), then the four kinds of document-instruction evidence.
 */
export function documentDenseFeatures(normalized: NormalizedText, signals: readonly InjectionSignal[], evidence: DocumentInstruction): Float64Array {
  const x = new Float64Array(DENSE_FEATURES.length + 4);
  x.set(denseFeatures(normalized, signals));
  const k = DENSE_FEATURES.length;
  x[k] = evidence.addressed;
  x[k + 1] = evidence.answer;
  x[k + 2] = evidence.role;
  x[k + 3] = evidence.task;
  return x;
}

/**
 * Scores untrusted content (a tool result, a retrieved document) for indirect injection with the
 * document model: trained on documents with and without an inserted instruction, where a request
 * to the model is itself the attack (a user's own prompt is scored by `classifyInjection`).
 */
export function classifyDocument(
  normalized: NormalizedText,
  signals: readonly InjectionSignal[],
  evidence: DocumentInstruction,
  model: InjectionModel = loadDocumentModel(),
): ClassifierResult {
  return scoreNormalized(normalized, documentDenseFeatures(normalized, signals, evidence), model);
}
