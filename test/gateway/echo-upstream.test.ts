import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

const PROMPT = 'Mail maria.keller@example.com about the 😀 order, or call +1 415 555 0132.';
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(); // zero configuration: the offline echo upstream
});
afterAll(async () => {
  await gw?.close();
});

describe('the built-in echo upstream, end to end', () => {
  it('answers a whole request with the user\'s words, restored', async () => {
    const r = await gw.client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: PROMPT }] });
    expect(r.choices[0]!.message.content).toBe(`Echo: ${PROMPT}`);
    expect(r.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams, with usage when asked for', async () => {
    const stream = await gw.client.chat.completions.create({
      model: 'echo',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: PROMPT }],
    });
    let text = '';
    let usage = 0;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage?.total_tokens ?? usage;
    }
    expect(text).toBe(`Echo: ${PROMPT}`);
    expect(chunks).toBeGreaterThan(3);
    expect(usage).toBeGreaterThan(0);
  });

  it('lists the echo model and reports health', async () => {
    expect((await gw.client.models.list()).data.map((m) => m.id)).toEqual(['echo']);
    const health = await fetch(`${gw.gateway.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
