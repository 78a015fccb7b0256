import { z } from 'zod';
import { BulwarkError } from '../core/bulwark-error.js';

/**
 * The part of an OpenAI chat request the gateway relies on. Everything else passes through to
 * the provider untouched (it knows its own parameters better than we do).
 */
const chatRequestSchema = z.looseObject({
  model: z.string().min(1).max(256),
  messages: z.array(z.looseObject({ role: z.string().min(1).max(64) })).min(1),
  stream: z.boolean().nullish(),
});

/** A chat request that passed {@link parseChatRequest}. */
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** Checks a parsed JSON body; throws `ERR_REQUEST_INVALID_BODY` naming the fields (never values). */
export function parseChatRequest(body: unknown): ChatRequest {
  const r = chatRequestSchema.safeParse(body);
  if (r.success) return body as ChatRequest;
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
  throw new BulwarkError('ERR_REQUEST_INVALID_BODY', `Invalid chat request: ${where}.`);
}
