import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BulwarkError } from '../core/bulwark-error.js';
import { OPERATOR_TYPES } from '../anonymize/index.js';
import type { OperatorSpec } from './operator-spec.js';

/** A redaction policy file after validation: a default operator and operators per entity type. */
export interface RedactionPolicy {
  readonly default?: OperatorSpec;
  readonly entities: Readonly<Record<string, OperatorSpec>>;
}

const MAX_POLICY_BYTES = 256 * 1024;

const operatorObject = z.strictObject({
  type: z.enum(OPERATOR_TYPES),
  value: z.string().optional(),
  char: z.string().optional(),
  keepLast: z.number().int().min(0).optional(),
  keepFirst: z.number().int().min(0).optional(),
  length: z.number().int().optional(),
});

// `PERSON: tokenize` is shorthand for `PERSON: {type: tokenize}`.
const operatorSchema = z.union([z.enum(OPERATOR_TYPES).transform((type) => ({ type })), operatorObject]);

const policySchema = z.strictObject({
  default: operatorSchema.optional(),
  entities: z.record(z.string(), operatorSchema).optional(),
});

function invalid(path: string, why: string): BulwarkError {
  return new BulwarkError('ERR_POLICY_INVALID', `policy ${path}: ${why}`);
}

/**
 * Parses a YAML policy: `default: {type: replace}` and `entities: {EMAIL_ADDRESS: {type: mask,
 * keepLast: 4}, PERSON: tokenize}`. Unknown keys, operators and entity types (not in `knownEntities`) are refused
 * with `ERR_POLICY_INVALID`; keys for hash/encrypt never come from the policy.
 */
export function parseRedactionPolicy(source: string, path: string, knownEntities: ReadonlySet<string>): RedactionPolicy {
  let raw: unknown;
  try {
    raw = parseYaml(source, { maxAliasCount: 100 });
  } catch (err) {
    throw invalid(path, `not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : 'parse error'})`);
  }
  const parsed = policySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'document';
    throw invalid(path, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  const entities = parsed.data.entities ?? {};
  // Checked on the raw keys: zod's record output silently drops a `__proto__` key.
  const rawEntities = (raw as { entities?: object } | null)?.entities ?? {};
  const unknown = Object.keys(rawEntities).filter((e) => !knownEntities.has(e));
  if (unknown.length > 0) throw invalid(path, `unknown entity type(s): ${unknown.join(', ')}`);
  return {
    ...(parsed.data.default ? { default: strip(parsed.data.default) } : {}),
    entities: Object.fromEntries(Object.entries(entities).map(([k, v]) => [k, strip(v)])),
  };
}

/** Drops keys zod reports as present-but-undefined, for exactOptionalPropertyTypes. */
function strip(spec: z.output<typeof operatorSchema>): OperatorSpec {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as OperatorSpec;
}

/** Reads and parses a policy file; a missing file is an input error. */
export async function loadRedactionPolicy(path: string, knownEntities: ReadonlySet<string>): Promise<RedactionPolicy> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch {
    throw new BulwarkError('ERR_INPUT_NOT_FOUND', `cannot read policy file "${path}"`);
  }
  if (source.length > MAX_POLICY_BYTES) throw invalid(path, `larger than ${MAX_POLICY_BYTES} bytes`);
  return parseRedactionPolicy(source, path, knownEntities);
}
