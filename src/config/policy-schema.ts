import { z } from 'zod';
import { ENTITY_TYPES } from '../core/entity-types.js';

/** What a policy does with one entity type in requests. `allow` leaves it as it is. */
export const POLICY_OPERATORS = ['tokenize', 'redact', 'hash', 'mask', 'allow'] as const;

const score = z.coerce.number().min(0).max(1);

/** Prompt injection: user text against `threshold`, untrusted content (tool results, documents) against `untrustedThreshold`. */
const injectionFields = {
  enabled: z.boolean(),
  threshold: score,
  /** `block` refuses the request (400), `flag` marks it for review, `log` only records it. */
  action: z.enum(['block', 'flag', 'log']),
  untrustedThreshold: score,
  /** `strip` replaces the content with a notice; the others as for `action`. */
  untrustedAction: z.enum(['block', 'strip', 'flag', 'log']),
};

/** Secrets (API keys, tokens, private keys) in prompts (`action`) and answers (`output`). */
const secretsFields = {
  enabled: z.boolean(),
  /** `redact` replaces a secret with `<SECRET>` before the request leaves. */
  action: z.enum(['redact', 'block', 'flag', 'log']),
  output: z.enum(['redact', 'block', 'flag', 'off']),
};

/** A per-request marker in the system prompt; an answer repeating it is a system-prompt leak. */
const canaryFields = {
  enabled: z.boolean(),
  action: z.enum(['block', 'flag']),
  /** `start` catches a streamed echo early; `end` keeps the system prompt cacheable by the provider. */
  position: z.enum(['start', 'end']),
};

/** Tool-call arguments and structured output checked against the request's JSON schemas. */
const outputSchemaFields = {
  toolArguments: z.boolean(),
  responseFormat: z.boolean(),
  action: z.enum(['flag', 'block']),
};

/** The threat checks' defaults (YAML `threats`); each named policy may override any field. */
export const threatsSchema = z.strictObject({
  injection: z
    .strictObject({
      enabled: injectionFields.enabled.default(true),
      threshold: injectionFields.threshold.default(0.5),
      action: injectionFields.action.default('block'),
      untrustedThreshold: injectionFields.untrustedThreshold.default(0.35),
      untrustedAction: injectionFields.untrustedAction.default('strip'),
    })
    .prefault({}),
  secrets: z
    .strictObject({ enabled: secretsFields.enabled.default(true), action: secretsFields.action.default('redact'), output: secretsFields.output.default('redact') })
    .prefault({}),
  canary: z
    .strictObject({ enabled: canaryFields.enabled.default(true), action: canaryFields.action.default('block'), position: canaryFields.position.default('start') })
    .prefault({}),
  outputSchema: z
    .strictObject({
      toolArguments: outputSchemaFields.toolArguments.default(true),
      responseFormat: outputSchemaFields.responseFormat.default(true),
      action: outputSchemaFields.action.default('flag'),
    })
    .prefault({}),
});

/** One named privacy policy (YAML `policies.named.<name>`). */
export const privacyPolicySchema = z.strictObject({
  /** Threat check overrides; fields left out come from the top-level `threats`. */
  injection: z.strictObject(injectionFields).partial().optional(),
  secrets: z.strictObject(secretsFields).partial().optional(),
  canary: z.strictObject(canaryFields).partial().optional(),
  outputSchema: z.strictObject(outputSchemaFields).partial().optional(),
  /** Entity type -> operator; types not listed are not looked for. */
  entities: z.partialRecord(z.enum(ENTITY_TYPES), z.enum(POLICY_OPERATORS)).default({}),
  /** Scan answers for personal data the prompt did not contain. */
  checkOutput: z.boolean().default(false),
  /** `redact` replaces new values in the answer with `<TYPE>`; `flag` only counts them. */
  outputAction: z.enum(['redact', 'flag']).default('redact'),
  /** Minimum detector score, 0..1; default: `privacy.threshold`. */
  threshold: z.coerce.number().min(0).max(1).optional(),
});

/** Route templates a policy can be assigned to. */
export const POLICY_ROUTES = ['/v1/chat/completions', '/v1/embeddings'] as const;

/**
 * Named policies and their assignment. A key's policy wins over its route's; everything else
 * uses `default`, which, unless defined under `named`, tokenizes `privacy.tokenize`.
 */
export const policiesSchema = z
  .strictObject({
    named: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), privacyPolicySchema).default({}),
    /** API key id -> policy name. */
    byKey: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Route template -> policy name. */
    byRoute: z.partialRecord(z.enum(POLICY_ROUTES), z.string().min(1)).default({}),
  })
  .superRefine((p, ctx) => {
    const known = (name: string): boolean => name === 'default' || Object.hasOwn(p.named, name);
    for (const [where, map] of [['byKey', p.byKey], ['byRoute', p.byRoute]] as const) {
      for (const [k, name] of Object.entries(map)) {
        if (name !== undefined && !known(name)) ctx.addIssue({ code: 'custom', path: [where, k], message: 'names a policy that is not defined under policies.named' });
      }
    }
  });

/** A parsed privacy policy. */
export type PrivacyPolicyConfig = z.output<typeof privacyPolicySchema>;

/** The parsed threat defaults. */
export type ThreatsConfig = z.output<typeof threatsSchema>;
