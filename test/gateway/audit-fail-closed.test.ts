import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord, Store } from '../../src/store/index.js';
import { storeTargets } from '../store/store-targets.js';
import { streamError } from './api-error.js';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Fail closed (DESIGN.md): a request whose audit record cannot be written is never answered as
// a success, and while the audit store fails no new request is let through to the upstream.
// The store is real (SQLite, and Postgres when BULWARK_TEST_POSTGRES_URL is set) with a switch
// that makes its audit writes throw, the way a full disk or a lost database would.

/** The store with a switch: while `broken`, every audit write throws a driver-style error. */
function breakable(store: Store): { store: Store; setBroken(broken: boolean): void } {
  let broken = false;
  const fail = (): never => {
    throw Object.assign(new Error('SQLITE_FULL: database or disk is full (/var/lib/secret/bulwark.db)'), { code: 'SQLITE_FULL' });
  };
  const auditRecords = {
    ...store.auditRecords,
    append: async (r: AuditRecord) => (broken ? fail() : store.auditRecords.append(r)),
    appendMany: async (rs: readonly AuditRecord[]) => (broken ? fail() : store.auditRecords.appendMany(rs)),
  };
  return { store: { ...store, auditRecords }, setBroken: (b) => void (broken = b) };
}

interface ErrorJson {
  error: { code: string; type: string; request_id: string; message: string };
}

describe.each(storeTargets({ schemaPrefix: 'bulwark_fail_closed' }))('audit fails closed ($name)', (target) => {
  let upstream: RecordingUpstream;
  let gw: TestGateway;
  let store: Store;
  let switchable: ReturnType<typeof breakable>;
  const logs: string[] = [];

  beforeAll(async () => {
    upstream = await startRecordingUpstream();
    store = await target.open();
    switchable = breakable(store);
    gw = await startTestGateway(
      { BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl, BULWARK_LOG_LEVEL: 'info' },
      { store: switchable.store, logDestination: { write: (l: string) => void logs.push(l) } },
    );
  });
  afterAll(async () => {
    await gw?.close();
    await upstream?.close();
    await target.cleanup();
  });

  const recordOf = async (requestId: string): Promise<AuditRecord | undefined> => (await store.auditRecords.recent(10_000)).find((r) => r.requestId === requestId);

  const chat = async (body: Record<string, unknown> = {}): Promise<{ res: Response; text: string }> => {
    const res = await fetch(`${gw.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ model: 'rec', messages: [{ role: 'user', content: 'Mail jane.doe@example.com please.' }], ...body }),
    });
    return { res, text: await res.text() };
  };

  /** Brings the gateway back to a healthy state: the store works and the gate is open again. */
  const heal = async (): Promise<void> => {
    switchable.setBroken(false);
    await vi.waitFor(async () => expect((await chat()).res.status).toBe(200));
  };
  beforeEach(heal);

  const expectUnavailable = (res: Response, text: string): ErrorJson => {
    expect(res.status).toBe(503);
    const json = JSON.parse(text) as ErrorJson;
    expect(json.error.code).toBe('ERR_AUDIT_UNAVAILABLE');
    expect(json.error.request_id).toBe(res.headers.get('x-request-id'));
    expect(res.headers.get('retry-after')).toBe('1');
    // No stack, no driver message, no path.
    for (const leak of ['SQLITE_FULL', '/var/lib/secret', '    at ', 'Error:']) expect(text).not.toContain(leak);
    return json;
  };

  it('a whole answer whose record cannot be written is withheld: 503 ERR_AUDIT_UNAVAILABLE, never a 200', async () => {
    switchable.setBroken(true);
    const { res, text } = await chat();
    expectUnavailable(res, text);
    expect(text).not.toContain('You said');
    expect(await recordOf(res.headers.get('x-request-id')!)).toBeUndefined();
    expect(gw.app.audit.failing).toBe(true);
  });

  it('while the audit store fails, new requests are refused before anything goes upstream', async () => {
    switchable.setBroken(true);
    await chat(); // the failure is discovered here
    const sent = upstream.bodies.length;
    for (let i = 0; i < 3; i++) {
      const { res, text } = await chat();
      expectUnavailable(res, text);
    }
    const embeddings = await fetch(`${gw.gateway.url}/v1/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ model: 'emb', input: 'hello' }),
    });
    expectUnavailable(embeddings, await embeddings.text());
    expect(upstream.bodies.length).toBe(sent);
  });

  it('recovers when the store works again: the refusal that finds it working is recorded, then requests pass', async () => {
    switchable.setBroken(true);
    await chat();
    expect(gw.app.audit.failing).toBe(true);
    switchable.setBroken(false);

    const probe = await chat();
    expectUnavailable(probe.res, probe.text);
    // Refused before authentication: no key id yet.
    expect(await recordOf(probe.res.headers.get('x-request-id')!)).toMatchObject({ decision: 'blocked', status: 503, keyId: null });
    expect(gw.app.audit.failing).toBe(false);

    const ok = await chat();
    expect(ok.res.status).toBe(200);
    expect(await recordOf(ok.res.headers.get('x-request-id')!)).toMatchObject({ decision: 'forwarded', status: 200, findings: { EMAIL_ADDRESS: 1 } });
    expect(logs.join('')).toContain('ERR_AUDIT_UNAVAILABLE');
  });

  it('a stream whose record cannot be written ends with an ERR_AUDIT_UNAVAILABLE event and no [DONE]', async () => {
    // Nothing has failed yet, so the gate is open: the stream starts, and its record fails at the end.
    switchable.setBroken(true);
    const stream = await gw.client.chat.completions.create({ model: 'rec', stream: true, messages: [{ role: 'user', content: 'hello there' }] });
    const { text, err } = await streamError(stream);
    expect(text).toBe('You said: hello there');
    expect(err.code).toBe('ERR_AUDIT_UNAVAILABLE');

    switchable.setBroken(false);
    await heal();
    const raw = await chat({ stream: true });
    expect(raw.res.status).toBe(200);
    expect(raw.text).toContain('data: [DONE]');
    expect(await recordOf(raw.res.headers.get('x-request-id')!)).toMatchObject({ decision: 'forwarded', status: 200 });
  });

  it('under concurrency with the store breaking midway, every 200 has its record', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        // Spread out, so some requests finish before the break and some straddle it.
        await new Promise((resolve) => setTimeout(resolve, i * 15));
        if (i === 12) switchable.setBroken(true);
        return chat();
      }),
    );
    switchable.setBroken(false);
    const statuses = new Set(results.map((r) => r.res.status));
    expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
    for (const { res, text } of results) {
      const record = await recordOf(res.headers.get('x-request-id')!);
      if (res.status === 200) expect(record).toMatchObject({ status: 200, decision: 'forwarded' });
      else {
        expectUnavailable(res, text);
        // A withheld answer has no record; a refusal at the gate may have one (status 503).
        if (record !== undefined) expect(record.status).toBe(503);
      }
    }
  });
});
