/** A chat request as it goes upstream: an OpenAI `/v1/chat/completions` body, already cleaned. */
export type ChatBody = Readonly<Record<string, unknown>>;

/** An embeddings request as it goes upstream: an OpenAI `/v1/embeddings` body, already cleaned. */
export type EmbeddingsBody = Readonly<Record<string, unknown>>;

/** Per-call options of an {@link Upstream}. */
export interface UpstreamCallOptions {
  /** Aborted when the client goes away; the upstream call must stop then. */
  readonly signal: AbortSignal;
  /**
   * The body as JSON text, when the caller already has it (`JSON.stringify(body)` exactly): an
   * upstream that sends the body unchanged sends this instead of serializing it again.
   */
  readonly bodyJson?: string | undefined;
}

/**
 * What an upstream answered: a whole JSON completion, or the parsed events of an SSE stream
 * (each a `chat.completion.chunk` object; the `[DONE]` marker is not yielded). Iterating the
 * events throws a `BulwarkError` when the stream breaks off or is malformed.
 */
export type ChatResult =
  | { readonly stream: false; readonly body: unknown }
  | { readonly stream: true; readonly events: AsyncIterable<unknown> };

/**
 * A model provider behind the gateway. Built-ins (echo, OpenAI-compatible) implement exactly
 * this; errors are `BulwarkError`s with `ERR_UPSTREAM_*` codes (see `UpstreamError`).
 */
export interface Upstream {
  /** Shown in the start banner and health output (`echo`, `openai`). */
  readonly kind: string;
  /** Sends a chat completion request; streams when `body.stream` is true. */
  chat(body: ChatBody, options: UpstreamCallOptions): Promise<ChatResult>;
  /** Sends an embeddings request; resolves to the provider's JSON answer (OpenAI list shape). */
  embeddings(body: EmbeddingsBody, options: UpstreamCallOptions): Promise<unknown>;
  /** The provider's `GET /models` answer (OpenAI list shape). */
  models(options: UpstreamCallOptions): Promise<unknown>;
  /** Releases connections. */
  close(): Promise<void>;
}
