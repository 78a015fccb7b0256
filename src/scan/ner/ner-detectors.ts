import type { Finding } from '../../core/finding.js';
import type { Detector } from '../detector.js';
import { NER_TYPES } from './ner-labels.js';
import { loadNerModel } from './load-ner-model.js';
import { tagEntities, type NerSpan } from './tag-entities.js';

// Both detectors read one tagging of the text: the scanner calls them one after the other with
// the same string, so the second reuses what the first computed. The hand-over happens once
// (the result is kept for the *other* detector only), so repeated scans of one text, as in a
// benchmark, do the full work each time.
let shared: { text: string; spans: NerSpan[]; for: string } | undefined;

function spansOf(text: string, detector: string, other: string): NerSpan[] {
  if (shared !== undefined && shared.for === detector && shared.text === text) {
    const { spans } = shared;
    shared = undefined;
    return spans;
  }
  const spans = text.length === 0 ? [] : tagEntities(text, loadNerModel());
  shared = { text, spans, for: other };
  return spans;
}

function findings(text: string, types: ReadonlySet<number>, detector: string, other: string): Finding[] {
  const out: Finding[] = [];
  for (const s of spansOf(text, detector, other)) {
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
  detect: (text) => findings(text, NAME_TYPES, 'pii.ner', 'pii.street_address'),
};

/** Street addresses, found by the same model. */
export const streetAddressDetector: Detector = {
  id: 'pii.street_address',
  entities: ['STREET_ADDRESS'],
  detect: (text) => findings(text, ADDRESS_TYPES, 'pii.street_address', 'pii.ner'),
};

/** Names, locations, organisations and street addresses. */
export const nerDetectors: readonly Detector[] = [nerDetector, streetAddressDetector];
