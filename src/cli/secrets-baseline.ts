import { BulwarkError } from '../core/bulwark-error.js';
import { readInput } from './read-input.js';

/** Baselines are reports, not inputs to scan; still, a runaway file is refused. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * The fingerprints of a saved `bulwark secrets scan --format json` report: findings with these
 * fingerprints are known (accepted or being rotated) and are not reported again. A missing file
 * is `ERR_INPUT_NOT_FOUND`; anything but an array of objects with a SHA-256 hex `fingerprint`
 * (or `{findings: [...]}` around one) is `ERR_CLI_BASELINE_INVALID`.
 */
export async function loadBaseline(file: string, stdin: NodeJS.ReadableStream): Promise<ReadonlySet<string>> {
  const text = await readInput(file, stdin, MAX_BASELINE_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(file, 'it is not JSON');
  }
  return parseBaseline(parsed, file);
}

/** The fingerprint set of an already parsed baseline report (see {@link loadBaseline}). */
export function parseBaseline(parsed: unknown, file: string): ReadonlySet<string> {
  const list = isRecord(parsed) && Object.hasOwn(parsed, 'findings') ? parsed['findings'] : parsed;
  if (!Array.isArray(list)) throw invalid(file, 'it is not an array of findings');
  const fingerprints = new Set<string>();
  for (const entry of list) {
    const fp = isRecord(entry) && Object.hasOwn(entry, 'fingerprint') ? entry['fingerprint'] : undefined;
    if (typeof fp !== 'string' || !FINGERPRINT.test(fp)) throw invalid(file, 'an entry has no SHA-256 fingerprint');
    fingerprints.add(fp);
  }
  return fingerprints;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(file: string, why: string): BulwarkError {
  return new BulwarkError('ERR_CLI_BASELINE_INVALID', `--baseline "${file}" is not a bulwark secrets report: ${why}`);
}
