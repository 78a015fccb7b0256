import { generateKeyPairSync, randomInt } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A GitHub personal access token of the real format (`ghp_`, 30 random base62 characters, then
 * the CRC-32 of those 30 in base62), made up at run time so no token lives in the repository.
 */
export function fakeGithubToken(): string {
  let body = '';
  for (let i = 0; i < 30; i++) body += BASE62[randomInt(62)];
  let n = crc32(body);
  let sum = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) sum = BASE62[n % 62]! + sum;
  return `ghp_${body}${sum}`;
}

/** A freshly generated RSA private key in PEM (about 1,700 characters). */
export function fakePrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
}

/** Secrets the upstream puts into its answers (never in any prompt). */
export const UPSTREAM_SECRETS = { token: fakeGithubToken(), pem: fakePrivateKey() };

/** A tool call whose arguments break the `get_weather` schema of the tests (`city` must be a string). */
export const BAD_WEATHER_ARGS = '{"city":7,"unit":"c"}';

type Json = Record<string, unknown>;

function textOf(m: Json | undefined): string {
  const c = m?.['content'];
  if (typeof c === 'string') return c;
  return Array.isArray(c) ? c.map((p: Json) => (typeof p['text'] === 'string' ? p['text'] : '')).join('\n') : '';
}

/** What the model "says", by the request's `model`. */
function answerFor(body: Json): { content?: string; args?: string } {
  const messages = (body['messages'] as Json[] | undefined) ?? [];
  switch (body['model']) {
    // Repeats its system prompt: a leak.
    case 'leak':
      return { content: `Of course, I am always happy to help our customers with anything they need, day or night, whatever the question. My instructions are: ${textOf(messages.find((m) => m['role'] === 'system'))} That is all.` };
    case 'secret':
      return { content: `Use this token: ${UPSTREAM_SECRETS.token} and this key:\n${UPSTREAM_SECRETS.pem}\nGood luck with the deployment.` };
    case 'tool-bad':
      return { args: BAD_WEATHER_ARGS };
    case 'tool-secret':
      return { args: JSON.stringify({ city: 'Oslo', note: `auth with ${UPSTREAM_SECRETS.token} please` }) };
    default:
      return { content: `You said: ${textOf([...messages].reverse().find((m) => m['role'] === 'user'))}` };
  }
}

function respond(res: ServerResponse, body: Json): void {
  const { content, args } = answerFor(body);
  const base = { id: 'chatcmpl-threats', created: 1, model: body['model'] };
  const toolCall = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: args ?? '' } };
  if (body['stream'] !== true) {
    const message = args === undefined ? { role: 'assistant', content } : { role: 'assistant', content: null, tool_calls: [toolCall] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: args === undefined ? 'stop' : 'tool_calls' }] }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (delta: Json, finish: string | null = null): boolean => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
  send({ role: 'assistant', content: '' });
  // 4-character pieces: every secret, marker and value is split across chunks.
  if (args === undefined) {
    for (let i = 0; i < content!.length; i += 4) send({ content: content!.slice(i, i + 4) });
  } else {
    send({ tool_calls: [{ index: 0, ...toolCall, function: { name: 'get_weather', arguments: '' } }] });
    for (let i = 0; i < args.length; i += 4) send({ tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + 4) } }] });
  }
  send({}, args === undefined ? 'stop' : 'tool_calls');
  res.end('data: [DONE]\n\n');
}

/** A local OpenAI-compatible upstream for the threat tests; records every raw request body. */
export async function startThreatsUpstream(): Promise<{ baseUrl: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      bodies.push(raw);
      respond(res, JSON.parse(raw) as Json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
