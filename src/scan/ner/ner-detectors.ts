import type { Finding } from '../../core/finding.js';
import type { Detector, DetectorContext } from '../detector.js';
import { perScan } from '../per-scan.js';
import { NER_TYPES } from './ner-labels.js';
import { loadNerModel } from './load-ner-model.js';
import { tagEntities, type NerSpan } from './tag-entities.js';

// Both detectors read one tagging of the text, computed once per scan.
function spansOf(text: string, ctx: DetectorContext): NerSpan[] {
  return perScan(ctx, 'pii.ner.spans', () => (text.length === 0 ? [] : tagEntities(text, loadNerModel())));
}

function findings(text: string, ctx: DetectorContext, types: ReadonlySet<number>, detector: string): Finding[] {
  const out: Finding[] = [];
  for (const s of spansOf(text, ctx)) {
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
  detect: (text, ctx) => findings(text, ctx, NAME_TYPES, 'pii.ner'),
};

/** Street addresses, found by the same model. */
export const streetAddressDetector: Detector = {
  id: 'pii.street_address',
  entities: ['STREET_ADDRESS'],
  detect: (text, ctx) => findings(text, ctx, ADDRESS_TYPES, 'pii.street_address'),
};

/** Names, locations, organisations and street addresses. */
export const nerDetectors: readonly Detector[] = [nerDetector, streetAddressDetector];
