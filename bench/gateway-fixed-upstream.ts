import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The fixed answer's text, cut into SSE chunks the way a model would send tokens. */
const PIECES = ['Sure', ', here', ' is', ' a', ' short', ' answer', ' about', ' your', ' request', '.'];
const WHOLE = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1,
  model: 'bench',
  choices: [{ index: 0, message: { role: 'assistant', content: PIECES.join('') }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 250, completion_tokens: 10, total_tokens: 260 },
});
const chunk = (delta: object, finish: string | null): string =>
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const STREAM = [
  chunk({ role: 'assistant', content: '' }, null),
  ...PIECES.map((p) => chunk({ content: p }, null)),
  chunk({}, 'stop'),
  'data: [DONE]\n\n',
].join('');

/**
 * A local OpenAI-compatible upstream as fast as node:http allows: it reads the body only to see
 * `"stream":true`, and answers the same prebuilt JSON or SSE bytes every time, so the benchmark
 * measures the proxies in front of it rather than a model.
 */
export async function startFixedUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"bench","object":"model","created":0,"owned_by":"bench"}]}');
        return;
      }
      const stream = /"stream"\s*:\s*true/.test(Buffer.concat(parts).toString('utf8'));
      if (stream) res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }).end(STREAM);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(WHOLE);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
