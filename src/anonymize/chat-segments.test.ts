import { describe, expect, it } from 'vitest';
import { applySegments } from './apply-segments.js';
import { listChatSegments, MAX_SCHEMA_DEPTH } from './list-chat-segments.js';

const request = {
  model: 'gpt-4o',
  user: 'customer-ann@example.com',
  temperature: 0.2,
  x_vendor: { keep: ['me'] },
  messages: [
    { role: 'system', content: 'You are helpful.' },
    { role: 'user', name: 'Ann', content: 'My email is ann@example.com' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Card 4111 1111 1111 1111' },
        { type: 'image_url', image_url: { url: 'https://img.example/ann.png' } },
        { type: 'text', text: 'thanks' },
      ],
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'lookup', arguments: '{"email":"ann@example.com","opts":{"tags":["vip","Ann Lee"],"n":3}}' },
        },
        { id: 'call_2', type: 'function', function: { name: 'raw', arguments: 'not json: ann@example.com' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '{"name":"Ann Lee"}' },
    { role: 'function', name: 'legacy', content: 'result text' },
  ],
};

describe('listChatSegments', () => {
  it('lists every text of a request with its path, kind and role', () => {
    expect(listChatSegments(request)).toEqual([
      { path: ['user'], text: 'customer-ann@example.com', kind: 'user' },
      { path: ['messages', 0, 'content'], text: 'You are helpful.', kind: 'content', role: 'system' },
      { path: ['messages', 1, 'content'], text: 'My email is ann@example.com', kind: 'content', role: 'user' },
      { path: ['messages', 1, 'name'], text: 'Ann', kind: 'name', role: 'user' },
      { path: ['messages', 2, 'content', 0, 'text'], text: 'Card 4111 1111 1111 1111', kind: 'content_part', role: 'user' },
      { path: ['messages', 2, 'content', 2, 'text'], text: 'thanks', kind: 'content_part', role: 'user' },
      {
        path: ['messages', 3, 'tool_calls', 0, 'function', 'arguments', 'email'],
        text: 'ann@example.com',
        kind: 'tool_arguments',
        role: 'assistant',
      },
      {
        path: ['messages', 3, 'tool_calls', 0, 'function', 'arguments', 'opts', 'tags', 0],
        text: 'vip',
        kind: 'tool_arguments',
        role: 'assistant',
      },
      {
        path: ['messages', 3, 'tool_calls', 0, 'function', 'arguments', 'opts', 'tags', 1],
        text: 'Ann Lee',
        kind: 'tool_arguments',
        role: 'assistant',
      },
      {
        path: ['messages', 3, 'tool_calls', 1, 'function', 'arguments'],
        text: 'not json: ann@example.com',
        kind: 'tool_arguments',
        role: 'assistant',
      },
      { path: ['messages', 4, 'content'], text: '{"name":"Ann Lee"}', kind: 'tool_result', role: 'tool' },
      { path: ['messages', 5, 'content'], text: 'result text', kind: 'tool_result', role: 'function' },
      { path: ['messages', 5, 'name'], text: 'legacy', kind: 'name', role: 'function' },
    ]);
  });

  it('lists the response side: message content, refusal, tool calls, legacy function_call and deltas', () => {
    const response = {
      id: 'chatcmpl-1',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hi ⟦PERSON_1⟧', refusal: null } },
        { index: 1, message: { role: 'assistant', content: null, refusal: 'I cannot share ⟦EMAIL_1⟧' } },
        { index: 2, message: { role: 'assistant', function_call: { name: 'f', arguments: '["⟦EMAIL_1⟧"]' } } },
        { index: 3, delta: { content: 'partial' } },
      ],
    };
    expect(listChatSegments(response).map((s) => [s.path.join('.'), s.kind])).toEqual([
      ['choices.0.message.content', 'content'],
      ['choices.1.message.refusal', 'refusal'],
      ['choices.2.message.function_call.arguments.0', 'tool_arguments'],
      ['choices.3.delta.content', 'content'],
    ]);
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', [{ role: 'user', content: 'x' }]],
    ['messages that is not an array', { messages: { 0: { content: 'x' } } }],
    ['non-object messages', { messages: [null, 3, 'text', []] }],
    ['non-string content and parts', { messages: [{ role: 'user', content: 5 }, { content: [null, { type: 'text', text: 5 }, 'raw'] }] }],
    ['tool calls of the wrong shape', { messages: [{ tool_calls: [null, { function: null }, { function: { arguments: {} } }] }] }],
    ['a numeric user', { user: 42 }],
  ])('lists nothing for %s', (_name, body) => {
    expect(listChatSegments(body)).toEqual([]);
  });

  it('lists arguments that are JSON but not an object or array as one raw string', () => {
    const body = { messages: [{ role: 'assistant', tool_calls: [{ function: { arguments: '"ann@example.com"' } }] }] };
    expect(listChatSegments(body)).toEqual([
      {
        path: ['messages', 0, 'tool_calls', 0, 'function', 'arguments'],
        text: '"ann@example.com"',
        kind: 'tool_arguments',
        role: 'assistant',
      },
    ]);
  });

  it('lists hostile nesting as one raw string instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + '"x"' + ']'.repeat(100_000);
    const body = { messages: [{ tool_calls: [{ function: { arguments: deep } }] }] };
    const [seg] = listChatSegments(body);
    expect(seg?.path).toEqual(['messages', 0, 'tool_calls', 0, 'function', 'arguments']);
    expect(seg?.text).toBe(deep);
  });

  it('ignores inherited properties', () => {
    const proto = { content: 'inherited secret' };
    const message = Object.create(proto) as Record<string, unknown>;
    message['role'] = 'user';
    expect(listChatSegments({ messages: [message] })).toEqual([]);
  });
});

describe('listChatSegments: tool definitions', () => {
  const withTools = {
    messages: [{ role: 'user', content: 'hi' }],
    tools: [
      {
        type: 'function',
        function: {
          name: 'send_mail',
          description: 'Mails ann@example.com',
          parameters: {
            type: 'object',
            description: 'Mail options',
            properties: {
              to: { type: 'string', description: 'Default: Ann Lee' },
              description: { type: 'string', description: 'a property named description' },
              tags: { type: 'array', items: { type: 'string', description: 'tag, e.g. vip' } },
              pair: { type: 'array', items: [{ description: 'first' }, { description: 7 }] },
              when: { anyOf: [{ type: 'string', description: 'ISO date' }, { type: 'null' }] },
            },
            $defs: { addr: { type: 'object', properties: { street: { description: '1 Main St' } } } },
          },
        },
      },
      { type: 'custom', custom: { name: 'grammar', description: 'free-form tool' } },
      null,
      { type: 'function', function: { name: 'bare' } },
    ],
    functions: [{ name: 'legacy', description: 'legacy function', parameters: { properties: { q: { description: 'query' } } } }],
  };

  it("lists each description as a 'tool_schema' segment, after the messages", () => {
    expect(listChatSegments(withTools).map((s) => [s.path.join('.'), s.text, s.kind])).toEqual([
      ['messages.0.content', 'hi', 'content'],
      ['tools.0.function.description', 'Mails ann@example.com', 'tool_schema'],
      ['tools.0.function.parameters.description', 'Mail options', 'tool_schema'],
      ['tools.0.function.parameters.properties.to.description', 'Default: Ann Lee', 'tool_schema'],
      ['tools.0.function.parameters.properties.description.description', 'a property named description', 'tool_schema'],
      ['tools.0.function.parameters.properties.tags.items.description', 'tag, e.g. vip', 'tool_schema'],
      ['tools.0.function.parameters.properties.pair.items.0.description', 'first', 'tool_schema'],
      ['tools.0.function.parameters.properties.when.anyOf.0.description', 'ISO date', 'tool_schema'],
      ['tools.0.function.parameters.$defs.addr.properties.street.description', '1 Main St', 'tool_schema'],
      ['tools.1.custom.description', 'free-form tool', 'tool_schema'],
      ['functions.0.description', 'legacy function', 'tool_schema'],
      ['functions.0.parameters.properties.q.description', 'query', 'tool_schema'],
    ]);
  });

  it('writes tool descriptions back with applySegments, changing nothing else', () => {
    const segments = listChatSegments(withTools);
    const out = applySegments(withTools, segments.map((s) => ({ path: s.path, text: s.text.toUpperCase() })));
    const fn = out.tools[0]!.function!;
    expect(fn.description).toBe('MAILS ANN@EXAMPLE.COM');
    expect(fn.parameters!.properties.to).toEqual({ type: 'string', description: 'DEFAULT: ANN LEE' });
    expect(fn.parameters!.properties.pair.items).toEqual([{ description: 'FIRST' }, { description: 7 }]);
    expect(fn.name).toBe('send_mail');
    expect(out.functions[0]!.parameters.properties.q.description).toBe('QUERY');
    expect(withTools.tools[0]!.function!.description).toBe('Mails ann@example.com');
  });

  it.each([
    ['tools that is not an array', { tools: { 0: { function: { description: 'x' } } } }],
    ['non-object tools and functions', { tools: [null, 1, 'x', []], functions: [null, 'x'] }],
    ['non-string descriptions', { tools: [{ function: { description: 5, parameters: { description: ['x'], properties: { a: { description: { text: 'x' } } } } } }] }],
    ['schemas of the wrong shape', { tools: [{ function: { parameters: { properties: ['x'], items: 'x', anyOf: 'x', not: [[{ description: 'x' }]] } } }] }],
  ])('lists nothing for %s', (_name, body) => {
    expect(listChatSegments(body)).toEqual([]);
  });

  it('reads only own properties and treats "__proto__" as a plain property name', () => {
    const inherited = Object.create({ description: 'inherited secret' }) as Record<string, unknown>;
    expect(listChatSegments({ tools: [{ function: inherited }] })).toEqual([]);
    const body = JSON.parse('{"tools":[{"function":{"parameters":{"properties":{"__proto__":{"description":"ann@example.com"}}}}}]}') as Record<string, unknown>;
    const [seg] = listChatSegments(body);
    expect(seg?.path).toEqual(['tools', 0, 'function', 'parameters', 'properties', '__proto__', 'description']);
    const out = applySegments(body, [{ path: seg!.path, text: 'X' }]);
    expect(JSON.stringify(out)).toContain('"__proto__":{"description":"X"}');
    expect(({} as Record<string, unknown>)['description']).toBeUndefined();
  });

  it('stops walking schemas nested deeper than MAX_SCHEMA_DEPTH, without overflowing the stack', () => {
    let schema: Record<string, unknown> = { description: 'deepest' };
    for (let i = 0; i < 100_000; i++) schema = { items: schema, description: `level ${100_000 - i}` };
    const segments = listChatSegments({ tools: [{ function: { parameters: schema } }] });
    expect(segments).toHaveLength(MAX_SCHEMA_DEPTH + 1);
    expect(segments.at(-1)?.path).toHaveLength(4 + MAX_SCHEMA_DEPTH + 1);
  });
});

describe('applySegments', () => {
  it('writes every listed segment back, keeps unknown fields and leaves the input untouched', () => {
    const before = JSON.stringify(request);
    const segments = listChatSegments(request);
    const out = applySegments(
      request,
      segments.map((s) => ({ path: s.path, text: `<${s.text.length}>` })),
    );
    expect(JSON.stringify(request)).toBe(before);
    expect(out).not.toBe(request);
    expect(out.model).toBe('gpt-4o');
    expect(out.x_vendor).toEqual({ keep: ['me'] });
    expect(out.user).toBe('<24>');
    expect(out.messages[2]?.content).toEqual([
      { type: 'text', text: '<24>' },
      { type: 'image_url', image_url: { url: 'https://img.example/ann.png' } },
      { type: 'text', text: '<6>' },
    ]);
    const args = out.messages[3]?.tool_calls?.[0]?.function.arguments ?? '';
    expect(JSON.parse(args)).toEqual({ email: '<15>', opts: { tags: ['<3>', '<7>'], n: 3 } });
    expect(out.messages[3]?.tool_calls?.[1]?.function.arguments).toBe('<25>');
    expect(listChatSegments(out).map((s) => s.path)).toEqual(segments.map((s) => s.path));
  });

  it('keeps arguments valid JSON whatever the replacement contains', () => {
    const body = { messages: [{ tool_calls: [{ function: { arguments: '{"q":"a"}' } }] }] };
    const nasty = 'quote " backslash \\ newline \n ⟦EMAIL_1⟧ \u2028 😀';
    const out = applySegments(body, [{ path: ['messages', 0, 'tool_calls', 0, 'function', 'arguments', 'q'], text: nasty }]);
    expect(JSON.parse(out.messages[0]!.tool_calls[0]!.function.arguments)).toEqual({ q: nasty });
  });

  it('applies several replacements inside one arguments string', () => {
    const body = { messages: [{ tool_calls: [{ function: { arguments: '{"a":"1","b":["2","3"]}' } }] }] };
    const base = ['messages', 0, 'tool_calls', 0, 'function', 'arguments'];
    const out = applySegments(body, [
      { path: [...base, 'a'], text: 'A' },
      { path: [...base, 'b', 1], text: 'C' },
    ]);
    expect(out.messages[0]!.tool_calls[0]!.function.arguments).toBe('{"a":"A","b":["2","C"]}');
  });

  it('returns the body itself when there is nothing to replace', () => {
    expect(applySegments(request, [])).toBe(request);
  });

  it('writes many siblings in any order (past the point where lookups switch to a map)', () => {
    const body = { messages: Array.from({ length: 40 }, (_, i) => ({ role: 'user', content: `m${i}`, name: `n${i}` })) };
    // Reversed and interleaved, so the lookups are neither the last key nor in body order.
    const replacements = body.messages.flatMap((_, i) => [
      { path: ['messages', 39 - i, 'content'], text: `c${39 - i}` },
      { path: ['messages', (i * 7) % 40, 'name'], text: `x${(i * 7) % 40}` },
    ]);
    const out = applySegments(body, replacements);
    expect(out.messages).toEqual(body.messages.map((_, i) => ({ role: 'user', content: `c${i}`, name: `x${i}` })));
    expect(body.messages[0]).toEqual({ role: 'user', content: 'm0', name: 'n0' });
    expect(() => applySegments(body, [...replacements, { path: ['messages', 20, 'content', 'x'], text: '' }])).toThrow(
      expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_PATH' }),
    );
  });

  it('treats "__proto__" keys as plain data and pollutes nothing', () => {
    const body = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"messages":[{"role":"user","content":"hi","__proto__":{"x":1}}],' +
        '"tools":[],"m":[{"tool_calls":[{"function":{"arguments":"{\\"__proto__\\":{\\"admin\\":\\"ann\\"}}"}}]}]}',
    ) as Record<string, unknown>;
    const argsBody = { messages: body['m'] };
    const [seg] = listChatSegments(argsBody);
    expect(seg?.path).toEqual(['messages', 0, 'tool_calls', 0, 'function', 'arguments', '__proto__', 'admin']);
    const out = applySegments(argsBody, [{ path: seg!.path, text: 'X' }]) as { messages: { tool_calls: { function: { arguments: string } }[] }[] };
    expect(out.messages[0]!.tool_calls[0]!.function.arguments).toBe('{"__proto__":{"admin":"X"}}');

    const out2 = applySegments(body, [
      { path: ['__proto__', 'polluted'], text: 'no' },
      { path: ['messages', 0, 'content'], text: 'ok' },
    ]);
    expect(Object.getPrototypeOf(out2)).toBe(Object.prototype);
    expect(Object.hasOwn(out2, '__proto__')).toBe(true);
    expect(JSON.stringify(out2)).toContain('"__proto__":{"polluted":"no"}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('refuses to reach inherited properties through a path', () => {
    expect(() => applySegments({ a: 'x' }, [{ path: ['constructor'], text: 'y' }])).toThrow(
      expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_PATH' }),
    );
    expect(() => applySegments({ a: 'x' }, [{ path: ['__proto__', 'polluted'], text: 'y' }])).toThrow(
      expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_PATH' }),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['an empty path', []],
    ['a missing field', ['messages', 0, 'nope']],
    ['an index out of range', ['messages', 99, 'content']],
    ['a string index into an array', ['messages', '0', 'content']],
    ['a negative index', ['messages', -1, 'content']],
    ['a fractional index', ['messages', 0.5, 'content']],
    ['a path ending at an object', ['messages', 0]],
    ['a path ending at a number', ['temperature']],
    ['a path through a number', ['temperature', 'x']],
    ['a path through null content', ['messages', 3, 'content', 0]],
    ['a path into arguments that are not JSON', ['messages', 3, 'tool_calls', 1, 'function', 'arguments', 'x']],
    ['a path into a plain string', ['messages', 0, 'content', 'x']],
    ['a boolean path element', ['messages', true]],
  ])('throws ERR_ANONYMIZE_INVALID_PATH for %s', (_name, path) => {
    expect(() => applySegments(request, [{ path: path as (string | number)[], text: 'x' }])).toThrow(
      expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_PATH' }),
    );
  });

  it('throws when one path is a prefix of another', () => {
    const base = ['messages', 3, 'tool_calls', 0, 'function', 'arguments'];
    expect(() =>
      applySegments(request, [
        { path: base, text: '{}' },
        { path: [...base, 'email'], text: 'x' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'ERR_ANONYMIZE_INVALID_PATH' }));
  });
});
