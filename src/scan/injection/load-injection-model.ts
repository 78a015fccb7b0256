import { base64ToBytes } from '../base64.js';
import { INJECTION_DOCUMENT_MODEL_BASE64 } from './injection-document-model-data.js';
import { INJECTION_MODEL_BASE64 } from './injection-model-data.js';
import { decodeInjectionModel, DOCUMENT_DENSE_FEATURES, type InjectionModel } from './injection-model.js';

let model: InjectionModel | undefined;
let documentModel: InjectionModel | undefined;

/** The bundled injection classifier, decoded on first use (a few milliseconds) and kept. */
export function loadInjectionModel(): InjectionModel {
  model ??= decodeInjectionModel(base64ToBytes(INJECTION_MODEL_BASE64));
  return model;
}

/** The bundled classifier of untrusted content (documents, tool results), decoded on first use. */
export function loadDocumentModel(): InjectionModel {
  documentModel ??= decodeInjectionModel(base64ToBytes(INJECTION_DOCUMENT_MODEL_BASE64), DOCUMENT_DENSE_FEATURES);
  return documentModel;
}
