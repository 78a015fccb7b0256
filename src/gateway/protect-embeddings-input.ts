import type { BulwarkError } from '../core/index.js';
import type { Detection, Guard, GuardPolicy } from '../guard/index.js';
import type { EmbeddingsRequest } from './embeddings-request-schema.js';

type Message = { role: string; content: string };

/** The cleaned embeddings request, the finding counts by type and the threat detections (never values). */
export interface ProtectedEmbeddings {
  readonly body: EmbeddingsRequest;
  readonly findings: Readonly<Record<string, number>>;
  readonly detections: Detection[];
  /** Set when the policy refuses the request (a secret under `secrets.action: block`). */
  readonly blocked: BulwarkError | undefined;
}

/**
 * Runs the text inputs (and `user`) of an embeddings request through the guard's request path,
 * so they are tokenized or redacted exactly like chat messages, with one vault for the request:
 * the same value gets the same placeholder in every input, which keeps their vectors comparable.
 * Secrets are handled per the policy (redacted by default): an indexed document must not carry a
 * key to the provider either. Injection checks and the canary are off here: nothing reads the
 * inputs as instructions, and there is no system prompt to protect.
 * The vault is dropped: vectors have nothing to restore. Token arrays pass unchanged (there is
 * no text to scan without the provider's tokenizer).
 */
export function protectEmbeddingsInput(guard: Guard, body: EmbeddingsRequest, policy: GuardPolicy): ProtectedEmbeddings {
  const { input } = body;
  const texts = typeof input === 'string' ? [input] : input.every((x) => typeof x === 'string') ? (input as string[]) : [];
  if (texts.length === 0 && body.user === undefined) return { body, findings: {}, detections: [], blocked: undefined };
  // The guard understands chat bodies: each input becomes one user message, `user` stays `user`.
  const asChat = { messages: texts.map((content): Message => ({ role: 'user', content })), ...(body.user === undefined ? {} : { user: body.user }) };
  const threats = { ...policy.threats, injection: { ...policy.threats.injection, enabled: false }, canary: { ...policy.threats.canary, enabled: false } };
  const inspected = guard.inspectChat(asChat, { ...policy, threats });
  const cleaned = inspected.body.messages.map((m) => m.content);
  const cleanedInput = typeof input === 'string' ? (cleaned[0] ?? input) : texts.length > 0 ? cleaned : input;
  const out: EmbeddingsRequest = { ...body, input: cleanedInput };
  if (inspected.body.user !== undefined) out.user = inspected.body.user;
  return { body: out, findings: inspected.findings, detections: inspected.detections, blocked: inspected.blocked };
}
