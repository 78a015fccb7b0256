import OpenAI from 'openai';
import { createApp, type App, type AppOverrides } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startGateway, type RunningGateway } from '../../src/gateway/index.js';

/** A gateway on an ephemeral port with logs silenced, plus an official OpenAI client pointed at it. */
export interface TestGateway {
  readonly gateway: RunningGateway;
  readonly app: App;
  /** The client's key (chat and embeddings scopes, any model). */
  readonly key: string;
  readonly client: OpenAI;
  /** A client sending `key` instead. */
  clientWith(key: string): OpenAI;
  close(): Promise<void>;
}

/** A fixed pepper, so tests never write `./data/pepper`. */
export const TEST_PEPPER = '5a'.repeat(32);

/**
 * Starts the real gateway with `env` settings on top of port 0, silent logs, an in-memory SQLite
 * store (override with BULWARK_DATABASE_URL) and a fixed pepper, issues one chat key and points
 * an official OpenAI client at the gateway with it.
 */
export async function startTestGateway(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestGateway> {
  const config = loadConfig({
    env: { BULWARK_PORT: '0', BULWARK_LOG_LEVEL: 'silent', BULWARK_DATABASE_URL: 'sqlite::memory:', BULWARK_KEY_PEPPER: TEST_PEPPER, ...env },
  });
  const app = await createApp(config, overrides);
  const gateway = await startGateway(app);
  const { key } = await app.keys.create({ name: 'test', scopes: ['chat', 'embeddings'] });
  // maxRetries 0: the tests look at single answers, and retries would hide the status codes.
  const clientWith = (k: string): OpenAI => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: k, maxRetries: 0 });
  return { gateway, app, key, client: clientWith(key), clientWith, close: () => gateway.close() };
}
