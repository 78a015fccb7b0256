import { applySegments, listChatSegments, restore, type SegmentReplacement, type Vault } from '../anonymize/index.js';

/**
 * Puts the original values back into a whole (non-streamed) chat completion: every text of
 * `choices[].message` — content, refusal, tool-call and function-call arguments (leaf by leaf,
 * re-serialized as JSON). Returns the input itself when nothing changed, a copy otherwise.
 */
export function restoreResponse<T>(response: T, vault: Vault): T {
  const replacements: SegmentReplacement[] = [];
  for (const segment of listChatSegments(response)) {
    if (segment.path[0] !== 'choices') continue;
    const text = restore(segment.text, vault);
    if (text !== segment.text) replacements.push({ path: segment.path, text });
  }
  return applySegments(response, replacements);
}
