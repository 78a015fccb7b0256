import { describe, expect, it } from 'vitest';
import { BulwarkError } from '../core/bulwark-error.js';
import { ERROR_CODES, type ErrorCode } from '../core/error-codes.js';
import { EXIT, EXIT_CODES_HELP, exitCodeFor } from './exit-codes.js';
import { reportError } from './report-error.js';

describe('exitCodeFor', () => {
  it.each([
    ['ERR_INPUT_NOT_FOUND', EXIT.INPUT],
    ['ERR_INPUT_BINARY', EXIT.INPUT],
    ['ERR_INPUT_NOT_UTF8', EXIT.INPUT],
    ['ERR_INPUT_TOO_LARGE', EXIT.INPUT],
    ['ERR_SCAN_UNKNOWN_ENTITY', EXIT.USAGE],
    ['ERR_SCAN_INVALID_OPTION', EXIT.USAGE],
    ['ERR_POLICY_INVALID', EXIT.USAGE],
    ['ERR_ANONYMIZE_UNKNOWN_OPERATOR', EXIT.USAGE],
    ['ERR_CRYPTO_INVALID_KEY', EXIT.USAGE],
    ['ERR_CLI_USAGE', EXIT.USAGE],
    ['ERR_CONFIG_INVALID', EXIT.USAGE],
    ['ERR_CLI_KEY_MISSING', EXIT.USAGE],
    ['ERR_CRYPTO_DECRYPT_FAILED', EXIT.INTERNAL],
    ['ERR_INTERNAL', EXIT.INTERNAL],
  ] as const)('%s -> %i', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });

  it('maps every catalogue code to a documented exit code', () => {
    const documented = [...EXIT_CODES_HELP.matchAll(/^\s+(\d+)\s/gm)].map((m) => Number(m[1]));
    expect(documented.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      expect(documented).toContain(exitCodeFor(code));
    }
  });
});

describe('reportError', () => {
  const capture = () => {
    let out = '';
    return { stream: { write: (s: string) => (out += s) }, text: () => out };
  };

  it('prints message and code on one line for a BulwarkError', () => {
    const err = capture();
    expect(reportError(new BulwarkError('ERR_INPUT_BINARY', 'binary\ninput'), err.stream)).toBe(EXIT.INPUT);
    expect(err.text()).toBe('bulwark: binary input (ERR_INPUT_BINARY)\n');
  });

  it('prints an unexpected error as ERR_INTERNAL with exit 70 and no stack', () => {
    const err = capture();
    expect(reportError(new TypeError('x is not a function'), err.stream)).toBe(EXIT.INTERNAL);
    expect(err.text()).toBe('bulwark: internal error: x is not a function (ERR_INTERNAL)\n');
    expect(err.text()).not.toContain('    at ');
  });

  it('copes with thrown non-errors', () => {
    const err = capture();
    expect(reportError('boom', err.stream)).toBe(EXIT.INTERNAL);
    expect(err.text()).toContain('(ERR_INTERNAL)');
  });
});
