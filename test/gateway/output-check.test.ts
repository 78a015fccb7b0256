import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

const EMAIL = 'maria.keller@example.com';
const PHONE = '+1 415 555 0132';
const INVENTED_EMAIL = 'john.roe@invented-mail.org';
const INVENTED_PHONE = '+1 212 555 0199';
const PROMPT = `😀 Mail ${EMAIL}, phone ${PHONE}.`;

/**
 * An OpenAI-compatible upstream that echoes the last user message and adds contact data of its
 * own (not in the prompt); streams come in 5-character pieces, splitting every value.
 */
async function startInventingUpstream(): Promise<{ baseUrl: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(raw);
      const body = JSON.parse(raw) as { stream?: boolean; messages: { content: string }[] };
      const text = `Echo: ${body.messages.at(-1)!.content} Also try ${INVENTED_EMAIL} or ${INVENTED_PHONE} today.`;
      const base = { id: 'c', created: 1, model: 'm' };
      if (body.stream !== true) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (choices: unknown[]): boolean => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices })}\n\n`);
      for (let i = 0; i < text.length; i += 5) send([{ index: 0, delta: { content: text.slice(i, i + 5) }, finish_reason: null }]);
      send([{ index: 0, delta: {}, finish_reason: 'stop' }]);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, bodies, server };
}

let dir: string;
let up: Awaited<ReturnType<typeof startInventingUpstream>>;
const gws: Record<'redact' | 'flag' | 'off', TestGateway> = {} as never;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-output-'));
  up = await startInventingUpstream();
  for (const mode of ['redact', 'flag', 'off'] as const) {
    const file = join(dir, `${mode}.yaml`);
    const check = mode === 'off' ? 'checkOutput: false' : `checkOutput: true, outputAction: ${mode}`;
    writeFileSync(
      file,
      `policies:\n  named:\n    p:\n      entities: { EMAIL_ADDRESS: tokenize, PHONE_NUMBER: tokenize }\n      ${check.replace(', ', '\n      ')}\n  byRoute:\n    /v1/chat/completions: p\n`,
    );
    gws[mode] = await startTestGateway({ BULWARK_CONFIG: file, BULWARK_UPSTREAM_BASE_URL: up.baseUrl, BULWARK_UPSTREAM_API_KEY: 'sk-up' });
  }
});
afterAll(async () => {
  for (const g of Object.values(gws)) await g.close();
  up?.server.closeAllConnections();
  await new Promise((r) => up?.server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function whole(gw: TestGateway): Promise<string> {
  const c = await gw.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: PROMPT }] });
  return c.choices[0]!.message.content ?? '';
}

async function streamed(gw: TestGateway): Promise<string> {
  const stream = await gw.client.chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: PROMPT }] });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

const REDACTED = `Echo: ${PROMPT} Also try <EMAIL_ADDRESS> or <PHONE_NUMBER> today.`;
const UNTOUCHED = `Echo: ${PROMPT} Also try ${INVENTED_EMAIL} or ${INVENTED_PHONE} today.`;

describe('output check', () => {
  it.each([
    ['whole', whole],
    ['streamed', streamed],
  ])('%s: invented values are redacted, values echoed from the prompt are restored', async (_, ask) => {
    const from = up.bodies.length;
    expect(await ask(gws.redact)).toBe(REDACTED);
    expect(up.bodies[from]).not.toContain(EMAIL);
  });

  it.each([
    ['whole', whole],
    ['streamed', streamed],
  ])('%s: flag and checkOutput false leave the answer as it is', async (_, ask) => {
    expect(await ask(gws.flag)).toBe(UNTOUCHED);
    expect(await ask(gws.off)).toBe(UNTOUCHED);
  });

  it('counts new values by type in the audit record and /metrics, never the values', async () => {
    await whole(gws.flag);
    const audit = gws.flag.app.audit as unknown as { recent(n: number): Promise<{ findings: Record<string, number> }[]> };
    const [last] = await audit.recent(1);
    expect(last!.findings).toEqual({ EMAIL_ADDRESS: 1, PHONE_NUMBER: 1, OUTPUT_EMAIL_ADDRESS: 1, OUTPUT_PHONE_NUMBER: 1 });
    const metrics = await (await fetch(`${gws.flag.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/bulwark_findings_total\{[^}]*entity_type="OUTPUT_EMAIL_ADDRESS"[^}]*\} [1-9]/);
    expect(metrics).not.toContain(INVENTED_EMAIL);
    expect(metrics).not.toContain('invented-mail');
  });

  it('the off gateway counts nothing from the answer', async () => {
    await whole(gws.off);
    const audit = gws.off.app.audit as unknown as { recent(n: number): Promise<{ findings: Record<string, number> }[]> };
    expect((await audit.recent(1))[0]!.findings).toEqual({ EMAIL_ADDRESS: 1, PHONE_NUMBER: 1 });
  });
});
