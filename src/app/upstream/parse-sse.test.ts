import { describe, expect, it } from 'vitest';
import { parseSse, type SseEvent } from './parse-sse.js';

const enc = new TextEncoder();

async function collect(pieces: readonly (string | Uint8Array)[], max = 1 << 20): Promise<SseEvent[]> {
  async function* body(): AsyncGenerator<Uint8Array> {
    for (const p of pieces) yield typeof p === 'string' ? enc.encode(p) : p;
  }
  const out: SseEvent[] = [];
  for await (const e of parseSse(body(), max)) out.push(e);
  return out;
}

/** Every way of cutting `text` in two, as bytes (so multi-byte characters get split too). */
function allSplits(text: string): Uint8Array[][] {
  const bytes = enc.encode(text);
  const out: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) out.push([bytes.slice(0, i), bytes.slice(i)]);
  return out;
}

describe('parseSse', () => {
  it('yields the same events however the bytes are cut', async () => {
    const text = 'data: {"a":"😀 é"}\n\n: keep-alive\n\nevent: error\ndata: x\n\ndata: [DONE]\n\n';
    const expected = [
      { event: undefined, data: '{"a":"😀 é"}' },
      { event: 'error', data: 'x' },
      { event: undefined, data: '[DONE]' },
    ];
    for (const pieces of allSplits(text)) expect(await collect(pieces)).toEqual(expected);
  });

  it.each([
    ['CRLF line ends', 'data: a\r\n\r\ndata: b\r\n\r\n', ['a', 'b']],
    ['CR line ends', 'data: a\r\rdata: b\r\r', ['a', 'b']],
    ['multi-line data', 'data: a\ndata: b\n\n', ['a\nb']],
    ['no space after the colon', 'data:a\n\n', ['a']],
    ['a last event without the blank line', 'data: a\n\ndata: b', ['a', 'b']],
    ['comments and unknown fields only', ': hi\nid: 3\nretry: 10\n\n', []],
    ['an empty stream', '', []],
  ])('handles %s', async (_name, text, data) => {
    for (const pieces of allSplits(text)) expect((await collect(pieces)).map((e) => e.data)).toEqual(data);
  });

  it('refuses an event larger than the limit instead of buffering it', async () => {
    await expect(collect(['data: ', 'x'.repeat(5000)], 1024)).rejects.toMatchObject({ code: 'ERR_UPSTREAM_STREAM_FAILED' });
    await expect(collect(['data: ' + 'x'.repeat(600) + '\n', 'data: ' + 'x'.repeat(600) + '\n'], 1024)).rejects.toMatchObject({
      code: 'ERR_UPSTREAM_STREAM_FAILED',
    });
    expect(await collect(['data: ' + 'x'.repeat(600) + '\n\n', 'data: ' + 'x'.repeat(600) + '\n\n'], 1024)).toHaveLength(2);
  });
});
