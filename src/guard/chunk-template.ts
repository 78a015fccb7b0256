import type { JsonObject } from '../core/json-object.js';

/** Chunk fields a closing chunk repeats. */
const FIELDS = ['id', 'object', 'created', 'model', 'system_fingerprint'] as const;

/**
 * What a stream's closing chunk repeats from the last chunk seen: `object` (default
 * `chat.completion.chunk`), `id`, `created`, `model` and `system_fingerprint`, when it had them.
 * Every chunk of a stream usually carries the same values, so an update that changes nothing
 * allocates nothing (this runs for every chunk).
 */
export class ChunkTemplate {
  #fields: JsonObject = { object: 'chat.completion.chunk' };
  /** Bit i set: `FIELDS[i]` is an own field of the chunk `#fields` was taken from. */
  #own = 0;

  /** Takes the fields of `chunk`. */
  update(chunk: JsonObject): void {
    let own = 0;
    for (let i = 0; i < FIELDS.length; i++) if (Object.hasOwn(chunk, FIELDS[i]!)) own |= 1 << i;
    if (own === this.#own && this.#sameValues(chunk, own)) return;
    const fields: JsonObject = { object: 'chat.completion.chunk' };
    for (const f of FIELDS) if (Object.hasOwn(chunk, f)) fields[f] = chunk[f];
    this.#fields = fields;
    this.#own = own;
  }

  /** A closing chunk: the fields, then `choices`. */
  closing(choices: unknown[]): JsonObject {
    return { ...this.#fields, choices };
  }

  #sameValues(chunk: JsonObject, own: number): boolean {
    for (let i = 0; i < FIELDS.length; i++) {
      const f = FIELDS[i]!;
      if ((own & (1 << i)) !== 0 && chunk[f] !== this.#fields[f]) return false;
    }
    return true;
  }
}
