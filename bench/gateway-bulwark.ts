import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { startGateway } from '../src/gateway/index.js';

/**
 * Bulwark with the full pipeline in front of `upstreamUrl`: key authentication, in-memory limits
 * (set high enough never to refuse, but still counted), PII tokenize + restore with the default
 * types, and an audit record per request in a SQLite file in a fresh temporary directory. Logs
 * are at `fatal` (wrk hanging up at the end of a run is logged as an error otherwise), so the per-request cost is the pipeline and not log lines.
 */
export async function startBulwark(upstreamUrl: string): Promise<{ url: string; key: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const big = '1000000000';
  const config = loadConfig({
    env: {
      BULWARK_HOST: '127.0.0.1',
      BULWARK_PORT: '0',
      BULWARK_LOG_LEVEL: 'fatal',
      BULWARK_DATA_DIR: dataDir,
      BULWARK_KEY_PEPPER: '7b'.repeat(32),
      BULWARK_UPSTREAM: 'openai',
      BULWARK_UPSTREAM_BASE_URL: `${upstreamUrl}/v1`,
      BULWARK_UPSTREAM_API_KEY: 'sk-bench',
      BULWARK_LIMIT_KEY_REQUESTS: big,
      BULWARK_LIMIT_USER_REQUESTS: big,
      BULWARK_LIMIT_IP_REQUESTS: big,
      BULWARK_LIMIT_TOKEN_BUDGET: big,
      BULWARK_LIMIT_MAX_STREAMS: '100000',
    },
  });
  const app = await createApp(config);
  const gateway = await startGateway(app);
  const { key } = await app.keys.create({ name: 'bench', scopes: ['chat'] });
  return {
    url: gateway.url,
    key,
    close: async () => {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
