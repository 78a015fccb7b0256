import { describe, expect, it } from 'vitest';
import { countTokens, estimateChatTokens, requestedMaxTokens } from './estimate-chat-tokens.js';

describe('estimateChatTokens', () => {
  it.each([
    ['empty body', {}, 7, 7],
    ['string content', { messages: [{ role: 'user', content: 'abcdefgh' }] }, 0, 2],
    ['5 chars round up', { messages: [{ role: 'user', content: 'abcde' }] }, 0, 2],
    ['emoji count as UTF-16 units', { messages: [{ role: 'user', content: '🙂🙂' }] }, 0, 1],
    ['content parts', { messages: [{ role: 'user', content: [{ type: 'text', text: 'abcd' }, { type: 'image_url', image_url: { url: 'x' } }] }] }, 0, 1],
    ['tool call arguments', { messages: [{ role: 'assistant', content: null, tool_calls: [{ function: { name: 'f', arguments: '{"a":1}' } }] }] }, 0, 2],
    ['max_tokens replaces the default', { max_tokens: 10, messages: [] }, 99, 10],
    ['max_completion_tokens wins', { max_completion_tokens: 3, max_tokens: 10 }, 99, 3],
    ['n choices', { n: 3, max_tokens: 10 }, 99, 30],
    ['junk messages ignored', { messages: [null, 5, 'x'] }, 1, 1],
  ])('%s', (_name, body, fallback, expected) => {
    expect(estimateChatTokens(body as Record<string, unknown>, fallback).total).toBe(expected);
  });

  it('ignores non-numeric or negative max_tokens', () => {
    expect(requestedMaxTokens({ max_tokens: '5' })).toBeUndefined();
    expect(requestedMaxTokens({ max_tokens: -1 })).toBeUndefined();
    expect(requestedMaxTokens({ max_tokens: Number.NaN })).toBeUndefined();
    expect(countTokens('')).toBe(0);
  });
});

describe('estimateChatTokens: prompt and total', () => {
  it('splits the estimate into the prompt (max_tokens aside) and the total with the completion reserve', () => {
    const body = { n: 2, max_tokens: 50, messages: [{ role: 'user', content: 'x'.repeat(41) }, { role: 'assistant', content: [{ type: 'text', text: 'abcd' }] }] };
    expect(estimateChatTokens(body, 1000).prompt).toBe(12);
    expect(estimateChatTokens({ ...body, max_tokens: 0 }, 1000).prompt).toBe(12);
    expect(estimateChatTokens(body, 1000).total - estimateChatTokens(body, 1000).prompt).toBe(100);
    expect(estimateChatTokens({ messages: [] }, 1000).total).toBe(1000);
  });
});
