import type { EntityType } from '../src/core/entity-types.js';

/**
 * Dataset label -> Bulwark entity type. A label missing here has no counterpart among our types
 * and is "not evaluated": its gold spans are counted and reported, never scored. Keep this table
 * and the one in eval/README.md in sync.
 */
export const LABEL_MAP: Readonly<Record<string, EntityType>> = {
  // people
  PERSON: 'PERSON',
  PER: 'PERSON',
  person: 'PERSON',
  // places
  LOCATION: 'LOCATION',
  GPE: 'LOCATION',
  LOC: 'LOCATION',
  location: 'LOCATION',
  // organisations (WNUT-17 "group": teams, bands, non-profits; WikiANN labels these ORG too)
  ORGANIZATION: 'ORGANIZATION',
  ORG: 'ORGANIZATION',
  corporation: 'ORGANIZATION',
  group: 'ORGANIZATION',
  // addresses
  STREET_ADDRESS: 'STREET_ADDRESS',
  ADDRESS: 'STREET_ADDRESS',
  // structured
  EMAIL_ADDRESS: 'EMAIL_ADDRESS',
  PHONE_NUMBER: 'PHONE_NUMBER',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN_CODE: 'IBAN_CODE',
  IBAN: 'IBAN_CODE',
  US_SSN: 'US_SSN',
  IP_ADDRESS: 'IP_ADDRESS',
  URL: 'URL',
  DOMAIN_NAME: 'URL',
  BIRTHDAY: 'DATE_OF_BIRTH',
  US_DRIVER_LICENSE: 'US_DRIVER_LICENSE',
};

/** Our entity type for a dataset label, or `undefined` when the label is not evaluated. */
export function mapLabel(label: string): EntityType | undefined {
  return Object.hasOwn(LABEL_MAP, label) ? LABEL_MAP[label] : undefined;
}
