/** What to do with a direct prompt injection (user text). */
export type InjectionAction = 'block' | 'flag' | 'log';
/** What to do with injected instructions in untrusted content (tool results, retrieved documents). */
export type UntrustedAction = 'block' | 'strip' | 'flag' | 'log';
/** What to do with a secret in a request: `redact` replaces it with `<SECRET>` before it leaves. */
export type SecretAction = 'redact' | 'block' | 'flag' | 'log';
/** What to do with a secret in an answer; `off` does not look. */
export type SecretOutputAction = 'redact' | 'block' | 'flag' | 'off';

/** The threat checks of one policy, every field resolved. */
export interface ThreatPolicy {
  readonly injection: {
    readonly enabled: boolean;
    /** Minimum score of user text to act on. */
    readonly threshold: number;
    readonly action: InjectionAction;
    /** Minimum score of untrusted content (lower: it should hold no instructions at all). */
    readonly untrustedThreshold: number;
    readonly untrustedAction: UntrustedAction;
  };
  readonly secrets: {
    readonly enabled: boolean;
    readonly action: SecretAction;
    readonly output: SecretOutputAction;
  };
  readonly canary: {
    readonly enabled: boolean;
    readonly action: 'block' | 'flag';
    /**
     * Where the marker goes in the first system message. `start` catches a streamed echo before
     * the prompt is out; `end` keeps the system prompt a stable prefix for provider prompt caching.
     */
    readonly position: 'start' | 'end';
  };
  readonly outputSchema: {
    /** Check tool-call arguments against the request's `tools[].function.parameters`. */
    readonly toolArguments: boolean;
    /** Check answers against the request's `response_format` (`json_schema` or `json_object`). */
    readonly responseFormat: boolean;
    readonly action: 'flag' | 'block';
  };
}

/** Per-policy overrides: any field may be left out and falls back to the defaults. */
export type ThreatOverrides = { readonly [K in keyof ThreatPolicy]?: { readonly [F in keyof ThreatPolicy[K]]?: ThreatPolicy[K][F] | undefined } | undefined };

/** The built-in defaults: block injection, strip it from untrusted content, redact secrets, canary on. */
export const DEFAULT_THREAT_POLICY: ThreatPolicy = {
  injection: { enabled: true, threshold: 0.5, action: 'block', untrustedThreshold: 0.35, untrustedAction: 'strip' },
  secrets: { enabled: true, action: 'redact', output: 'redact' },
  canary: { enabled: true, action: 'block', position: 'start' },
  outputSchema: { toolArguments: true, responseFormat: true, action: 'flag' },
};

/** Drops fields set to `undefined` so they do not override a default. */
function defined<T extends object>(o: { readonly [F in keyof T]?: T[F] | undefined } | undefined): Partial<T> {
  if (o === undefined) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `base` with each section's given fields replaced by `overrides`. */
export function mergeThreatPolicy(base: ThreatPolicy, overrides: ThreatOverrides = {}): ThreatPolicy {
  return {
    injection: { ...base.injection, ...defined<ThreatPolicy['injection']>(overrides.injection) },
    secrets: { ...base.secrets, ...defined<ThreatPolicy['secrets']>(overrides.secrets) },
    canary: { ...base.canary, ...defined<ThreatPolicy['canary']>(overrides.canary) },
    outputSchema: { ...base.outputSchema, ...defined<ThreatPolicy['outputSchema']>(overrides.outputSchema) },
  };
}
