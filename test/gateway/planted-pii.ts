/** Personal data planted in prompts: tests assert it never reaches an upstream and comes back restored. */
export const PLANTED = {
  email: 'maria.keller@example.com',
  phone: '+1 415 555 0132',
  name: 'Maria Keller',
  card: '4111 1111 1111 1111',
} as const;

/** A prompt carrying every {@link PLANTED} value. */
export const PLANTED_PROMPT = `Hi, I'm ${PLANTED.name}. Write to ${PLANTED.email}, call ${PLANTED.phone}, card ${PLANTED.card}.`;
