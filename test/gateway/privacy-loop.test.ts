import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';
import { PLANTED, PLANTED_PROMPT } from './planted-pii.js';

const PROMPT = PLANTED_PROMPT;

let upstream: RecordingUpstream;
let gw: TestGateway;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gw = await startTestGateway({ BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl, BULWARK_UPSTREAM_API_KEY: 'sk-upstream-test' });
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

/** Asserts that no planted value reached the upstream since `from` (raw bytes, so any encoding of a JSON string counts). */
function expectNothingLeaked(from: number): void {
  const received = upstream.bodies.slice(from);
  expect(received.length).toBeGreaterThan(0);
  for (const raw of received) {
    for (const value of Object.values(PLANTED)) expect(raw).not.toContain(value);
    expect(raw).toContain('⟦EMAIL_1⟧');
  }
}

describe('the privacy loop through the official openai client', () => {
  it('non-stream: the provider sees placeholders, the client sees its own words', async () => {
    const from = upstream.bodies.length;
    const completion = await gw.client.chat.completions.create({
      model: 'rec',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: PROMPT },
      ],
    });
    expectNothingLeaked(from);
    expect(completion.choices[0]!.message.content).toBe(`You said: ${PROMPT}`);
  });

  it('stream: placeholders split across SSE chunks come back restored', async () => {
    const from = upstream.bodies.length;
    const stream = await gw.client.chat.completions.create({ model: 'rec', stream: true, messages: [{ role: 'user', content: PROMPT }] });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expectNothingLeaked(from);
    expect(text).toBe(`You said: ${PROMPT}`);
    expect(finish).toBe('stop');
  });

  it('tool calls: arguments are restored and stay valid JSON, whole and streamed', async () => {
    const from = upstream.bodies.length;
    const whole = await gw.client.chat.completions.create({ model: 'tools', messages: [{ role: 'user', content: PROMPT }] });
    const call = whole.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ note: `You said: ${PROMPT}` });

    const stream = await gw.client.chat.completions.create({ model: 'tools', stream: true, messages: [{ role: 'user', content: PROMPT }] });
    let args = '';
    for await (const chunk of stream) args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    expect(JSON.parse(args)).toEqual({ note: `You said: ${PROMPT}` });
    expectNothingLeaked(from);
  });

  it('protects every message of the history and content parts, consistently numbered', async () => {
    const from = upstream.bodies.length;
    await gw.client.chat.completions.create({
      model: 'rec',
      messages: [
        { role: 'user', content: [{ type: 'text', text: `😀 my mail is ${PLANTED.email}` }] },
        { role: 'assistant', content: `Noted, ${PLANTED.name}.` },
        { role: 'user', content: `Again: ${PLANTED.email}, ${PLANTED.card}` },
      ],
    });
    expectNothingLeaked(from);
    const sent = JSON.parse(upstream.bodies.at(-1)!) as { messages: unknown[] };
    expect(JSON.stringify(sent.messages).match(/⟦EMAIL_\d⟧/g)).toEqual(['⟦EMAIL_1⟧', '⟦EMAIL_1⟧']);
  });

  it('tool definitions: PII in descriptions and parameter schemas never reaches the provider', async () => {
    const from = upstream.bodies.length;
    await gw.client.chat.completions.create({
      model: 'rec',
      messages: [{ role: 'user', content: 'Book the table.' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'book_table',
            description: `Books for ${PLANTED.name} (${PLANTED.email}).`,
            parameters: {
              type: 'object',
              properties: { payment: { type: 'object', properties: { card: { type: 'string', description: `Use ${PLANTED.card}, call ${PLANTED.phone}` } } } },
            },
          },
        },
      ],
    });
    expectNothingLeaked(from);
    const sent = JSON.parse(upstream.bodies.at(-1)!) as { tools: { function: { name: string; parameters: unknown } }[] };
    expect(sent.tools[0]!.function.name).toBe('book_table');
    expect(sent.tools[0]!.function.parameters).toMatchObject({ properties: { payment: { properties: { card: { type: 'string' } } } } });
  });

  it('forwards the configured provider key, not the caller\'s', async () => {
    await gw.client.chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: 'hello' }] });
    expect(upstream.authorizations.at(-1)).toBe('Bearer sk-upstream-test');
  });

  it('passes other parameters through untouched', async () => {
    await gw.client.chat.completions.create({ model: 'rec', temperature: 0.2, max_tokens: 7, messages: [{ role: 'user', content: 'hello' }] });
    expect(JSON.parse(upstream.bodies.at(-1)!)).toMatchObject({ model: 'rec', temperature: 0.2, max_tokens: 7 });
  });

  it('lists the upstream\'s models', async () => {
    const models = await gw.client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['rec']);
  });

  it('hangs up on the provider when the client goes away mid-stream', async () => {
    const before = upstream.hungUp();
    const stream = await gw.client.chat.completions.create({ model: 'stall', stream: true, messages: [{ role: 'user', content: 'x' }] });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content === 'partial ') break; // break aborts the client's request
    }
    await vi.waitFor(() => expect(upstream.hungUp()).toBe(before + 1), { timeout: 5000, interval: 10 });
  });
});
