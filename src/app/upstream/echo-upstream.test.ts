import { describe, expect, it } from 'vitest';
import { echoUpstream } from './echo-upstream.js';

const signal = new AbortController().signal;
type Chunk = { choices: { delta: { content?: string }; finish_reason: string | null }[]; usage?: unknown };

describe('echoUpstream', () => {
  it.each([
    ['a string message', [{ role: 'user', content: 'hello' }], 'Echo: hello'],
    ['the last user message', [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }], 'Echo: c'],
    ['text parts only', [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'image_url', image_url: { url: 'u' } }, { type: 'text', text: 'y' }] }], 'Echo: x\ny'],
    ['no user message', [{ role: 'system', content: 's' }], 'Echo: '],
    ['garbage messages', [null, 3, 'x'], 'Echo: '],
  ])('answers %s', async (_name, messages, content) => {
    const r = await echoUpstream().chat({ model: 'm', messages }, { signal });
    expect(r.stream).toBe(false);
    expect(!r.stream && (r.body as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe(content);
  });

  it('streams pieces that join to the answer, never splitting a surrogate pair, then finishes', async () => {
    const text = '😀😀😀 abc 👍🏽 end';
    const r = await echoUpstream().chat({ model: 'm', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: text }] }, { signal });
    if (!r.stream) throw new Error('expected a stream');
    const chunks: Chunk[] = [];
    for await (const c of r.events) chunks.push(c as Chunk);
    const pieces = chunks.flatMap((c) => c.choices.map((ch) => ch.delta.content ?? ''));
    expect(pieces.join('')).toBe(`Echo: ${text}`);
    for (const p of pieces) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.at(-1)!.usage).toBeDefined();
  });
});
