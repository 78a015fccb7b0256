import type { AnonymizePlan, OperatorConfig } from '../anonymize/index.js';
import { createScanner, type Scanner } from '../scan/index.js';
import { DEFAULT_THREAT_POLICY, mergeThreatPolicy, type ThreatOverrides, type ThreatPolicy } from './threat-policy.js';

/** What a policy does with one entity type in requests; `allow` passes it unchanged. */
export type PolicyOperator = 'tokenize' | 'redact' | 'hash' | 'mask' | 'allow';

/**
 * A privacy policy as plain data (the shape of a YAML policy). The threat sections (`injection`,
 * `secrets`, `canary`, `outputSchema`) override the defaults field by field.
 */
export interface PolicySpec extends ThreatOverrides {
  /** Entity type -> operator; types not listed are not looked for. */
  readonly entities: Readonly<Partial<Record<string, PolicyOperator>>>;
  /** Scan answers for values the prompt did not contain. */
  readonly checkOutput: boolean;
  /** `redact`: new values in the answer become `<TYPE>`; `flag`: they are only counted. */
  readonly outputAction: 'redact' | 'flag';
  /** Minimum detector score; default: the resolver's threshold. */
  readonly threshold?: number | undefined;
}

/** A policy compiled once at start: the scanner and plan the guard runs per request. */
export interface GuardPolicy {
  readonly name: string;
  /** Finds the policy's entity types (those not allowed); used on requests and answers. */
  readonly scanner: Scanner;
  /** Operator per entity type; the guard supplies the vault per conversation. */
  readonly plan: Omit<AnonymizePlan, 'vault'>;
  /** How answers are checked for PII; `undefined` when they are not. */
  readonly output: { readonly action: 'redact' | 'flag' } | undefined;
  /** Prompt injection, secrets, canary and schema checks, every field resolved. */
  readonly threats: ThreatPolicy;
}

/** Picks the policy of a request. */
export interface PolicyResolver {
  readonly default: GuardPolicy;
  /** The key's policy if it has one, else the route's, else the default. */
  resolve(keyId: string | null, route: string): GuardPolicy;
  /** The policy called `name` (as `GuardPolicy.name`), if there is one. */
  byName(name: string): GuardPolicy | undefined;
}

/** Inputs of {@link compilePolicies}. */
export interface PolicySources {
  /** Named policies; one called `default` replaces `defaultSpec`. */
  readonly named: Readonly<Record<string, PolicySpec>>;
  readonly byKey: Readonly<Record<string, string>>;
  readonly byRoute: Readonly<Partial<Record<string, string>>>;
  /** The policy used when `named` has no `default`. */
  readonly defaultSpec: PolicySpec;
  readonly threshold: number;
  readonly regions: readonly string[];
  /** HMAC key of the `hash` operator (a server secret, so hashes cannot be brute-forced offline). */
  readonly hashKey: Uint8Array;
  /** Threat settings of policies that do not override them (default: {@link DEFAULT_THREAT_POLICY}). */
  readonly threats?: ThreatPolicy;
}

/**
 * Turns a policy operator into an anonymizer operator. `redact` becomes `<TYPE>` rather than
 * nothing, so the model still reads a sentence that makes sense ("mail <EMAIL_ADDRESS>").
 */
function operatorFor(op: PolicyOperator, hashKey: Uint8Array): OperatorConfig {
  switch (op) {
    case 'tokenize':
      return { type: 'tokenize' };
    case 'redact':
      return { type: 'replace' };
    case 'hash':
      return { type: 'hash', key: hashKey, length: 16 };
    case 'mask':
      return { type: 'mask' };
    case 'allow':
      return { type: 'keep' };
  }
}

function compile(name: string, spec: PolicySpec, sources: PolicySources): GuardPolicy {
  const byType: Record<string, OperatorConfig> = {};
  for (const [type, op] of Object.entries(spec.entities)) {
    if (op !== undefined && op !== 'allow') byType[type] = operatorFor(op, sources.hashKey);
  }
  const scanner = createScanner({
    entities: Object.keys(byType),
    threshold: spec.threshold ?? sources.threshold,
    regions: [...sources.regions],
  });
  const threats = mergeThreatPolicy(sources.threats ?? DEFAULT_THREAT_POLICY, spec);
  return { name, scanner, plan: { default: { type: 'keep' }, byType }, output: spec.checkOutput ? { action: spec.outputAction } : undefined, threats };
}

/**
 * Compiles every policy once, at start (scanners are built here, not per request), and returns
 * the resolver. Unknown policy names were refused by the configuration schema already.
 */
export function compilePolicies(sources: PolicySources): PolicyResolver {
  const compiled = new Map<string, GuardPolicy>();
  for (const [name, spec] of Object.entries(sources.named)) compiled.set(name, compile(name, spec, sources));
  const fallback = compiled.get('default') ?? compile('default', sources.defaultSpec, sources);
  const pick = (name: string | undefined): GuardPolicy | undefined => (name === undefined ? undefined : compiled.get(name) ?? (name === 'default' ? fallback : undefined));
  return {
    default: fallback,
    byName: pick,
    resolve(keyId, route) {
      const byKey = keyId === null ? undefined : Object.hasOwn(sources.byKey, keyId) ? sources.byKey[keyId] : undefined;
      const byRoute = Object.hasOwn(sources.byRoute, route) ? sources.byRoute[route] : undefined;
      return pick(byKey) ?? pick(byRoute) ?? fallback;
    },
  };
}
