import type { LimitsConfig } from '../../config/index.js';

/** The limits one API key works under. 0 switches a limit off. */
export interface LimitTier {
  readonly name: string;
  readonly keyRequests: number;
  readonly userRequests: number;
  readonly ipRequests: number;
  readonly windowSeconds: number;
  readonly tokenBudget: number;
  readonly tokenWindowSeconds: number;
  readonly maxTokens: number;
  readonly maxStreams: number;
}

/**
 * Resolves a key id to its tier: `limits.keyTiers[id]` names one of `limits.tiers` (settings it
 * leaves out come from the default tier, the top-level `limits` settings); other keys, and
 * requests without a key, get the default tier. Tiers are computed once.
 */
export function limitTiers(config: LimitsConfig): (keyId: string | null) => LimitTier {
  const base: LimitTier = {
    name: 'default',
    keyRequests: config.keyRequests,
    userRequests: config.userRequests,
    ipRequests: config.ipRequests,
    windowSeconds: config.windowSeconds,
    tokenBudget: config.tokenBudget,
    tokenWindowSeconds: config.tokenWindowSeconds,
    maxTokens: config.maxTokens,
    maxStreams: config.maxStreams,
  };
  const merge = (name: string, over: Readonly<Record<string, number | undefined>>): LimitTier => {
    const tier: Record<string, number | string> = { ...base, name };
    for (const [k, v] of Object.entries(over)) if (v !== undefined) tier[k] = v;
    return tier as unknown as LimitTier;
  };
  const named = new Map<string, LimitTier>(Object.entries(config.tiers).map(([name, t]) => [name, merge(name, t)]));
  return (keyId) => {
    const name = keyId === null ? undefined : config.keyTiers[keyId];
    return (name === undefined ? undefined : named.get(name)) ?? base;
  };
}
