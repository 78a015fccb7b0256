import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../core/entity-types.js';
import { policiesSchema, threatsSchema } from './policy-schema.js';

/**
 * Entity types tokenized when the configuration names none: everything that identifies a person
 * or an account. LOCATION, ORGANIZATION and URL are left out on purpose: tokenizing them breaks
 * ordinary questions ("what is the capital of France?", "summarise https://…") far more often
 * than it protects anyone. SECRET is not personal data: the threat checks (`threats.secrets`)
 * replace secrets with `<SECRET>` before anything else, and never restore them.
 */
export const DEFAULT_TOKENIZE: readonly EntityType[] = ENTITY_TYPES.filter(
  (t) => t !== 'LOCATION' && t !== 'ORGANIZATION' && t !== 'URL' && t !== 'SECRET',
);

const MIB = 1024 * 1024;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const serverSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  /** Checked before the body is parsed; larger requests get 413. */
  bodyLimitBytes: z.coerce.number().int().min(1024).max(256 * MIB).default(4 * MIB),
  /** Honour X-Forwarded-For from proxies: false, true, a hop count, or addresses/CIDRs (comma-separated). */
  trustProxy: z
    .union([z.boolean(), z.string()])
    .default(false)
    .transform((v): boolean | number | string => {
      if (typeof v === 'boolean' || v === 'false') return v === true;
      if (v === 'true') return true;
      return /^\d+$/.test(v) ? Number(v) : v;
    }),
  /**
   * Worker threads that take chat inspections (PII scan, threat checks) off the request thread
   * while it is busy with other requests; 0: none. Default: one less than the CPU count, at most 4.
   */
  guardThreads: z.coerce.number().int().min(0).max(64).optional(),
});

/** Where the anthropic upstream goes when no base URL is configured. */
const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

const upstreamSchema = z
  .strictObject({
    /** `echo` answers offline; `openai` is any OpenAI-compatible base URL; `anthropic` the Messages API. */
    kind: z.enum(['echo', 'openai', 'anthropic']).optional(),
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' })
      .refine((u) => {
        const url = new URL(u);
        return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
      }, 'baseUrl must not carry credentials, a query or a fragment')
      .optional(),
    /** Name of the environment variable holding the provider key (secrets never live in the file). */
    apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).default('BULWARK_UPSTREAM_API_KEY'),
    apiKey: z.string().min(1).optional(),
    /** Longest wait for the answer's headers, and longest silence between two body chunks. */
    timeoutMs: z.coerce.number().int().min(1).max(3_600_000).default(120_000),
    /** Larger non-streamed answers (or single stream events) are refused with 502. */
    maxResponseBytes: z.coerce.number().int().min(1024).max(1024 * MIB).default(16 * MIB),
    /** Anthropic: the `anthropic-version` header. */
    anthropicVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2023-06-01'),
    /** Anthropic: `max_tokens` for requests that name none (Anthropic requires one). */
    anthropicMaxTokens: z.coerce.number().int().min(1).max(10_000_000).default(4096),
    /** Model ids `GET /v1/models` lists instead of asking the provider; empty: the provider's list. */
    models: z.array(z.string().min(1).max(256)).default([]),
  })
  .transform(({ kind, ...rest }) => {
    const resolved = kind ?? (rest.baseUrl === undefined ? 'echo' : 'openai');
    const baseUrl = rest.baseUrl ?? (resolved === 'anthropic' ? ANTHROPIC_BASE_URL : undefined);
    return { ...rest, baseUrl, kind: resolved };
  })
  .refine((u) => u.kind !== 'openai' || u.baseUrl !== undefined, {
    message: 'the openai upstream needs baseUrl (BULWARK_UPSTREAM_BASE_URL)',
    path: ['baseUrl'],
  });

const privacySchema = z.strictObject({
  /** Entity types replaced by reversible placeholders in requests and restored in answers. */
  tokenize: z.array(z.enum(ENTITY_TYPES)).default([...DEFAULT_TOKENIZE]),
  /** Minimum detector score, 0..1. */
  threshold: z.coerce.number().min(0).max(1).default(0.5),
  /** Region hints for phone numbers and national ids (ISO 3166-1 alpha-2). */
  regions: z
    .array(z.string().regex(/^[A-Za-z]{2}$/))
    .min(1)
    .default(['US'])
    .transform((r) => r.map((x) => x.toUpperCase())),
});

const storeSchema = z.strictObject({
  /** Holds the embedded SQLite database (`bulwark.db`) and the generated key pepper. */
  dataDir: z.string().min(1).default('./data'),
  /** `postgres://…` for Postgres, `sqlite:<path>` or `sqlite::memory:`; default: SQLite in dataDir. */
  url: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:.)/i, 'url must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  /**
   * SQLite: `normal` (a commit survives a crash of the gateway; a power cut can lose the last
   * ones) or `full` (every commit waits for the disk). Postgres commits are always durable.
   */
  sqliteSync: z.enum(['normal', 'full']).default('normal'),
});

const authSchema = z.strictObject({
  /** Server secret keying API-key digests (environment only); default: generated into dataDir. */
  pepper: z.string().min(1).optional(),
  /** Failed authentications per client address and window before it is answered 429. */
  maxFailures: z.coerce.number().int().min(1).max(1_000_000).default(10),
  failureWindowSeconds: z.coerce.number().int().min(1).max(86_400).default(300),
});

const count = z.coerce.number().int().min(0).max(1_000_000_000);
const seconds = z.coerce.number().int().min(1).max(30 * 86_400);

/** One tier of limits; 0 switches a limit off. Named tiers leave out what the default tier sets. */
const tierFields = {
  /** Requests per window, per API key, per end user (`user` field or X-Bulwark-User) and per client IP. */
  keyRequests: count,
  userRequests: count,
  ipRequests: count,
  windowSeconds: seconds,
  /** Tokens (prompt + completion) per key and token window. */
  tokenBudget: count,
  tokenWindowSeconds: seconds,
  /** Largest max_tokens a request may ask for (see maxTokensMode). */
  maxTokens: count,
  /** Streams a key may hold open at once. */
  maxStreams: count,
};

/** The default tier. */
const defaultTier = {
  keyRequests: count.default(600),
  userRequests: count.default(120),
  ipRequests: count.default(1200),
  windowSeconds: seconds.default(60),
  tokenBudget: count.default(1_000_000),
  tokenWindowSeconds: seconds.default(3600),
  maxTokens: count.default(0),
  maxStreams: count.default(16),
};

const limitsSchema = z
  .strictObject({
    /** `redis://…`: counters shared by every gateway using it; default: in this process's memory. */
    redisUrl: z.string().regex(/^rediss?:\/\//, 'redisUrl must start with redis:// or rediss://').optional(),
    /** Prefix of every Redis key (gateways sharing limits share it). */
    redisPrefix: z.string().min(1).max(128).default('bulwark'),
    /** `clamp` lowers a larger max_tokens to the cap; `reject` answers 400 ERR_LIMIT_MAX_TOKENS. */
    maxTokensMode: z.enum(['clamp', 'reject']).default('clamp'),
    /** Completion tokens assumed for the reservation when a request names no max_tokens. */
    defaultMaxTokens: z.coerce.number().int().min(1).max(10_000_000).default(1024),
    /** Named tiers (YAML): each setting not named falls back to the default tier. */
    tiers: z.record(z.string().min(1), z.strictObject(tierFields).partial()).default({}),
    /** API key id -> tier name (YAML); keys not listed use the default tier. */
    keyTiers: z.record(z.string().min(1), z.string().min(1)).default({}),
  })
  .extend(defaultTier)
  .refine((l) => Object.values(l.keyTiers).every((t) => Object.hasOwn(l.tiers, t)), {
    message: 'keyTiers names a tier that is not defined under tiers',
    path: ['keyTiers'],
  });

/** The one schema of the gateway configuration (YAML file and environment, merged). */
export const gatewayConfigSchema = z.strictObject({
  server: serverSchema.prefault({}),
  upstream: upstreamSchema.prefault({}),
  privacy: privacySchema.prefault({}),
  store: storeSchema.prefault({}),
  auth: authSchema.prefault({}),
  limits: limitsSchema.prefault({}),
  /** Privacy policies per key and route (YAML). */
  policies: policiesSchema.prefault({}),
  /** Prompt injection, secrets, canary and output schema checks: defaults of every policy (YAML). */
  threats: threatsSchema.prefault({}),
  log: z.strictObject({ level: z.enum(LOG_LEVELS).default('info') }).prefault({}),
});

/** The parsed, frozen gateway configuration. Build it with `loadConfig`. */
export type GatewayConfig = DeepReadonly<z.output<typeof gatewayConfigSchema>>;

/** Store settings of {@link GatewayConfig}. */
export type StoreConfig = GatewayConfig['store'];

/** Limit settings of {@link GatewayConfig}. */
export type LimitsConfig = GatewayConfig['limits'];

/** Privacy policy settings of {@link GatewayConfig}. */
export type PoliciesConfig = GatewayConfig['policies'];

/** Upstream settings of {@link GatewayConfig}. */
export type UpstreamConfig = GatewayConfig['upstream'];

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
