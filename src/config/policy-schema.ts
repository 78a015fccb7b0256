import { z } from 'zod';
import { ENTITY_TYPES } from '../core/entity-types.js';

/** What a policy does with one entity type in requests. `allow` leaves it as it is. */
export const POLICY_OPERATORS = ['tokenize', 'redact', 'hash', 'mask', 'allow'] as const;

/** One named privacy policy (YAML `policies.named.<name>`). */
export const privacyPolicySchema = z.strictObject({
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
