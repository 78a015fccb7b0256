import type { FastifyInstance } from 'fastify';
import { openApiDocument } from './openapi-document.js';

/** `GET /openapi.json`: the OpenAPI 3.1 description of this gateway (no key: it holds no secret). */
export function openApiRoute(server: FastifyInstance): void {
  const document = JSON.stringify(openApiDocument());
  server.get('/openapi.json', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(document));
}
