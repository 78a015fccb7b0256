import type { Command } from 'commander';
import { BulwarkError } from '../core/bulwark-error.js';
import type { ScanOptions } from '../scan/index.js';
import { DEFAULT_MAX_BYTES, parseByteSize } from './read-input.js';

/** The raw values of the flags every scanning command shares. */
export interface ScanFlags {
  readonly entities?: string;
  readonly threshold?: string;
  readonly region?: string;
  readonly allow?: string[];
  readonly maxBytes?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds `--entities`, `--threshold`, `--region`, `--allow` and `--max-bytes` to `command`. */
export function addScanFlags(command: Command): Command {
  return command
    .option('--entities <types>', 'only these entity types, comma-separated (e.g. EMAIL_ADDRESS,PERSON)')
    .option('--threshold <score>', 'minimum score of a finding, 0..1 (default 0.5)')
    .option('--region <codes>', 'region hints for phone numbers, comma-separated ISO codes (default US)')
    .option('--allow <value>', 'a value never to report (repeatable; case-insensitive, whole match)', collect)
    .option('--max-bytes <size>', 'refuse inputs larger than this (e.g. 1048576, 512K, 10M)', '10M');
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Checks the shared flags and turns them into scan options. */
export function scanOptionsFromFlags(flags: ScanFlags): ScanOptions {
  const options: { -readonly [K in keyof ScanOptions]: ScanOptions[K] } = {};
  if (flags.entities !== undefined) {
    const entities = list(flags.entities);
    if (entities.length === 0) throw new BulwarkError('ERR_SCAN_UNKNOWN_ENTITY', '--entities names no entity type');
    options.entities = entities;
  }
  if (flags.threshold !== undefined) {
    const threshold = Number(flags.threshold);
    if (flags.threshold.trim() === '' || !(threshold >= 0 && threshold <= 1)) {
      throw new BulwarkError('ERR_SCAN_INVALID_OPTION', `--threshold must be a number between 0 and 1, got "${flags.threshold}"`);
    }
    options.threshold = threshold;
  }
  if (flags.region !== undefined) options.regions = list(flags.region);
  if (flags.allow !== undefined) options.allow = flags.allow;
  return options;
}

/** The input size limit from `--max-bytes`. */
export function maxBytesFromFlags(flags: ScanFlags): number {
  return flags.maxBytes === undefined ? DEFAULT_MAX_BYTES : parseByteSize(flags.maxBytes);
}
