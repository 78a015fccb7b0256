import { z } from 'zod';
import { BulwarkError } from '../core/bulwark-error.js';

const tokens = z.array(z.number().int().nonnegative()).min(1);

/**
 * The part of an OpenAI embeddings request the gateway relies on: `model` and `input` (a string,
 * strings, a token array or token arrays). Other fields pass through to the provider.
 */
const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1).max(256),
  input: z.union([z.string(), z.array(z.string()).min(1), tokens, z.array(tokens).min(1)]),
  user: z.string().max(1024).optional(),
});

/** An embeddings request that passed {@link parseEmbeddingsRequest}. */
export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;

/** Checks a parsed JSON body; throws `ERR_REQUEST_INVALID_BODY` naming the fields (never values). */
export function parseEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  const r = embeddingsRequestSchema.safeParse(body);
  if (r.success) return body as EmbeddingsRequest;
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
  throw new BulwarkError('ERR_REQUEST_INVALID_BODY', `Invalid embeddings request: ${where}.`);
}
