import OpenAI from 'openai';
import { createApp } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startGateway, type RunningGateway } from '../../src/gateway/index.js';

/** A gateway on an ephemeral port with logs silenced, plus an official OpenAI client pointed at it. */
export interface TestGateway {
  readonly gateway: RunningGateway;
  readonly client: OpenAI;
  close(): Promise<void>;
}

/** Starts the real gateway with `env` settings on top of port 0 and silent logs. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const config = loadConfig({ env: { BULWARK_PORT: '0', BULWARK_LOG_LEVEL: 'silent', ...env } });
  const gateway = await startGateway(createApp(config));
  // maxRetries 0: the tests look at single answers, and retries would hide the status codes.
  const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused-for-now', maxRetries: 0 });
  return { gateway, client, close: () => gateway.close() };
}
