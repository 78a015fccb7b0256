import type { ErrorCode } from '../core/error-codes.js';

/**
 * Process exit codes of `bulwark`. Stable: scripts and CI jobs branch on them (docs/cli.md).
 * 70 is EX_SOFTWARE from BSD sysexits.
 */
export const EXIT = {
  /** Success; for `scan`: nothing found. */
  OK: 0,
  /** `scan` found something (suppress with `--exit-zero`). */
  FINDINGS: 1,
  /** Bad command line, entity type, operator, key or policy. */
  USAGE: 2,
  /** The input is missing, binary, not UTF-8, or too large. */
  INPUT: 3,
  /** An unexpected internal error. */
  INTERNAL: 70,
} as const;

const INPUT_CODES: ReadonlySet<ErrorCode> = new Set([
  'ERR_INPUT_NOT_UTF8',
  'ERR_INPUT_BINARY',
  'ERR_INPUT_TOO_LARGE',
  'ERR_INPUT_NOT_FOUND',
]);

const USAGE_PREFIXES = ['ERR_SCAN_', 'ERR_ANONYMIZE_', 'ERR_POLICY_', 'ERR_CLI_', 'ERR_CONFIG_', 'ERR_CRYPTO_INVALID_KEY', 'ERR_KEYS_'];

/** The exit code for an error with catalogue code `code`. */
export function exitCodeFor(code: ErrorCode): number {
  if (INPUT_CODES.has(code)) return EXIT.INPUT;
  if (code === 'ERR_SCAN_MODEL_INVALID') return EXIT.INTERNAL;
  if (USAGE_PREFIXES.some((p) => code.startsWith(p))) return EXIT.USAGE;
  return EXIT.INTERNAL;
}

/** The exit-code table as `bulwark --help` prints it. */
export const EXIT_CODES_HELP = `Exit codes:
  0   success (scan: nothing found)
  1   scan found something (use --exit-zero to exit 0 anyway)
  2   usage error: bad flag or value, unknown entity type or operator, bad policy or key
  3   input error: file missing, binary, not UTF-8, or larger than --max-bytes
  70  unexpected internal error (message only, no stack trace)`;
