import { NER_MODEL_BASE64 } from './ner-model-data.js';
import { base64ToBytes } from '../base64.js';
import { decodeNerModel, type NerModel } from './ner-model.js';

let model: NerModel | undefined;

/** The bundled NER model, decoded on first use (a few milliseconds) and kept. */
export function loadNerModel(): NerModel {
  model ??= decodeNerModel(base64ToBytes(NER_MODEL_BASE64));
  return model;
}
