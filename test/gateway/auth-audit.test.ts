import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { storeTargets } from '../store/store-targets.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// The audit record of each chat request lands in the store — SQLite, and Postgres when
// BULWARK_TEST_POSTGRES_URL is set — with counts and ids, never the prompt or a found value.
const targets = storeTargets({ schemaPrefix: 'bulwark_audit' });

const CANARY_EMAIL = 'canary.q7x9z@example.org';
const CANARY_WORD = 'Zyxwvutsrq-canary-42';
const PROMPT = `Please forward ${CANARY_WORD} to ${CANARY_EMAIL} today.`;

describe.each(targets)('audit records ($name)', (target) => {
  let gw: TestGateway;
  let store: Store;
  let reader: Store;
  const logs: string[] = [];

  beforeAll(async () => {
    store = await target.open();
    // A second connection reads what the gateway wrote (on SQLite :memory:, the same one).
    reader = target.name === 'postgres' ? await target.open() : store;
    gw = await startTestGateway({ BULWARK_LOG_LEVEL: 'trace' }, { store, logDestination: { write: (l: string) => void logs.push(l) } });
  });
  afterAll(async () => {
    await gw?.close();
    if (reader !== store) await reader?.close();
    await target.cleanup();
  });

  const recordOf = async (requestId: string) => {
    let found;
    await vi.waitFor(async () => {
      found = (await reader.auditRecords.recent(100)).find((r) => r.requestId === requestId);
      expect(found).toBeDefined();
    });
    return found!;
  };

  it('records a forwarded request: key id, route, finding counts, status — and no canary anywhere', async () => {
    const r = await gw.client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: PROMPT }] }).withResponse();
    expect(r.data.choices[0]!.message.content).toContain(CANARY_EMAIL);
    const record = await recordOf(r.request_id!);
    expect(record).toMatchObject({
      keyId: gw.key.slice(4, 16),
      route: 'POST /v1/chat/completions',
      decision: 'forwarded',
      findings: { EMAIL_ADDRESS: 1 },
      status: 200,
    });

    const stream = await gw.client.chat.completions.create({ model: 'echo', stream: true, messages: [{ role: 'user', content: PROMPT }] }).withResponse();
    for await (const _chunk of stream.data) void _chunk;
    expect(await recordOf(stream.request_id!)).toMatchObject({ decision: 'forwarded', findings: { EMAIL_ADDRESS: 1 }, status: 200 });

    const everything = JSON.stringify(await reader.auditRecords.recent(1000));
    const logText = logs.join('');
    expect(logText).toContain('request inspected');
    for (const needle of [CANARY_EMAIL, CANARY_WORD, 'canary', gw.key]) {
      expect(everything).not.toContain(needle);
      expect(logText).not.toContain(needle);
    }
  });

  it('records refusals as blocked, with the presented key id when there is one', async () => {
    const noKey = await fetch(`${gw.gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await recordOf(noKey.headers.get('x-request-id')!)).toMatchObject({ keyId: null, decision: 'blocked', status: 401, findings: {} });

    const { key, info } = await gw.app.keys.create({ name: 'limited', scopes: ['chat'], models: ['other'] });
    const denied = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: PROMPT }] }),
    });
    expect(denied.status).toBe(403);
    expect(await recordOf(denied.headers.get('x-request-id')!)).toMatchObject({ keyId: info.id, decision: 'blocked', status: 403 });
  });

  it('records client errors as error', async () => {
    const bad = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.key}` },
      body: '{"model":"echo","messages":[]}',
    });
    expect(await recordOf(bad.headers.get('x-request-id')!)).toMatchObject({ decision: 'error', status: 400 });
  });
});
