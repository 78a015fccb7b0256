import { base64ToBytes } from '../ner/ner-model.js';
import { INJECTION_MODEL_BASE64 } from './injection-model-data.js';
import { decodeInjectionModel, type InjectionModel } from './injection-model.js';

let model: InjectionModel | undefined;

/** The bundled injection classifier, decoded on first use (a few milliseconds) and kept. */
export function loadInjectionModel(): InjectionModel {
  model ??= decodeInjectionModel(base64ToBytes(INJECTION_MODEL_BASE64));
  return model;
}
