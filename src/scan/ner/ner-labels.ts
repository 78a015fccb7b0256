/**
 * The tag set of the NER model (BIO over four entity types). Their order is part of the model
 * format: the weights hold one column per label, in this order.
 */
export const NER_LABELS = [
  'O',
  'B-PERSON',
  'I-PERSON',
  'B-LOCATION',
  'I-LOCATION',
  'B-ORGANIZATION',
  'I-ORGANIZATION',
  'B-STREET_ADDRESS',
  'I-STREET_ADDRESS',
] as const;

/** Number of labels (columns of the weight matrix). */
export const LABEL_COUNT = NER_LABELS.length;

/** The entity types the model tags, indexed by `(label - 1) >> 1`. */
export const NER_TYPES = ['PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS'] as const;

/** Label id of `B-<type>` for the type's index in {@link NER_TYPES}. */
export function beginLabel(typeIndex: number): number {
  return 1 + 2 * typeIndex;
}

/** True when `label` may follow `prev` (an `I-X` only continues a `B-X` or `I-X`). */
export function allowedAfter(prev: number, label: number): boolean {
  if (label === 0 || (label & 1) === 1) return true;
  return prev === label || prev === label - 1;
}
