// Chat-shaped training sentences: hand-written templates (greetings, sign-offs, transcripts,
// signatures) filled with person and organisation names taken from the training data itself.
// The labelled corpora are mostly Wikipedia and tweets; without these the model never sees
// "Best regards,\nAnna Berg" and guesses an organisation.
import { NER_TYPES } from '../../src/scan/ner/ner-labels.js';
import type { Example } from './load-training-data.js';

const PERSON = NER_TYPES.indexOf('PERSON');
const ORG = NER_TYPES.indexOf('ORGANIZATION');
const LOC = NER_TYPES.indexOf('LOCATION');

const FILLERS = [
  'Can you send me the latest version of the report?',
  'Thanks for getting back to me so quickly.',
  'I have attached the invoice for last month.',
  'please let me know if the meeting still works for you',
  'The deployment failed again, could you take a look?',
  'We need the numbers before Friday.',
  'sure, see you tomorrow',
  'I will call you after lunch.',
];

/**
 * `{P}` a person, `{F}` the first word of a person's name, `{O}` an organisation, `{L}` a
 * location, `{S}` a filler sentence.
 */
const TEMPLATES = [
  '{S}\n\nBest regards,\n{P}',
  '{S}\n\nKind regards,\n{P}\n{O}',
  '{S}\nThanks,\n{P}',
  'Cheers,\n{P}',
  'Regards\n\n{P}\nProject manager\n{O}',
  'Dear {P},\n{S}',
  'Dear {F},\n\n{S}',
  'Hi {F}, {S}',
  'Hello {F}! {S}',
  'Thanks {F}!',
  '{P}: {S}\n{P}: {S}',
  '{F}: {S}',
  'I spoke with {P} yesterday. {S}',
  'Please forward this to {P} at {O}.',
  'My name is {P} and I work for {O}.',
  'This is {P} from {O}. {S}',
  "Hi, I'm {F} from {L}. {S}",
  '{P} moved to {L} last year.',
  'Greetings from {L}!',
  '{S} I am flying to {L} on Monday.',
  '{S} Ask {F} if you need anything.',
  'Can you add {P} to the thread?',
];

/** Deterministic chat-like examples; `random` is the caller's seeded generator. */
export function syntheticExamples(source: readonly Example[], count: number, random: () => number): Example[] {
  const persons: string[] = [];
  const orgs: string[] = [];
  const places: string[] = [];
  for (const ex of source) {
    for (const s of ex.spans) {
      const value = ex.text.slice(s.start, s.end);
      if (!/^\p{Lu}[\p{L}'.-]*( \p{Lu}[\p{L}'.-]*){0,2}$/u.test(value)) continue;
      if (s.type === PERSON) persons.push(value);
      else if (s.type === ORG) orgs.push(value);
      else if (s.type === LOC) places.push(value);
    }
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: Example[] = [];
  for (let n = 0; n < count; n++) {
    const template = pick(TEMPLATES);
    let text = '';
    const spans: { start: number; end: number; type: number }[] = [];
    for (const part of template.split(/(\{[PFOLS]\})/)) {
      let value = part;
      let type = -1;
      if (part === '{P}') [value, type] = [pick(persons), PERSON];
      else if (part === '{F}') [value, type] = [(pick(persons).split(' ')[0] as string), PERSON];
      else if (part === '{O}') [value, type] = [pick(orgs), ORG];
      else if (part === '{L}') [value, type] = [pick(places), LOC];
      else if (part === '{S}') value = pick(FILLERS);
      if (type >= 0) spans.push({ start: text.length, end: text.length + value.length, type });
      text += value;
    }
    out.push({ text, spans, source: 'synthetic' });
  }
  return out;
}
