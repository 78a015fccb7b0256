import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as AppModule from '../src/app/index.js';
import type * as ConfigModule from '../src/config/index.js';
import type * as GatewayModule from '../src/gateway/index.js';

/**
 * The compiled build in dist/, which `npm start` runs (bench/gateway.ts builds it first): the
 * TypeScript sources run under tsx carry wrappers the build does not have, which cost measurably.
 */
async function fromDist<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(import.meta.dirname, '..', 'dist', path)).href)) as T;
}
const { createApp, gatewayLogDestination } = await fromDist<typeof AppModule>('app/index.js');
const { loadConfig } = await fromDist<typeof ConfigModule>('config/index.js');
const { startGateway } = await fromDist<typeof GatewayModule>('gateway/index.js');

/**
 * Bulwark with the full pipeline in front of `upstreamUrl`: key authentication, in-memory limits
 * (set high enough never to refuse, but still counted), PII tokenize + restore with the default
 * types, and an audit record per request in a SQLite file in a fresh temporary directory. Logs
 * are at the default level (`info`; BENCH_LOG_LEVEL overrides) and go to a file in that directory
 * through the same buffered writer the gateway uses for stdout, so their cost is part of the number.
 * BENCH_KEEP_LOGS=1 keeps the directory and prints where it is.
 *
 * `threats: false` turns the threat checks off (prompt injection, secrets, canary, output schema),
 * leaving the privacy pipeline issue 3 defines, so the table can show what each part costs.
 */
export async function startBulwark(upstreamUrl: string, threats = true): Promise<{ url: string; key: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const configFile = join(dataDir, 'bulwark.yaml');
  writeFileSync(
    configFile,
    threats
      ? '{}\n'
      : 'threats:\n  injection: { enabled: false }\n  secrets: { enabled: false }\n  canary: { enabled: false }\n  outputSchema: { toolArguments: false, responseFormat: false }\n',
  );
  const big = '1000000000';
  const config = loadConfig({
    env: {
      BULWARK_CONFIG: configFile,
      BULWARK_HOST: '127.0.0.1',
      BULWARK_PORT: '0',
      BULWARK_LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
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
      ...(process.env['BENCH_GUARD_THREADS'] === undefined ? {} : { BULWARK_GUARD_THREADS: process.env['BENCH_GUARD_THREADS'] }),
    },
  });
  const logFile = join(dataDir, 'gateway.log');
  const app = await createApp(config, { logDestination: gatewayLogDestination(logFile).stream });
  const gateway = await startGateway(app);
  const { key } = await app.keys.create({ name: 'bench', scopes: ['chat'] });
  return {
    url: gateway.url,
    key,
    close: async () => {
      await gateway.close();
      if (process.env['BENCH_KEEP_LOGS'] === '1') process.stderr.write(`bulwark logs kept in ${logFile}\n`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
