import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { requireInput } from './require-input.js';

const io = (isTTY: boolean): CliIo => ({
  stdin: Object.assign(Readable.from([]), { isTTY }),
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: {},
});

describe('requireInput', () => {
  it('refuses to wait on a terminal when no file is given', () => {
    expect(() => requireInput(undefined, io(true))).toThrow(expect.objectContaining({ code: 'ERR_CLI_USAGE' }));
  });

  it.each([
    ['a file on a terminal', 'notes.txt', true],
    ['an explicit "-" on a terminal', '-', true],
    ['a pipe', undefined, false],
  ])('accepts %s', (_name, file, tty) => {
    expect(() => requireInput(file, io(tty))).not.toThrow();
  });
});
