import { BulwarkError } from '../core/bulwark-error.js';
import { OPERATOR_TYPES, type OperatorConfig, type OperatorType } from '../anonymize/index.js';

/**
 * An operator as a flag or a policy file states it: an {@link OperatorConfig} without the key,
 * which never lives in a policy or on the command line; `withKey` adds it.
 */
export interface OperatorSpec {
  readonly type: OperatorType;
  readonly value?: string;
  readonly char?: string;
  readonly keepLast?: number;
  readonly keepFirst?: number;
  readonly length?: number;
}

/** `*` targets the default operator; anything else is an entity type. */
export const DEFAULT_TARGET = '*';

/** True when the spec needs a key (hash, encrypt). */
export function needsKey(spec: OperatorSpec): boolean {
  return spec.type === 'hash' || spec.type === 'encrypt';
}

/** The full operator config of `spec`, with `key` for hash/encrypt. */
export function withKey(spec: OperatorSpec, key: Uint8Array | undefined): OperatorConfig {
  if (!needsKey(spec)) return spec as OperatorConfig;
  if (key === undefined) {
    throw new BulwarkError('ERR_CLI_KEY_MISSING', `the ${spec.type} operator needs a key: --key-file or BULWARK_ANONYMIZE_KEY`);
  }
  return spec.type === 'hash'
    ? { type: 'hash', key, ...(spec.length === undefined ? {} : { length: spec.length }) }
    : { type: 'encrypt', key };
}

function isOperatorType(name: string): name is OperatorType {
  return (OPERATOR_TYPES as readonly string[]).includes(name);
}

function integer(raw: string, what: string): number {
  if (!/^\d{1,6}$/.test(raw)) throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', `${what} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

/**
 * Parses `--operator TYPE=OP[:arg]`: `replace:TEXT` (the rest of the flag, colons included),
 * `mask:N[:C]` (keep the last N characters, mask with C), `hash:N` (N hex characters); `keep`,
 * `redact`, `encrypt` and `tokenize` take no argument. `*=OP` sets the default operator.
 */
export function parseOperatorFlag(flag: string): { target: string; spec: OperatorSpec } {
  const eq = flag.indexOf('=');
  const target = eq > 0 ? flag.slice(0, eq).trim() : '';
  if (target === '') throw new BulwarkError('ERR_CLI_USAGE', `--operator must look like TYPE=OP[:arg], got "${flag}"`);
  const rest = flag.slice(eq + 1);
  const colon = rest.indexOf(':');
  const name = (colon < 0 ? rest : rest.slice(0, colon)).trim();
  const arg = colon < 0 ? undefined : rest.slice(colon + 1);
  if (!isOperatorType(name)) {
    throw new BulwarkError('ERR_ANONYMIZE_UNKNOWN_OPERATOR', `unknown operator "${name.slice(0, 40)}" (one of ${OPERATOR_TYPES.join(', ')})`);
  }
  if (arg === undefined) return { target, spec: { type: name } };
  switch (name) {
    case 'replace':
      return { target, spec: { type: name, value: arg } };
    case 'mask': {
      const [keepLast = '', char] = arg.split(':');
      return { target, spec: { type: name, keepLast: integer(keepLast, 'mask:N'), ...(char === undefined ? {} : { char }) } };
    }
    case 'hash':
      return { target, spec: { type: name, length: integer(arg, 'hash:N') } };
    default:
      throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', `the ${name} operator takes no argument`);
  }
}
