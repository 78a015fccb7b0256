import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED, PLANTED_PROMPT } from './planted-pii.js';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

let upstream: RecordingUpstream;
let gw: TestGateway;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gw = await startTestGateway({ BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl, BULWARK_UPSTREAM_API_KEY: 'sk-upstream-test', BULWARK_GUARD_THREADS: '1' });
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
});

/** Sends `n` chat requests at once (whole answers, then streams) and returns the answers' texts. */
async function burst(n: number, stream: boolean): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const messages = [{ role: 'user' as const, content: `${i}: ${PLANTED_PROMPT}` }];
      if (!stream) return (await gw.client.chat.completions.create({ model: 'rec', messages })).choices[0]!.message.content ?? '';
      let text = '';
      for await (const chunk of await gw.client.chat.completions.create({ model: 'rec', stream: true, messages })) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    }),
  );
}

describe('concurrent requests with a guard thread', () => {
  it('are inspected in the thread as well as inline, and none leaks or comes back unrestored', async () => {
    const from = upstream.bodies.length;
    // The thread starts on the first concurrent request; keep sending until it has taken some.
    for (let round = 0; round < 40 && gw.app.guardThreads.offloaded === 0; round++) {
      for (const [i, text] of (await burst(12, round % 2 === 1)).entries()) expect(text).toBe(`You said: ${i}: ${PLANTED_PROMPT}`);
      if (gw.app.guardThreads.ready === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(gw.app.guardThreads.offloaded).toBeGreaterThan(0);
    // Operators see it in the metrics.
    const metrics = await (await fetch(`${gw.gateway.url}/metrics`)).text();
    expect(Number(/^bulwark_guard_thread_inspections_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    expect(metrics).toMatch(/^bulwark_guard_threads_ready 1$/m);
    const texts = [...(await burst(12, false)), ...(await burst(12, true))];
    texts.forEach((text, i) => expect(text).toBe(`You said: ${i % 12}: ${PLANTED_PROMPT}`));
    const received = upstream.bodies.slice(from);
    expect(received.length).toBeGreaterThan(24);
    for (const raw of received) {
      for (const value of Object.values(PLANTED)) expect(raw).not.toContain(value);
      expect(raw).toContain('⟦EMAIL_1⟧');
    }
  }, 120_000);

  it('a single request is inspected on the request thread (no hand-over cost when alone)', async () => {
    const before = gw.app.guardThreads.offloaded;
    const completion = await gw.client.chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: PLANTED_PROMPT }] });
    expect(completion.choices[0]!.message.content).toBe(`You said: ${PLANTED_PROMPT}`);
    expect(gw.app.guardThreads.offloaded).toBe(before);
  });
});
