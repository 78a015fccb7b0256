import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Random bytes for 512 ids per refill: one `randomFillSync` call instead of one per request. */
const BYTES_PER_ID = 10; // counter seed (2), variant byte (1), random tail (7)
const POOL_SIZE = BYTES_PER_ID * 512;
const COUNTER_MAX = 0xfff;

/**
 * A generator of request ids: UUID version 7 (RFC 9562), the 48-bit Unix time in milliseconds
 * followed by a 12-bit counter and 62 random bits. Ids from one generator sort in the order they
 * were made (within a millisecond the counter, started at a random value below 2048, counts up;
 * should it run out, the time is borrowed one millisecond ahead), which keeps the audit log's
 * request-id index an append at its right edge: with random (v4) ids every batch of records
 * rewrote pages all over the index, several times the cost of the records themselves.
 * The random part still makes ids unguessable enough for correlation; they are not secrets.
 */
export function requestIdGenerator(now: () => number = Date.now): () => string {
  const pool = Buffer.alloc(POOL_SIZE);
  let offset = POOL_SIZE;
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);
  return () => {
    if (offset === POOL_SIZE) {
      randomFillSync(pool);
      offset = 0;
    }
    let ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = ((pool[offset]! << 8) | pool[offset + 1]!) & 0x7ff;
    } else if (counter < COUNTER_MAX) {
      // The same millisecond (or a clock that stepped back): keep counting on the last one.
      ms = lastMs;
      counter++;
    } else {
      ms = ++lastMs;
      counter = 0;
    }
    // 48-bit time, big-endian (written as 16 + 32 bits: bitwise operators are 32-bit).
    const high = Math.floor(ms / 2 ** 32);
    const low = ms >>> 0;
    bytes[0] = high >>> 8;
    bytes[1] = high;
    bytes[2] = low >>> 24;
    bytes[3] = low >>> 16;
    bytes[4] = low >>> 8;
    bytes[5] = low;
    bytes[6] = 0x70 | (counter >>> 8);
    bytes[7] = counter;
    bytes[8] = 0x80 | (pool[offset + 2]! & 0x3f);
    for (let i = 9; i < 16; i++) bytes[i] = pool[offset + i - 6]!;
    offset += BYTES_PER_ID;
    const h = (i: number): string => HEX[bytes[i]!]!;
    return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
  };
}
