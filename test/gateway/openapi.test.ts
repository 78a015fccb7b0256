import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/error-codes.js';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

type Doc = { openapi: string; paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };

let gw: TestGateway;
let doc: Doc;

beforeAll(async () => {
  gw = await startTestGateway();
  const res = await fetch(`${gw.gateway.url}/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});
afterAll(async () => gw?.close());

/** Fastify's `/a/:id/b` as OpenAPI's `/a/{id}/b`. */
const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 with the key schemes and the error shape', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKeyHeader', 'bearerKey']);
    const error = JSON.stringify(doc.components.schemas['Error']);
    for (const field of ['code', 'message', 'type', 'request_id']) expect(error).toContain(`"${field}"`);
    for (const code of Object.keys(ERROR_CODES)) expect(error).toContain(code);
  });

  it('describes every registered route, and only those', () => {
    const registered = gw.gateway.server.registeredRoutes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`).sort();
    expect(registered.length).toBeGreaterThan(5);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).sort();
    expect(documented).toEqual(registered);
  });

  it('every operation has responses, and every $ref resolves', () => {
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(Object.keys(op.responses ?? {}).length).toBeGreaterThan(0);
    for (const m of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas).toHaveProperty(m[1]!);
  });
});
