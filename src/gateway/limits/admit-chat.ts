import type { FastifyReply, FastifyRequest } from 'fastify';
import { countTokens, estimateChatTokens, isLimitError, requestedMaxTokens, type App } from '../../app/index.js';
import { BulwarkError } from '../../core/bulwark-error.js';
import { addRateLimitHeaders } from './rate-limit-headers.js';

/** A chat request admitted by the token budget (and, for streams, a stream slot). */
export interface AdmittedChat<B> {
  /** The body to send on (max_tokens clamped to the key's cap). */
  readonly body: B;
  /** Settles the budget with a whole completion's `usage` (or its counted text). */
  settleCompletion(completion: unknown): Promise<void>;
  /** Passes stream chunks through, noting the final usage (or counting the text) for settlement. */
  observeStream(events: AsyncIterable<unknown>): AsyncIterable<unknown>;
}

type TokenReservation = Awaited<ReturnType<App['limits']['tokens']['reserve']>>;

type Usage = { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown };

function totalOf(usage: Usage | null | undefined): number | undefined {
  if (typeof usage?.total_tokens === 'number') return usage.total_tokens;
  if (typeof usage?.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number') return usage.prompt_tokens + usage.completion_tokens;
  return undefined;
}

/** Counts the text of choices (`message` of a completion or `delta` of a chunk). */
function choiceTokens(payload: unknown, field: 'message' | 'delta'): number {
  const choices = (payload as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return 0;
  let n = 0;
  for (const c of choices) {
    const part = (c as Record<string, unknown> | null)?.[field] as { content?: unknown; tool_calls?: unknown } | undefined;
    if (typeof part?.content === 'string') n += countTokens(part.content);
    if (part?.tool_calls !== undefined) n += countTokens(JSON.stringify(part.tool_calls));
  }
  return n;
}

/** Counts a limit's refusal and sets its RateLimit fields before the error is answered. */
function noteRefusal(reply: FastifyReply, err: unknown): void {
  if (!isLimitError(err)) return;
  addRateLimitHeaders(reply, err.limits);
  reply.server.metrics?.rateLimitHits.inc({ scope: err.code === 'ERR_LIMIT_STREAMS' ? 'streams' : 'tokens' });
}

const noRelease = (): void => undefined;

/** A key's admitted request: what it has used so far, settled once when the response closes. */
class Admission<B> implements AdmittedChat<B> {
  private used = 0;
  private reported: number | undefined;
  private answered = false;

  constructor(
    readonly body: B,
    private readonly reservation: TokenReservation,
    private readonly promptEstimate: number,
    private readonly release: () => void,
  ) {}

  /** The response closed (finished, failed or abandoned): free the slot, settle what was noted. */
  closed(): void {
    this.release();
    const actual = this.reported ?? (this.answered ? this.promptEstimate + this.used : 0);
    this.reservation.settle(actual).catch(() => undefined);
  }

  async settleCompletion(completion: unknown): Promise<void> {
    const usage = (completion as { usage?: Usage } | null)?.usage;
    await this.reservation.settle(totalOf(usage) ?? this.promptEstimate + choiceTokens(completion, 'message'));
  }

  async *observeStream(events: AsyncIterable<unknown>): AsyncIterable<unknown> {
    this.answered = true;
    for await (const chunk of events) {
      const total = totalOf((chunk as { usage?: Usage } | null)?.usage);
      if (total !== undefined) this.reported = total;
      this.used += choiceTokens(chunk, 'delta');
      yield chunk;
    }
  }
}

const settleNothing = async (): Promise<void> => undefined;
const passThrough = (events: AsyncIterable<unknown>): AsyncIterable<unknown> => events;

/**
 * Applies the per-key token limits to a parsed chat body, before the upstream call: the max_tokens
 * cap (clamp, or 400 ERR_LIMIT_MAX_TOKENS in `reject` mode), a reservation of the estimated tokens
 * (429 ERR_LIMIT_TOKEN_BUDGET) and, for streams, a slot (429 ERR_LIMIT_STREAMS). The slot is
 * released and the budget settled when the response closes — finished, failed or abandoned by the
 * client — with the usage noted so far (none noted: the prompt estimate only, nothing when the
 * upstream call failed before answering).
 */
export async function admitChat<B extends Readonly<Record<string, unknown>>>(app: App, request: FastifyRequest, reply: FastifyReply, body: B): Promise<AdmittedChat<B>> {
  const keyId = request.bulwark.key?.id ?? null;
  const tier = app.limits.tierOf(keyId);
  let sent = body;
  const asked = requestedMaxTokens(body);
  if (tier.maxTokens > 0 && asked !== undefined && asked > tier.maxTokens) {
    if (app.limits.maxTokensMode === 'reject') {
      throw new BulwarkError('ERR_LIMIT_MAX_TOKENS', `max_tokens may be at most ${tier.maxTokens} for this key.`);
    }
    sent = { ...body };
    for (const f of ['max_tokens', 'max_completion_tokens'] as const) if (f in sent) (sent as Record<string, unknown>)[f] = tier.maxTokens;
  } else if (tier.maxTokens > 0 && asked === undefined) {
    sent = { ...body, max_tokens: tier.maxTokens };
  }
  if (keyId === null) return { body: sent, settleCompletion: settleNothing, observeStream: passThrough };

  const { prompt: promptEstimate, total: estimate } = estimateChatTokens(sent, app.limits.defaultMaxTokens);
  let reservation: TokenReservation;
  try {
    reservation = await app.limits.tokens.reserve(keyId, tier, estimate);
  } catch (err) {
    noteRefusal(reply, err);
    throw err;
  }
  if (reservation.state !== null) addRateLimitHeaders(reply, [reservation.state]);
  let release = noRelease;
  if (sent['stream'] === true) {
    try {
      release = await app.limits.streams.acquire(keyId, tier);
    } catch (err) {
      noteRefusal(reply, err);
      await reservation.settle(0);
      throw err;
    }
  }
  const admission = new Admission(sent, reservation, promptEstimate, release);
  // A response closes once; the listener needs no `once` wrapper.
  reply.raw.on('close', () => admission.closed());
  return admission;
}
