import type { InjectionOptions, InjectionVerdict } from './injection-verdict.js';

/** SKELETON: scores `text` for prompt injection. Being replaced by normalisation + heuristics + classifier. */
export function detectInjection(text: string, options: InjectionOptions = {}): InjectionVerdict {
  void text;
  void options;
  return { score: 0, signals: [] };
}
