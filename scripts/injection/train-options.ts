// The hyperparameters of both injection models, shared by the trainer and the cross-validation
// tools so an experiment runs exactly what training runs. INJ_* variables override them
// (INJ_DOC_* for the document model).
import { DEFAULT_WINDOW, type WindowShape } from '../../src/scan/injection/injection-features.js';
import type { TrainOptions } from './train-model.js';

/**
 * User prompts pool over long windows with a strong prior: chosen by 5-fold cross-validation
 * (deepset's training attacks 0.775 -> 0.815 out-of-fold TPR at 1% FPR against 100 / 480).
 */
export const DIRECT_WINDOW: WindowShape = { prior: 160, maxChars: 720 };
/** Documents keep short windows: the instruction is one inserted line among many benign ones. */
export const DOCUMENT_WINDOW: WindowShape = DEFAULT_WINDOW;

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** Options of the direct (user prompt) model. */
export function directOptions(): TrainOptions {
  return {
    bits: num('INJ_BITS', 18),
    epochs: num('INJ_EPOCHS', 12),
    lr: num('INJ_LR', 0.2),
    l2: num('INJ_L2', 1e-5),
    window: { prior: num('INJ_WINDOW_PRIOR', DIRECT_WINDOW.prior), maxChars: num('INJ_WINDOW_CHARS', DIRECT_WINDOW.maxChars) },
  };
}

/** Options of the document model: fewer buckets (its data is smaller), its own window shape. */
export function documentOptions(): TrainOptions {
  return {
    bits: num('INJ_DOC_BITS', 17),
    epochs: num('INJ_DOC_EPOCHS', 12),
    lr: num('INJ_DOC_LR', 0.2),
    l2: num('INJ_DOC_L2', 1e-5),
    window: { prior: num('INJ_DOC_WINDOW_PRIOR', DOCUMENT_WINDOW.prior), maxChars: num('INJ_DOC_WINDOW_CHARS', DOCUMENT_WINDOW.maxChars) },
  };
}
