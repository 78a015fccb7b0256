import Fastify from 'fastify';
import { Pool } from 'undici';

/**
 * The baseline: Fastify + an undici pool forwarding `POST /v1/chat/completions` to the upstream,
 * no auth, no limits, no scanning, no audit. The body is taken as bytes and the answer is piped
 * back, so this is the least any Node proxy on the same stack can cost.
 */
export async function startPassThrough(upstreamUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool(upstreamUrl, { connections: 128, pipelining: 1 });
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post('/v1/chat/completions', async (request, reply) => {
    const answer = await pool.request({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json' },
      body: request.body as Buffer,
    });
    const type = answer.headers['content-type'];
    reply.code(answer.statusCode).header('content-type', typeof type === 'string' ? type : 'application/json');
    return reply.send(answer.body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await pool.close();
    },
  };
}
