import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from './anthropic-fake.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';
import { apiError, streamError } from './api-error.js';
import { PLANTED, PLANTED_PROMPT } from './planted-pii.js';

const PROMPT = PLANTED_PROMPT;

let fake: FakeAnthropic;
let gw: TestGateway;
let listed: TestGateway;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  gw = await startTestGateway({ BULWARK_UPSTREAM: 'anthropic', BULWARK_UPSTREAM_BASE_URL: fake.baseUrl, ANTHROPIC_API_KEY: 'sk-ant-fallback', BULWARK_ANTHROPIC_MAX_TOKENS: '321' });
  listed = await startTestGateway({
    BULWARK_UPSTREAM: 'anthropic',
    BULWARK_UPSTREAM_BASE_URL: fake.baseUrl,
    BULWARK_UPSTREAM_API_KEY: 'sk-ant-configured',
    ANTHROPIC_API_KEY: 'sk-ant-fallback',
    BULWARK_UPSTREAM_MODELS: 'claude-x, claude-y',
  });
});
afterAll(async () => {
  await gw?.close();
  await listed?.close();
  await fake?.close();
});

type Sent = { system?: string; max_tokens: number; messages: { role: string; content: Record<string, unknown>[] }[] } & Record<string, unknown>;

/** Asserts no planted value reached the fake since `from` (raw bytes) and returns the bodies. */
function expectNothingLeaked(from: number): Sent[] {
  const received = fake.bodies.slice(from);
  expect(received.length).toBeGreaterThan(0);
  for (const raw of received) {
    for (const value of Object.values(PLANTED)) expect(raw).not.toContain(value);
    expect(raw).toContain('⟦EMAIL_1⟧');
  }
  return received.map((r) => JSON.parse(r) as Sent);
}

describe('the anthropic upstream behind the official openai client', () => {
  it('non-stream: Anthropic sees placeholders in Messages form, the client its own words', async () => {
    const from = fake.bodies.length;
    const completion = await gw.client.chat.completions.create({
      model: 'claude-echo',
      messages: [
        { role: 'system', content: `Be brief with ${PLANTED.name}.` },
        { role: 'user', content: PROMPT },
      ],
    });
    const [sent] = expectNothingLeaked(from);
    // The system prompt, after the per-request canary line the guard puts in front of it.
    expect(sent!.system).toMatch(/^Security marker bwc-[a-z2-7]{16}: [^\n]+\n\nBe brief with ⟦PERSON_1⟧\.$/);
    expect(sent!.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: expect.stringContaining('⟦EMAIL_1⟧') }] }]);
    expect(sent!.max_tokens).toBe(321);
    expect(completion.choices[0]!.message.content).toBe(`You said: ${PROMPT}`);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 });
  });

  it('stream: placeholders split across Anthropic events come back restored, with finish reason and usage', async () => {
    const from = fake.bodies.length;
    const stream = await gw.client.chat.completions.create({
      model: 'claude-echo',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: PROMPT }],
    });
    let text = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    const [sent] = expectNothingLeaked(from);
    expect(sent!['stream']).toBe(true);
    expect(text).toBe(`You said: ${PROMPT}`);
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 7 });
  });

  it('tool calls: tools go out as Anthropic tools, tool_use comes back as restored tool_calls, whole and streamed', async () => {
    const from = fake.bodies.length;
    const tools = [{ type: 'function' as const, function: { name: 'note', description: 'Save a note', parameters: { type: 'object', properties: { note: { type: 'string' } } } } }];
    const whole = await gw.client.chat.completions.create({ model: 'tools', tools, tool_choice: 'required', messages: [{ role: 'user', content: PROMPT }] });
    const call = whole.choices[0]!.message.tool_calls![0]!;
    expect(whole.choices[0]!.finish_reason).toBe('tool_calls');
    expect(whole.choices[0]!.message.content).toBe('Noting.');
    expect(call.type === 'function' && call.function.name).toBe('note');
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ note: `You said: ${PROMPT}` });

    const stream = await gw.client.chat.completions.create({ model: 'tools', tools, stream: true, messages: [{ role: 'user', content: PROMPT }] });
    let args = '';
    let id: string | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.tool_calls?.[0];
      id ??= delta?.id;
      args += delta?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(id).toBe('toolu_1');
    expect(JSON.parse(args)).toEqual({ note: `You said: ${PROMPT}` });
    expect(finish).toBe('tool_calls');
    const sent = expectNothingLeaked(from);
    expect(sent[0]).toMatchObject({ tools: [{ name: 'note', description: 'Save a note', input_schema: tools[0]!.function.parameters }], tool_choice: { type: 'any' } });
  });

  it('tool history: assistant tool_calls and tool results go out as tool_use / tool_result blocks, protected', async () => {
    const from = fake.bodies.length;
    const completion = await gw.client.chat.completions.create({
      model: 'claude-echo',
      messages: [
        { role: 'user', content: 'Look up the customer.' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_9', type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ email: PLANTED.email }) } }] },
        { role: 'tool', tool_call_id: 'toolu_9', content: `Found ${PLANTED.name}, ${PLANTED.email}` },
      ],
    });
    const [sent] = expectNothingLeaked(from);
    expect(sent!.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Look up the customer.' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_9', name: 'lookup', input: { email: '⟦EMAIL_1⟧' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: 'Found ⟦PERSON_1⟧, ⟦EMAIL_1⟧' }] },
    ]);
    expect(completion.choices[0]!.message.content).toBe(`You said: Found ${PLANTED.name}, ${PLANTED.email}`);
  });

  it('maps parameters: max_tokens, temperature, top_p, stop -> stop_sequences, user -> metadata', async () => {
    await gw.client.chat.completions.create({ model: 'claude-echo', max_tokens: 7, temperature: 0.2, top_p: 0.9, stop: 'END', user: 'u1', messages: [{ role: 'user', content: 'hi' }] });
    const sent = JSON.parse(fake.bodies.at(-1)!) as Sent;
    expect(sent).toMatchObject({ model: 'claude-echo', max_tokens: 7, temperature: 0.2, top_p: 0.9, stop_sequences: ['END'], metadata: { user_id: 'u1' } });
  });

  it('sends x-api-key (ANTHROPIC_API_KEY as fallback, the configured variable first) and anthropic-version, never the caller\'s key', async () => {
    await gw.client.chat.completions.create({ model: 'claude-echo', messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.headers.at(-1)).toMatchObject({ 'x-api-key': 'sk-ant-fallback', 'anthropic-version': '2023-06-01' });
    expect(fake.headers.at(-1)!['authorization']).toBeUndefined();
    await listed.client.chat.completions.create({ model: 'claude-echo', messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.headers.at(-1)!['x-api-key']).toBe('sk-ant-configured');
  });

  it('lists Anthropic\'s models, or the configured list instead', async () => {
    expect((await gw.client.models.list()).data.map((m) => m.id)).toEqual(['claude-a', 'claude-b']);
    const before = fake.bodies.length;
    expect((await listed.client.models.list()).data.map((m) => m.id)).toEqual(['claude-x', 'claude-y']);
    expect(fake.bodies.length).toBe(before);
  });
});

describe('anthropic failures', () => {
  it.each([
    ['a 500', 'status-500', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['a 401 (the gateway\'s key)', 'status-401', 502, 'ERR_UPSTREAM_BAD_RESPONSE'],
    ['a 400 (passed on)', 'status-400', 400, 'ERR_UPSTREAM_REJECTED'],
    ['a 404 (passed on)', 'status-404', 404, 'ERR_UPSTREAM_REJECTED'],
    ['a 429', 'status-429', 429, 'ERR_UPSTREAM_RATE_LIMITED'],
    ['a 529 (overloaded)', 'status-529', 429, 'ERR_UPSTREAM_RATE_LIMITED'],
  ])('%s (%s) -> %i %s, whole and streamed', async (_name, model, status, code) => {
    for (const stream of [false, true]) {
      const res = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'x' }] }),
      });
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status).toBe(status);
      expect(json.error.code).toBe(code);
      if (status === 429) expect(res.headers.get('retry-after')).toBe('3');
      if (code === 'ERR_UPSTREAM_REJECTED') expect(json.error.message).toContain(`upstream says ${status}`);
    }
  });

  it.each([
    ['sends an error event', 'stream-error'],
    ['ends before message_stop', 'cut'],
  ])('a stream that %s -> a terminal ERR_UPSTREAM_STREAM_FAILED after the partial text', async (_name, model) => {
    const stream = await gw.client.chat.completions.create({ model, stream: true, messages: [{ role: 'user', content: 'x' }] });
    const { text, err } = await streamError(stream);
    expect(err.code).toBe('ERR_UPSTREAM_STREAM_FAILED');
    expect(text).toBe('partial ');
  });

  it('embeddings are refused (Anthropic has none) without calling it', async () => {
    const before = fake.bodies.length;
    const err = await apiError(gw.client.embeddings.create({ model: 'claude-echo', input: 'hello' }));
    expect(err.status).toBe(404);
    expect(err.code).toBe('ERR_UPSTREAM_REJECTED');
    expect(fake.bodies.length).toBe(before);
  });

  it('tool call arguments that are not a JSON object -> 400 before anything is sent', async () => {
    const before = fake.bodies.length;
    const err = await apiError(
      gw.client.chat.completions.create({
        model: 'claude-echo',
        messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '[1,2' } }] }],
      }),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe('ERR_REQUEST_INVALID_BODY');
    expect(fake.bodies.length).toBe(before);
  });
});
