import { describe, expect, it } from 'vitest';
import { InMemoryVault } from '../anonymize/index.js';
import { createScanner } from '../scan/index.js';
import { createGuard } from './guard.js';

const EMAIL = 'maria.keller@example.com';
const PHONE = '+1 415 555 0132';
const CARD = '4111 1111 1111 1111';
const NAME = 'Maria Keller';
const PLANTED = [EMAIL, PHONE, CARD, NAME];

const scanner = createScanner({ entities: ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'PERSON'] });
const guard = createGuard({ scanner });

function chatBody() {
  return {
    model: 'gpt-x',
    user: EMAIL,
    messages: [
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: `Hi, I'm ${NAME}. Mail ${EMAIL} or call ${PHONE}.` },
      { role: 'user', content: [{ type: 'text', text: `😀 card ${CARD}, again ${EMAIL}` }, { type: 'image_url', image_url: { url: 'https://x/y.png' } }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ email: EMAIL, n: 3 }) } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: `found ${NAME}` },
    ],
  };
}

describe('guard.inspectRequest', () => {
  it('leaves no planted value anywhere in the cleaned body', () => {
    const { body } = guard.inspectRequest(chatBody());
    const json = JSON.stringify(body);
    for (const value of PLANTED) expect(json).not.toContain(value);
    expect(json).toContain('⟦EMAIL_1⟧');
  });

  it('gives the same value the same placeholder across all segments of the request', () => {
    const { body } = guard.inspectRequest(chatBody());
    const json = JSON.stringify(body);
    expect(json.match(/⟦EMAIL_\d+⟧/g)).toEqual(['⟦EMAIL_1⟧', '⟦EMAIL_1⟧', '⟦EMAIL_1⟧', '⟦EMAIL_1⟧']);
    expect(body.messages[1]!.content).toBe('Hi, I\'m ⟦PERSON_1⟧. Mail ⟦EMAIL_1⟧ or call ⟦PHONE_1⟧.');
    expect(body.messages[4]!.content).toBe('found ⟦PERSON_1⟧');
  });

  it('keeps tool arguments valid JSON and leaves non-text parts alone', () => {
    const { body } = guard.inspectRequest(chatBody());
    const args = JSON.parse(body.messages[3]!.tool_calls![0]!.function.arguments) as unknown;
    expect(args).toEqual({ email: '⟦EMAIL_1⟧', n: 3 });
    expect(body.messages[2]!.content).toEqual([
      { type: 'text', text: '😀 card ⟦CREDIT_CARD_1⟧, again ⟦EMAIL_1⟧' },
      { type: 'image_url', image_url: { url: 'https://x/y.png' } },
    ]);
  });

  it('counts findings by type, without values', () => {
    const { findings } = guard.inspectRequest(chatBody());
    expect(findings).toEqual({ EMAIL_ADDRESS: 4, PHONE_NUMBER: 1, CREDIT_CARD: 1, PERSON: 2 });
  });

  it('never modifies its input', () => {
    const input = chatBody();
    const before = JSON.stringify(input);
    guard.inspectRequest(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('returns the very same body when there is nothing to protect', () => {
    const input = { model: 'm', messages: [{ role: 'user', content: 'What is 2 + 2?' }] };
    const r = guard.inspectRequest(input);
    expect(r.body).toBe(input);
    expect(r.findings).toEqual({});
  });

  it.each([null, 'text', 42, [], {}, { messages: 'no' }, { messages: [null, 1, { role: 'user' }] }])(
    'tolerates a body that is not a chat request: %j',
    (input) => {
      expect(guard.inspectRequest(input).body).toBe(input);
    },
  );

  it('uses a caller-supplied vault, so a conversation can keep its numbering', () => {
    const vault = new InMemoryVault();
    vault.placeholderFor('EMAIL_ADDRESS', 'other@example.org');
    const { body } = guard.inspectRequest({ messages: [{ role: 'user', content: EMAIL }] }, vault);
    expect(body.messages[0]!.content).toBe('⟦EMAIL_2⟧');
  });

  it('follows the plan: types mapped to keep pass unchanged', () => {
    const g = createGuard({ scanner, plan: { default: { type: 'tokenize' }, byType: { PERSON: { type: 'keep' } } } });
    const { body, findings } = g.inspectRequest({ messages: [{ role: 'user', content: `${NAME}, ${EMAIL}` }] });
    expect(body.messages[0]!.content).toBe(`${NAME}, ⟦EMAIL_1⟧`);
    expect(findings).toEqual({ PERSON: 1, EMAIL_ADDRESS: 1 });
  });

  it('refuses an invalid plan when built, not on the first request', () => {
    expect(() => createGuard({ scanner, plan: { default: { type: 'nope' } as never } })).toThrow(
      expect.objectContaining({ code: 'ERR_ANONYMIZE_UNKNOWN_OPERATOR' }),
    );
  });
});

describe('guard.restoreResponse', () => {
  it('restores content and tool-call arguments of every choice', () => {
    const { vault } = guard.inspectRequest(chatBody());
    const response = {
      id: 'x',
      object: 'chat.completion',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Dear ⟦PERSON_1⟧, I wrote to [[email_1]].' }, finish_reason: 'stop' },
        {
          index: 1,
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 't', type: 'function', function: { name: 'send', arguments: '{"to":"⟦EMAIL_1⟧","card":"⟦CREDIT_CARD_1⟧"}' } }],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    };
    const out = guard.restoreResponse(response, vault);
    expect(out.choices[0]!.message.content).toBe(`Dear ${NAME}, I wrote to ${EMAIL}.`);
    expect(JSON.parse(out.choices[1]!.message.tool_calls![0]!.function.arguments)).toEqual({ to: EMAIL, card: CARD });
    expect(out.usage).toBe(response.usage);
    expect(response.choices[0]!.message.content).toContain('⟦PERSON_1⟧');
  });

  it('leaves placeholders the vault never issued, and returns the input when nothing changed', () => {
    const { vault } = guard.inspectRequest({ messages: [{ role: 'user', content: EMAIL }] });
    const response = { choices: [{ index: 0, message: { role: 'assistant', content: 'Unknown ⟦PHONE_7⟧ stays.' } }] };
    expect(guard.restoreResponse(response, vault)).toBe(response);
  });
});
