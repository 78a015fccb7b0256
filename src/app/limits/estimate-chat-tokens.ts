/** Characters per token: the usual rough rule for English text and BPE tokenizers. */
const CHARS_PER_TOKEN = 4;

/** A rough token count of `text` (characters / 4, rounded up). */
export function countTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, part: unknown) => n + textLength(part), 0);
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    return textLength(o['text']) + textLength(o['content']) + textLength(o['arguments']) + textLength(o['function']);
  }
  return 0;
}

const MAX_TOKEN_FIELDS = ['max_completion_tokens', 'max_tokens'] as const;

/** The completion tokens a chat body asks for: max_completion_tokens, else max_tokens, else undefined. */
export function requestedMaxTokens(body: Readonly<Record<string, unknown>>): number | undefined {
  for (const name of MAX_TOKEN_FIELDS) {
    const v = body[name];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.ceil(v);
  }
  return undefined;
}

/** A chat request's token estimate (see {@link estimateChatTokens}). */
export interface ChatTokenEstimate {
  /** The prompt: the text of every message (content strings and parts, tool-call arguments) at 4 characters a token. */
  readonly prompt: number;
  /** What to reserve before the upstream call: the prompt plus the completion it may produce (max_tokens, or the default, times `n` choices). */
  readonly total: number;
}

/** Estimates a chat request's tokens in one walk over its messages (see {@link ChatTokenEstimate}). */
export function estimateChatTokens(body: Readonly<Record<string, unknown>>, defaultMaxTokens: number): ChatTokenEstimate {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : [];
  let chars = 0;
  for (const m of messages) {
    if (typeof m !== 'object' || m === null) continue;
    const msg = m as Record<string, unknown>;
    chars += textLength(msg['content']) + textLength(msg['tool_calls']) + textLength(msg['name']);
  }
  const prompt = Math.ceil(chars / CHARS_PER_TOKEN);
  const n = typeof body['n'] === 'number' && body['n'] >= 1 ? Math.ceil(body['n']) : 1;
  return { prompt, total: prompt + n * (requestedMaxTokens(body) ?? defaultMaxTokens) };
}
