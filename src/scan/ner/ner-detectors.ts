import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import { NER_TYPES } from './ner-labels.js';
import { loadNerModel } from './load-ner-model.js';
import { tagEntities, type NerSpan } from './tag-entities.js';

// Both detectors read one tagging of the text; the scanner calls them one after the other
// with the same string, so remembering the last result halves the work.
let lastText: string | undefined;
let lastSpans: NerSpan[] = [];

function spansOf(text: string): NerSpan[] {
  if (text !== lastText) {
    lastSpans = text.length === 0 ? [] : tagEntities(text, loadNerModel());
    lastText = text;
  }
  return lastSpans;
}

function findings(text: string, types: ReadonlySet<number>, detector: string): Finding[] {
  const out: Finding[] = [];
  for (const s of spansOf(text)) {
    if (!types.has(s.type)) continue;
    out.push({
      type: NER_TYPES[s.type] as string,
      start: s.start,
      end: s.end,
      score: Math.round(s.score * 1000) / 1000,
      detector,
      reason: 'ner model (averaged perceptron)',
    });
  }
  return out;
}

const NAME_TYPES: ReadonlySet<number> = new Set([0, 1, 2]);
const ADDRESS_TYPES: ReadonlySet<number> = new Set([3]);

/** Person, location and organisation names, found by the bundled NER model. */
export const nerDetector: Detector = {
  id: 'pii.ner',
  entities: ['PERSON', 'LOCATION', 'ORGANIZATION'],
  detect: (text) => findings(text, NAME_TYPES, 'pii.ner'),
};

/** Street addresses, found by the same model. */
export const streetAddressDetector: Detector = {
  id: 'pii.street_address',
  entities: ['STREET_ADDRESS'],
  detect: (text) => findings(text, ADDRESS_TYPES, 'pii.street_address'),
};

/** Names, locations, organisations and street addresses. */
export const nerDetectors: readonly Detector[] = [nerDetector, streetAddressDetector];
