import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startRecordingUpstream, type RecordingUpstream } from './recording-upstream.js';
import { startTestGateway, TEST_PEPPER, type TestGateway } from './start-test-gateway.js';

const EMAIL = 'maria.keller@example.com';
const PHONE = '+1 415 555 0132';
const PROMPT = `Write to ${EMAIL} or call ${PHONE}.`;

let dir: string;
let upstream: RecordingUpstream;
let gw: TestGateway;
let redactKey: string;
let tokenizeKey: string;

/** Issues two keys in a file database, then starts the gateway on it with a YAML policy per key id. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-policy-'));
  const db = `sqlite:${join(dir, 'bulwark.db')}`;
  const base = { BULWARK_DATABASE_URL: db, BULWARK_KEY_PEPPER: TEST_PEPPER, BULWARK_LOG_LEVEL: 'silent' };
  const setup = await createApp(loadConfig({ env: base }));
  const red = await setup.keys.create({ name: 'red', scopes: ['chat', 'embeddings'] });
  const tok = await setup.keys.create({ name: 'tok', scopes: ['chat', 'embeddings'] });
  await setup.close();
  redactKey = red.key;
  tokenizeKey = tok.key;
  const file = join(dir, 'bulwark.yaml');
  writeFileSync(
    file,
    [
      'policies:',
      '  named:',
      '    strict:',
      '      entities: { EMAIL_ADDRESS: redact, PHONE_NUMBER: redact }',
      '    tokens:',
      '      entities: { EMAIL_ADDRESS: tokenize, PHONE_NUMBER: tokenize }',
      '    hashed:',
      '      entities: { EMAIL_ADDRESS: hash, PHONE_NUMBER: allow }',
      '  byKey:',
      `    ${red.info.id}: strict`,
      `    ${tok.info.id}: tokens`,
      '  byRoute:',
      '    /v1/embeddings: hashed',
      '',
    ].join('\n'),
  );
  upstream = await startRecordingUpstream();
  gw = await startTestGateway({ ...base, BULWARK_CONFIG: file, BULWARK_UPSTREAM_BASE_URL: upstream.baseUrl, BULWARK_UPSTREAM_API_KEY: 'sk-up' });
});
afterAll(async () => {
  await gw?.close();
  await upstream?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function chat(key: string): Promise<{ sent: string; answer: string | null }> {
  const from = upstream.bodies.length;
  const completion = await gw.clientWith(key).chat.completions.create({ model: 'rec', messages: [{ role: 'user', content: PROMPT }] });
  expect(upstream.bodies.length).toBe(from + 1);
  return { sent: upstream.bodies[from]!, answer: completion.choices[0]!.message.content };
}

describe('privacy policy per key and route (YAML)', () => {
  it('redact for one key: the provider gets type markers, and nothing comes back to restore', async () => {
    const { sent, answer } = await chat(redactKey);
    expect(sent).not.toContain(EMAIL);
    expect(sent).not.toContain(PHONE);
    expect(sent).not.toContain('⟦');
    expect(sent).toContain('Write to <EMAIL_ADDRESS> or call <PHONE_NUMBER>.');
    expect(answer).toBe('You said: Write to <EMAIL_ADDRESS> or call <PHONE_NUMBER>.');
  });

  it('tokenize for another key: placeholders upstream, the original values back to the client', async () => {
    const { sent, answer } = await chat(tokenizeKey);
    expect(sent).not.toContain(EMAIL);
    expect(sent).toContain('Write to ⟦EMAIL_1⟧ or call ⟦PHONE_1⟧.');
    expect(answer).toBe(`You said: ${PROMPT}`);
  });

  it('a key without a policy gets the default (tokenize), the route policy applies to embeddings', async () => {
    expect((await chat(gw.key)).sent).toContain('⟦EMAIL_1⟧');
    const from = upstream.bodies.length;
    await gw.client.embeddings.create({ model: 'emb', input: PROMPT });
    const sent = upstream.bodies[from]!;
    expect(sent).not.toContain(EMAIL);
    expect(sent).toContain(PHONE); // allowed by the route's policy
    expect(sent).toMatch(/Write to [0-9a-f]{16} or call/);
  });

  it('a key policy wins over the route policy', async () => {
    const from = upstream.bodies.length;
    await gw.clientWith(redactKey).embeddings.create({ model: 'emb', input: PROMPT });
    expect(upstream.bodies[from]).toContain('<PHONE_NUMBER>');
  });
});
