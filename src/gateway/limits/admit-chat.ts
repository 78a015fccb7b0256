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
  if (keyId === null) return { body: sent, settleCompletion: async () => undefined, observeStream: (e) => e };

  const { prompt: promptEstimate, total: estimate } = estimateChatTokens(sent, app.limits.defaultMaxTokens);
  const guarded = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (err) {
      if (isLimitError(err)) {
        addRateLimitHeaders(reply, err.limits);
        reply.server.metrics?.rateLimitHits.inc({ scope: err.code === 'ERR_LIMIT_STREAMS' ? 'streams' : 'tokens' });
      }
      throw err;
    }
  };
  const reservation = await guarded(() => app.limits.tokens.reserve(keyId, tier, estimate));
  if (reservation.state !== null) addRateLimitHeaders(reply, [reservation.state]);
  let release: () => void = () => undefined;
  if (sent['stream'] === true) {
    try {
      release = await guarded(() => app.limits.streams.acquire(keyId, tier));
    } catch (err) {
      await reservation.settle(0);
      throw err;
    }
  }

  let used = 0;
  let reported: number | undefined;
  let answered = false;
  reply.raw.once('close', () => {
    release();
    const actual = reported ?? (answered ? promptEstimate + used : 0);
    reservation.settle(actual).catch(() => undefined);
  });
  return {
    body: sent,
    async settleCompletion(completion) {
      const usage = (completion as { usage?: Usage } | null)?.usage;
      await reservation.settle(totalOf(usage) ?? promptEstimate + choiceTokens(completion, 'message'));
    },
    async *observeStream(events) {
      answered = true;
      for await (const chunk of events) {
        const total = totalOf((chunk as { usage?: Usage } | null)?.usage);
        if (total !== undefined) reported = total;
        used += choiceTokens(chunk, 'delta');
        yield chunk;
      }
    },
  };
}
