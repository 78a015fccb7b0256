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
  ERR_CONFIG_INVALID: 'The configuration (file or environment) is malformed or has an invalid value.',
  ERR_REQUEST_INVALID_JSON: 'The request body is not valid JSON.',
  ERR_REQUEST_INVALID_BODY: 'The request body is JSON but not a valid request for this route.',
  ERR_REQUEST_TOO_LARGE: 'The request body is larger than the configured limit.',
  ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE: 'The request body has a content type the route does not accept.',
  ERR_REQUEST_NOT_FOUND: 'No route matches the method and path.',
  ERR_UPSTREAM_UNREACHABLE: 'The upstream provider could not be reached (connection refused, reset, DNS).',
  ERR_UPSTREAM_TIMEOUT: 'The upstream provider did not answer (or went silent) within the configured timeout.',
  ERR_UPSTREAM_BAD_RESPONSE: 'The upstream provider answered with a server error, a redirect, or a malformed or oversized body.',
  ERR_UPSTREAM_REJECTED: 'The upstream provider refused the request as invalid (its 4xx status is passed on).',
  ERR_UPSTREAM_RATE_LIMITED: 'The upstream provider is rate-limiting the gateway.',
  ERR_UPSTREAM_STREAM_FAILED: 'The upstream stream broke off or sent a malformed event after the answer had started.',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;
