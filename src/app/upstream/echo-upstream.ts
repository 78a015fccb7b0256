import { randomUUID } from 'node:crypto';
import { echoEmbeddings } from './echo-embeddings.js';
import type { ChatBody, ChatResult, Upstream } from './upstream.js';

/** The model id the echo upstream lists. */
export const ECHO_MODEL = 'echo';

type Json = Record<string, unknown>;

/** The text of the last user message (string content or its text parts), or ''. */
function lastUserText(body: ChatBody): string {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as Json | null;
    if (typeof m !== 'object' || m === null || m['role'] !== 'user') continue;
    const content = m['content'];
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content
        .map((p: unknown) => (typeof p === 'object' && p !== null && (p as Json)['type'] === 'text' ? String((p as Json)['text'] ?? '') : ''))
        .filter(Boolean)
        .join('\n');
    }
    return '';
  }
  return '';
}

/** Rough token count (4 characters a token), enough for an offline model's `usage`. */
const tokens = (text: string): number => Math.ceil(text.length / 4);

/** Cuts `text` into pieces of a few characters, as a model streams tokens; never inside a surrogate pair. */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/**
 * An offline OpenAI-compatible model that answers with the last user message it received
 * (`Echo: …`), whole or streamed in small pieces. Behind the gateway it shows the privacy loop
 * without a provider account: it sees placeholders, the client sees its own words again.
 */
export function echoUpstream(): Upstream {
  return {
    kind: 'echo',
    async chat(body): Promise<ChatResult> {
      const content = `Echo: ${lastUserText(body)}`;
      const model = typeof body['model'] === 'string' ? body['model'] : ECHO_MODEL;
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const promptTokens = tokens(JSON.stringify(body['messages'] ?? ''));
      const usage = { prompt_tokens: promptTokens, completion_tokens: tokens(content), total_tokens: promptTokens + tokens(content) };
      if (body['stream'] !== true) {
        return {
          stream: false,
          body: {
            id,
            object: 'chat.completion',
            created,
            model,
            choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
            usage,
          },
        };
      }
      const options = body['stream_options'] as Json | undefined;
      const includeUsage = typeof options === 'object' && options !== null && options['include_usage'] === true;
      const chunk = (choices: unknown[], extra: Json = {}): Json => ({ id, object: 'chat.completion.chunk', created, model, choices, ...extra });
      async function* events(): AsyncGenerator<unknown> {
        yield chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
        for (const piece of pieces(content, 5)) {
          yield chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]);
        }
        yield chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
        if (includeUsage) yield chunk([], { usage });
      }
      return { stream: true, events: events() };
    },
    async embeddings(body) {
      return echoEmbeddings(body);
    },
    async models() {
      return { object: 'list', data: [{ id: ECHO_MODEL, object: 'model', created: 0, owned_by: 'bulwark' }] };
    },
    async close() {},
  };
}
