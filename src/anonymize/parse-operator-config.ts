// zod/mini: the same checks at about a twentieth of the browser-bundle size of `zod`.
import * as z from 'zod/mini';
import { BulwarkError } from '../core/bulwark-error.js';
import { parseKey } from '../crypto/parse-key.js';
import type { AnonymizePlan } from './anonymize-plan.js';
import { createOperator } from './create-operator.js';
import { OPERATOR_TYPES, type OperatorConfig } from './operator-config.js';
import type { Vault } from './vault.js';

// Keys may be written in a policy file as hex or base64(url) text.
const key = z.union([z.string(), z.instanceof(Uint8Array)]);
const count = z.int().check(z.minimum(0));

const SCHEMAS = {
  keep: z.strictObject({ type: z.literal('keep') }),
  redact: z.strictObject({ type: z.literal('redact') }),
  replace: z.strictObject({ type: z.literal('replace'), value: z.optional(z.string()) }),
  mask: z.strictObject({
    type: z.literal('mask'),
    char: z.optional(z.string()),
    keepLast: z.optional(count),
    keepFirst: z.optional(count),
  }),
  hash: z.strictObject({ type: z.literal('hash'), key, length: z.optional(z.int().check(z.minimum(8), z.maximum(64))) }),
  encrypt: z.strictObject({ type: z.literal('encrypt'), key }),
  tokenize: z.strictObject({ type: z.literal('tokenize') }),
} as const satisfies Record<(typeof OPERATOR_TYPES)[number], z.ZodMiniType>;

const known: ReadonlySet<string> = new Set(OPERATOR_TYPES);

// zod/mini ships no messages; these name the field and the rule, never the offending value.
function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : issue.expected === 'record' ? 'a mapping' : issue.expected}`;
    case 'invalid_union':
      return 'expected text (hex or base64) or bytes';
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return 'invalid value';
  }
}

function describe(issues: readonly z.core.$ZodIssue[], where: string): string {
  return issues.map((i) => `${[where, ...i.path.map(String)].filter(Boolean).join('.')}: ${explain(i)}`).join('; ');
}

/**
 * Checks untrusted data (e.g. parsed YAML) and returns a valid {@link OperatorConfig}. A key may
 * be a `Uint8Array` or text (hex or base64/base64url, see `parseKey`). Throws
 * `ERR_ANONYMIZE_UNKNOWN_OPERATOR` for an unknown `type`, `ERR_ANONYMIZE_INVALID_OPTION` for a
 * missing, unknown or malformed option, `ERR_CRYPTO_INVALID_KEY` for a bad key. `where` prefixes
 * error messages (e.g. `byType.EMAIL_ADDRESS`).
 */
export function parseOperatorConfig(input: unknown, where = ''): OperatorConfig {
  if (typeof input === 'string' && known.has(input)) input = { type: input }; // shorthand: `EMAIL_ADDRESS: redact`
  const type: unknown = input !== null && typeof input === 'object' ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !known.has(type)) {
    throw new BulwarkError(
      'ERR_ANONYMIZE_UNKNOWN_OPERATOR',
      `${where || 'operator'}: \`type\` must be one of ${OPERATOR_TYPES.join(', ')}.`,
    );
  }
  const parsed = SCHEMAS[type as keyof typeof SCHEMAS].safeParse(input);
  if (!parsed.success) {
    throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', describe(parsed.error.issues, where));
  }
  const data = parsed.data;
  const config = ('key' in data ? { ...data, key: readKey(data.key, where) } : data) as OperatorConfig;
  if (config.type !== 'tokenize') createOperator(config); // semantic checks (mask char, key length)
  return config;
}

function readKey(key: string | Uint8Array, where: string): Uint8Array {
  if (typeof key !== 'string') return key;
  try {
    return parseKey(key);
  } catch (err) {
    throw new BulwarkError('ERR_CRYPTO_INVALID_KEY', `${where ? where + '.' : ''}key: ${(err as Error).message}`);
  }
}

const planSchema = z.strictObject({
  default: z.optional(z.unknown()),
  byType: z.optional(z.record(z.string().check(z.minLength(1)), z.unknown())),
});

/**
 * Checks an untrusted plan `{ default?, byType? }` (e.g. a YAML policy) and returns an
 * {@link AnonymizePlan}, with `vault` attached when given. Same error codes as
 * {@link parseOperatorConfig}; `tokenize` without a vault is `ERR_ANONYMIZE_INVALID_OPTION`.
 */
export function parseAnonymizePlan(input: unknown, options: { readonly vault?: Vault } = {}): AnonymizePlan {
  const parsed = planSchema.safeParse(input ?? {});
  if (!parsed.success) throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', describe(parsed.error.issues, 'plan'));
  const byType: Record<string, OperatorConfig> = {};
  for (const [type, raw] of Object.entries(parsed.data.byType ?? {})) {
    Object.defineProperty(byType, type, {
      value: parseOperatorConfig(raw, `byType.${type}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const plan: { -readonly [K in keyof AnonymizePlan]: AnonymizePlan[K] } = { byType };
  if (parsed.data.default !== undefined) plan.default = parseOperatorConfig(parsed.data.default, 'default');
  if (options.vault !== undefined) plan.vault = options.vault;
  const all = [plan.default, ...Object.values(byType)];
  if (plan.vault === undefined && all.some((c) => c !== undefined && 'type' in c && c.type === 'tokenize')) {
    throw new BulwarkError('ERR_ANONYMIZE_INVALID_OPTION', 'plan: `tokenize` needs a vault.');
  }
  return plan;
}
