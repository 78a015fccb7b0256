import { describe, expect, it } from 'vitest';
import { toAnthropicRequest } from './anthropic-request.js';
import { fromAnthropicMessage } from './anthropic-response.js';

const defaults = { maxTokens: 100 };
const map = (body: Record<string, unknown>): Record<string, unknown> => toAnthropicRequest({ model: 'm', ...body }, defaults);

describe('toAnthropicRequest', () => {
  it.each([
    ['string content', [{ role: 'user', content: 'hi' }], [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]],
    [
      'text and image parts (data URL and remote)',
      [{ role: 'user', content: [{ type: 'text', text: '😀a' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,QUJD' } }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] }],
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: '😀a' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'QUJD' } },
            { type: 'image', source: { type: 'url', url: 'https://x/y.png' } },
          ],
        },
      ],
    ],
    [
      'consecutive user turns merged',
      [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }],
      [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }],
    ],
    ['an empty user turn', [{ role: 'user', content: '' }], [{ role: 'user', content: [{ type: 'text', text: ' ' }] }]],
    [
      'parallel tool results in one user turn, then the user',
      [
        { role: 'assistant', content: 'ok', tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }, { id: 'b', type: 'function', function: { name: 'g', arguments: '' } }] },
        { role: 'tool', tool_call_id: 'a', content: 'r1' },
        { role: 'tool', tool_call_id: 'b', content: [{ type: 'text', text: 'r2' }] },
        { role: 'user', content: 'next' },
      ],
      [
        { role: 'assistant', content: [{ type: 'text', text: 'ok' }, { type: 'tool_use', id: 'a', name: 'f', input: { x: 1 } }, { type: 'tool_use', id: 'b', name: 'g', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: 'r1' }, { type: 'tool_result', tool_use_id: 'b', content: 'r2' }, { type: 'text', text: 'next' }] },
      ],
    ],
  ])('maps %s', (_name, messages, expected) => {
    expect(map({ messages }).messages).toEqual(expected);
  });

  it('joins system and developer messages into system, wherever they are', () => {
    const out = map({ messages: [{ role: 'system', content: 'one' }, { role: 'user', content: 'u' }, { role: 'developer', content: [{ type: 'text', text: 'two' }] }] });
    expect(out.system).toBe('one\n\ntwo');
    expect(out.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'u' }] }]);
  });

  it.each([
    [{}, { max_tokens: 100 }],
    [{ max_tokens: 7 }, { max_tokens: 7 }],
    [{ max_tokens: 7, max_completion_tokens: 9 }, { max_tokens: 9 }],
    [{ temperature: 1.7 }, { temperature: 1 }],
    [{ stop: ['a', 'b'] }, { stop_sequences: ['a', 'b'] }],
    [{ stream: true }, { stream: true }],
    [{ tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'function', function: { name: 'f' } }, parallel_tool_calls: false }, { tools: [{ name: 'f', input_schema: { type: 'object', properties: {} } }], tool_choice: { type: 'tool', name: 'f', disable_parallel_tool_use: true } }],
  ])('maps parameters %j', (params, expected) => {
    expect(map({ messages: [{ role: 'user', content: 'x' }], ...params })).toMatchObject(expected);
  });

  it('drops what Anthropic has no field for', () => {
    const out = map({ messages: [{ role: 'user', content: 'x' }], n: 2, seed: 1, frequency_penalty: 1, tool_choice: 'auto', stream_options: { include_usage: true } });
    expect(Object.keys(out).sort()).toEqual(['max_tokens', 'messages', 'model']);
  });

  it.each([
    ['an unknown role', [{ role: 'function', content: 'x' }]],
    ['a message that is not an object', ['x']],
    ['tool arguments that are not JSON', [{ role: 'assistant', tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{' } }] }]],
    ['tool arguments that are an array', [{ role: 'assistant', tool_calls: [{ id: 'a', function: { name: 'f', arguments: '[1]' } }] }]],
  ])('refuses %s with ERR_REQUEST_INVALID_BODY', (_name, messages) => {
    expect(() => map({ messages })).toThrow(expect.objectContaining({ code: 'ERR_REQUEST_INVALID_BODY' }));
  });
});

describe('fromAnthropicMessage', () => {
  it('joins text, turns tool_use into tool_calls, maps usage', () => {
    const out = fromAnthropicMessage({
      type: 'message',
      id: 'msg_1',
      model: 'c',
      content: [{ type: 'thinking', thinking: 'x' }, { type: 'tool_use', id: 't', name: 'f', input: { a: '😀' } }],
      stop_reason: 'tool_use',
      usage: { input_tokens: 3, output_tokens: 4 },
    });
    expect(out).toMatchObject({
      id: 'msg_1',
      object: 'chat.completion',
      choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{"a":"😀"}' } }] }, finish_reason: 'tool_calls' }],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    });
  });

  it.each([[{}], [{ type: 'error', error: {} }], [{ type: 'message', content: 'text' }]])('refuses a body that is not a message: %j', (body) => {
    expect(() => fromAnthropicMessage(body)).toThrow(expect.objectContaining({ code: 'ERR_UPSTREAM_BAD_RESPONSE' }));
  });
});
