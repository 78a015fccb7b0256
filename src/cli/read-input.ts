import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { BulwarkError } from '../core/bulwark-error.js';

/** Default input limit: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads the input text of a command: the file `source`, or stdin when `source` is undefined or
 * `-`. Bytes are checked before anything is scanned: size (`ERR_INPUT_TOO_LARGE`, checked on the
 * file size before reading and again while reading, since a pipe or special file has no size),
 * NUL bytes (`ERR_INPUT_BINARY`) and UTF-8 validity (`ERR_INPUT_NOT_UTF8`).
 */
export async function readInput(
  source: string | undefined,
  stdin: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<string> {
  if (source === undefined || source === '-') return decodeText(await readLimited(stdin, maxBytes, 'stdin'));
  let size: number;
  try {
    const info = await stat(source);
    if (!info.isFile() && !info.isFIFO() && !info.isCharacterDevice()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new BulwarkError('ERR_INPUT_NOT_FOUND', `cannot read input file "${source}"`);
  }
  if (size > maxBytes) throw tooLarge(maxBytes);
  return decodeText(await readLimited(createReadStream(source), maxBytes, source));
}

async function readLimited(stream: NodeJS.ReadableStream, maxBytes: number, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
      total += bytes.length;
      if (total > maxBytes) {
        (stream as { destroy?: () => void }).destroy?.();
        throw tooLarge(maxBytes);
      }
      chunks.push(bytes);
    }
  } catch (err) {
    if (err instanceof BulwarkError) throw err;
    throw new BulwarkError('ERR_INPUT_NOT_FOUND', `cannot read input "${name}"`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function tooLarge(maxBytes: number): BulwarkError {
  return new BulwarkError('ERR_INPUT_TOO_LARGE', `input is larger than ${maxBytes} bytes (raise it with --max-bytes)`);
}

/**
 * Decodes `bytes` as strict UTF-8 (a leading BOM is dropped). NUL bytes mean binary data: real
 * text never contains them, while most binary formats (and UTF-16 text) do.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new BulwarkError('ERR_INPUT_BINARY', 'input contains NUL bytes: binary data is not scanned');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BulwarkError('ERR_INPUT_NOT_UTF8', 'input is not valid UTF-8 text');
  }
}

/** Parses `--max-bytes`: a positive integer with an optional K, M or G suffix (powers of 1024). */
export function parseByteSize(raw: string): number {
  const m = /^\s*(\d+)\s*([kmg]i?b?)?\s*$/i.exec(raw);
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;
  const n = m ? Number(m[1]) * (m[2] ? scale[m[2][0]!.toLowerCase() as keyof typeof scale] : 1) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new BulwarkError('ERR_CLI_USAGE', `--max-bytes must be a positive size such as 1048576 or 10M, got "${raw}"`);
  }
  return n;
}
