import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from '../anonymize/index.js';

const NAME_LIMIT = 64;

/**
 * Makes an anonymized `name` field acceptable to OpenAI, which requires `^[a-zA-Z0-9_-]{1,64}$`:
 * placeholders lose their brackets (`⟦PERSON_1⟧` → `PERSON_1`, still unique within the
 * conversation), and whatever else an operator produced (`<PERSON>`, a mask's `*`) becomes `_`.
 * Names are not restored in answers (answers carry no names); a model that writes the bracketed
 * placeholder in its text gets it restored there as usual.
 */
export function toNameField(text: string): string {
  const plain = text.split(PLACEHOLDER_OPEN).join('').split(PLACEHOLDER_CLOSE).join('');
  const safe = plain.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, NAME_LIMIT);
  return safe === '' || /^_+$/.test(safe) ? 'user' : safe;
}
