import { describe, expect, it } from 'vitest';
import { anthropicChunks } from './anthropic-stream.js';
import type { SseEvent } from './parse-sse.js';

type Chunk = {
  id: string;
  model: string;
  choices: { delta: { role?: string; content?: string; tool_calls?: { index: number; id?: string; function: { name?: string; arguments: string } }[] }; finish_reason: string | null }[];
  usage?: unknown;
};

const ev = (data: unknown): SseEvent => ({ event: (data as { type?: string }).type, data: JSON.stringify(data) });

async function run(events: SseEvent[], includeUsage = false): Promise<Chunk[]> {
  async function* source(): AsyncGenerator<SseEvent> {
    yield* events;
  }
  const out: Chunk[] = [];
  for await (const c of anthropicChunks(source(), { includeUsage, model: 'asked' })) out.push(c as Chunk);
  return out;
}

const start = ev({ type: 'message_start', message: { id: 'msg_1', model: 'claude-real', usage: { input_tokens: 5, cache_read_input_tokens: 2, output_tokens: 1 } } });
const stop = ev({ type: 'message_stop' });
const delta = (reason: string): SseEvent => ev({ type: 'message_delta', delta: { stop_reason: reason }, usage: { output_tokens: 9 } });

describe('anthropicChunks', () => {
  it('maps text, thinking (skipped), two tool calls and the finish, keeping Anthropic ids and model', async () => {
    const chunks = await run(
      [
        start,
        ev({ type: 'ping' }),
        ev({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } }),
        ev({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } }),
        ev({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }),
        ev({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: '😀 hi ⟦EMA' } }),
        ev({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'IL_1⟧' } }),
        ev({ type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_a', name: 'f', input: {} } }),
        ev({ type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a":' } }),
        ev({ type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 'toolu_b', name: 'g', input: {} } }),
        ev({ type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{}' } }),
        ev({ type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } }),
        ev({ type: 'some_future_event' }),
        delta('tool_use'),
        stop,
      ],
      true,
    );
    expect(chunks.every((c) => c.id === 'msg_1' && c.model === 'claude-real')).toBe(true);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('😀 hi ⟦EMAIL_1⟧');
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    const args = (k: number): string => calls.filter((c) => c.index === k).map((c) => c.function.arguments).join('');
    expect(calls.filter((c) => c.id !== undefined).map((c) => [c.index, c.id, c.function.name])).toEqual([
      [0, 'toolu_a', 'f'],
      [1, 'toolu_b', 'g'],
    ]);
    expect([args(0), args(1)]).toEqual(['{"a":1}', '{}']);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 } });
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['refusal', 'content_filter'],
    ['something_new', 'stop'],
  ])('maps stop_reason %s to finish_reason %s, with no usage chunk unless asked', async (reason, finish) => {
    const chunks = await run([start, delta(reason), stop]);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe(finish);
    expect(chunks.some((c) => c.usage !== undefined)).toBe(false);
  });

  it.each([
    ['an error event, even if more follows', [start, ev({ type: 'error', error: { type: 'overloaded_error', message: 'x' } }), delta('end_turn'), stop]],
    ['an event that is not JSON', [start, { event: 'content_block_delta', data: '{oops' }]],
    ['an event that is not an object', [start, { event: undefined, data: '[1]' }]],
    ['a stream without message_stop', [start, delta('end_turn')]],
    ['an empty stream', []],
    ['tool input for a block never opened', [start, ev({ type: 'content_block_delta', index: 4, delta: { type: 'input_json_delta', partial_json: '{}' } })]],
  ])('fails with ERR_UPSTREAM_STREAM_FAILED on %s', async (_name, events) => {
    await expect(run(events as SseEvent[])).rejects.toMatchObject({ code: 'ERR_UPSTREAM_STREAM_FAILED' });
  });
});
