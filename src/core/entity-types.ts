/**
 * The entity types Bulwark's built-in detectors emit. Names follow Presidio's where Presidio
 * has one, so policies and evaluation mappings carry over. Custom detectors may emit others.
 */
export const ENTITY_TYPES = [
  'PERSON',
  'LOCATION',
  'ORGANIZATION',
  'STREET_ADDRESS',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN_CODE',
  'US_SSN',
  'IP_ADDRESS',
  'URL',
  'MAC_ADDRESS',
  'DATE_OF_BIRTH',
  'US_PASSPORT',
  'US_DRIVER_LICENSE',
  'CRYPTO_WALLET',
  'UK_NINO',
  'UK_NHS',
  'DE_TAX_ID',
  'FR_INSEE',
  'ES_NIF',
  'ES_NIE',
  'IN_AADHAAR',
  'CA_SIN',
  'SECRET',
] as const;

/** One of the built-in entity types. */
export type EntityType = (typeof ENTITY_TYPES)[number];

const known: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** True when `name` is one of the built-in entity types. */
export function isEntityType(name: string): name is EntityType {
  return known.has(name);
}
