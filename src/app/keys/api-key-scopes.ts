/** What a key may do: call chat completions, embeddings, or manage keys. */
export const API_KEY_SCOPES = ['chat', 'embeddings', 'admin'] as const;

/** One scope of {@link API_KEY_SCOPES}. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** True when `name` is a known scope. */
export function isApiKeyScope(name: string): name is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(name);
}
