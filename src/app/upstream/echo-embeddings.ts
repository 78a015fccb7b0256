import { createHash } from 'node:crypto';
import type { EmbeddingsBody } from './upstream.js';

/** Vector length when the request names no `dimensions` (small: the echo model is for trying things out). */
export const ECHO_EMBEDDING_DIMENSIONS = 32;
const MAX_DIMENSIONS = 4096;

/** The inputs of an embeddings body, one string per vector (token arrays as their JSON). */
function inputsOf(body: EmbeddingsBody): string[] {
  const input = body['input'];
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input)) return [];
  // An array of numbers is one tokenized input; an array of strings or of token arrays is several.
  if (input.every((x) => typeof x === 'number')) return [JSON.stringify(input)];
  return input.map((x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x)));
}

/** A unit vector derived from SHA-256 of `text`: the same text always gets the same vector. */
function vectorOf(text: string, dimensions: number): number[] {
  const out = new Array<number>(dimensions);
  let norm = 0;
  for (let block = 0; block * 16 < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}\u0000${text}`).digest();
    for (let j = 0; j < 16 && block * 16 + j < dimensions; j++) {
      const v = digest.readInt16LE(j * 2) / 32768;
      out[block * 16 + j] = v;
      norm += v * v;
    }
  }
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  return out.map((v) => v * scale);
}

/** `floats` as OpenAI's `encoding_format: "base64"` sends them: little-endian float32 bytes. */
function base64Of(floats: number[]): string {
  const bytes = Buffer.alloc(floats.length * 4);
  floats.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes.toString('base64');
}

/**
 * The echo model's embeddings answer: deterministic hash-based unit vectors (no meaning, but
 * stable, so caching and equality checks work offline), in the float or base64 encoding asked
 * for, with a rough `usage`.
 */
export function echoEmbeddings(body: EmbeddingsBody): Record<string, unknown> {
  const inputs = inputsOf(body);
  const requested = body['dimensions'];
  const dimensions =
    typeof requested === 'number' && Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_DIMENSIONS) : ECHO_EMBEDDING_DIMENSIONS;
  const base64 = body['encoding_format'] === 'base64';
  const promptTokens = inputs.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
  return {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = vectorOf(text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? base64Of(vector) : vector };
    }),
    model: typeof body['model'] === 'string' ? body['model'] : 'echo',
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
