import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

interface Health {
  status: string;
  checks: Record<string, { status: string; kind: string; code?: string; latency_ms: number }>;
}

let upstream: RecordingUpstream;
let hanging: Server;
let hangingUrl: string;
let deadUrl: string;
const gateways: TestGateway[] = [];

async function gatewayFor(env: Record<string, string>): Promise<TestGateway> {
  const g = await startTestGateway(env);
  gateways.push(g);
  return g;
}

async function detailed(g: TestGateway): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${g.gateway.url}/health/detailed`);
  return { status: res.status, body: (await res.json()) as Health };
}

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  // Accepts connections and never answers: only the health check's own deadline ends the wait.
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/v1`;
  // A port that was free a moment ago: connections are refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/v1`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  for (const g of gateways) await g.close();
  hanging?.closeAllConnections();
  await new Promise<void>((resolve) => (hanging ? hanging.close(() => resolve()) : resolve()));
  await upstream?.close();
});

describe('GET /health/detailed', () => {
  it('all up: 200 with store, limiter and upstream ok', async () => {
    const { status, body } = await detailed(await gatewayFor({ BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl }));
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks['store']).toMatchObject({ status: 'ok', kind: 'sqlite' });
    expect(body.checks['limiter']).toMatchObject({ status: 'ok' });
    expect(body.checks['upstream']).toMatchObject({ status: 'ok', kind: 'openai' });
  });

  it('echo upstream: ok without any network', async () => {
    const { status, body } = await detailed(await gatewayFor({}));
    expect(status).toBe(200);
    expect(body.checks['upstream']).toMatchObject({ status: 'ok', kind: 'echo' });
  });

  it.each([
    ['refusing connections', () => deadUrl, 'ERR_UPSTREAM_UNREACHABLE'],
    ['never answering', () => hangingUrl, 'ERR_HEALTH_TIMEOUT'],
  ])('upstream %s: 503, reported down with its code, and the answer comes', async (_name, url, code) => {
    const g = await gatewayFor({ BULWARK_UPSTREAM_BASE_URL: url() });
    const { status, body } = await detailed(g);
    expect(status).toBe(503);
    expect(body.status).toBe('down');
    expect(body.checks['upstream']).toMatchObject({ status: 'down', code });
    expect(body.checks['store']!.status).toBe('ok');
    // The plain liveness route stays up regardless.
    expect((await fetch(`${g.gateway.url}/health`)).status).toBe(200);
  });

  it('a closed store is reported down', async () => {
    const g = await gatewayFor({});
    const store = g.app as unknown as { pingStore(): Promise<void> };
    Object.assign(store, { pingStore: () => Promise.reject(new Error('boom')) });
    const { status, body } = await detailed(g);
    expect(status).toBe(503);
    expect(body.checks['store']).toMatchObject({ status: 'down', code: 'ERR_INTERNAL' });
  });

  it.each([
    ['no key', undefined, 401],
    ['a chat key', 'chat', 403],
    ['an admin key', 'admin', 200],
  ])('from another machine: %s → %d', async (_name, which, status) => {
    const g = await gatewayFor({});
    const headers: Record<string, string> = {};
    if (which === 'chat') headers['authorization'] = `Bearer ${g.key}`;
    if (which === 'admin') headers['authorization'] = `Bearer ${(await g.app.keys.create({ name: 'ops', scopes: ['admin'] })).key}`;
    const res = await g.gateway.server.inject({ method: 'GET', url: '/health/detailed', remoteAddress: '198.51.100.7', headers });
    expect(res.statusCode).toBe(status);
  });
});
