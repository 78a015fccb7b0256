import { BulwarkError, isBulwarkError } from '../core/bulwark-error.js';
import { ENTITY_TYPES } from '../core/entity-types.js';
import { createOperator, InMemoryVault, type AnonymizePlan, type OperatorConfig } from '../anonymize/index.js';
import { DEFAULT_TARGET, needsKey, parseOperatorFlag, withKey, type OperatorSpec } from './operator-spec.js';
import type { RedactionPolicy } from './redaction-policy.js';

/** Where each operator of the plan came from, so an error names the right culprit. */
interface Sourced {
  readonly spec: OperatorSpec;
  readonly fromPolicy: string | undefined;
}

/** What the plan is built from: an optional policy file, `--operator` flags, and the key. */
export interface PlanSources {
  readonly policy?: { readonly path: string; readonly policy: RedactionPolicy };
  readonly operatorFlags: readonly string[];
  /** Entity types the scanner can emit, besides the built-in ones. */
  readonly knownEntities: Iterable<string>;
  /** Loads the key; called only when some operator needs one. */
  readonly loadKey: () => Promise<Uint8Array | undefined>;
}

/** The default operator when neither flags nor policy name one: `<EMAIL_ADDRESS>`-style labels. */
export const DEFAULT_OPERATOR: OperatorSpec = { type: 'replace' };

/**
 * Builds the anonymize plan: the policy first, `--operator` flags on top, `replace` as the final
 * default. Every operator is created once here, so a bad option fails before any input is read.
 */
export async function buildRedactionPlan(sources: PlanSources): Promise<AnonymizePlan> {
  const known = new Set<string>([...ENTITY_TYPES, ...sources.knownEntities]);
  const byType = new Map<string, Sourced>();
  const policyPath = sources.policy?.path;
  let fallback: Sourced = { spec: sources.policy?.policy.default ?? DEFAULT_OPERATOR, fromPolicy: policyPath };
  for (const [type, spec] of Object.entries(sources.policy?.policy.entities ?? {})) {
    byType.set(type, { spec, fromPolicy: policyPath });
  }
  for (const flag of sources.operatorFlags) {
    const { target, spec } = parseOperatorFlag(flag);
    if (target === DEFAULT_TARGET) {
      fallback = { spec, fromPolicy: undefined };
    } else if (known.has(target)) {
      byType.set(target, { spec, fromPolicy: undefined });
    } else {
      throw new BulwarkError('ERR_SCAN_UNKNOWN_ENTITY', `--operator names an unknown entity type "${target.slice(0, 40)}"`);
    }
  }

  const all = [fallback, ...byType.values()];
  const key = all.some((s) => needsKey(s.spec)) ? await sources.loadKey() : undefined;
  const vault = all.some((s) => s.spec.type === 'tokenize') ? new InMemoryVault() : undefined;
  const build = (s: Sourced): OperatorConfig => {
    const config = withKey(s.spec, key);
    try {
      createOperator(config, vault);
    } catch (err) {
      if (s.fromPolicy !== undefined && isBulwarkError(err) && err.code.startsWith('ERR_ANONYMIZE_')) {
        throw new BulwarkError('ERR_POLICY_INVALID', `policy ${s.fromPolicy}: ${err.message}`);
      }
      throw err;
    }
    return config;
  };
  return {
    default: build(fallback),
    byType: Object.fromEntries([...byType].map(([type, s]) => [type, build(s)])),
    ...(vault ? { vault } : {}),
  };
}
