/** A parsed JSON object (as `JSON.parse` returns it), read field by field. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object: not `null`, not an array. Request and response bodies are walked with it. */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
