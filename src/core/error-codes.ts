/**
 * The catalogue of stable error codes. Add a code here before throwing it; docs and tests read
 * this list, so a code never changes meaning once published.
 */
export const ERROR_CODES = {
  ERR_SCAN_UNKNOWN_ENTITY: 'An entity type that no detector knows was requested.',
  ERR_SCAN_INVALID_OPTION: 'A scan option has an invalid value.',
  ERR_SCAN_MODEL_INVALID: 'A bundled detection model is missing, truncated or of an unknown format.',
  ERR_ANONYMIZE_UNKNOWN_OPERATOR: 'An operator name that does not exist was requested.',
  ERR_ANONYMIZE_INVALID_OPTION: 'An operator option has an invalid value.',
  ERR_ANONYMIZE_INVALID_PATH: 'A segment path does not point into the document.',
  ERR_ANONYMIZE_VAULT_FULL: 'A vault has issued the largest placeholder number for a label.',
  ERR_CRYPTO_INVALID_KEY: 'A key has the wrong length or form.',
  ERR_CRYPTO_DECRYPT_FAILED: 'A ciphertext could not be decrypted (wrong key, tampered, or malformed).',
  ERR_INPUT_NOT_UTF8: 'The input is not valid UTF-8 text.',
  ERR_INPUT_BINARY: 'The input looks like binary data, not text.',
  ERR_INPUT_TOO_LARGE: 'The input is larger than the configured limit.',
  ERR_INPUT_NOT_FOUND: 'The input file does not exist or cannot be read.',
  ERR_CLI_USAGE: 'The command line is malformed: unknown command or option, or a missing or bad value.',
  ERR_CLI_KEY_MISSING: 'An operator needs a key and none was given (key file or environment variable).',
  ERR_INTERNAL: 'An unexpected internal error; the message says what failed, details are not exposed.',
  ERR_POLICY_INVALID: 'A redaction policy file is malformed or names unknown entities or operators.',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;
