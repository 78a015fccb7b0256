import { Command } from 'commander';
import type { App } from '../app/index.js';
import type { GatewayConfig } from '../config/index.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

function banner(config: GatewayConfig, app: App, url: string): string {
  const upstream =
    config.upstream.kind === 'echo'
      ? 'echo (offline: answers with your last message; set BULWARK_UPSTREAM_BASE_URL for a real provider)'
      : `${config.upstream.kind === 'anthropic' ? 'anthropic messages' : 'openai-compatible'} at ${config.upstream.baseUrl ?? '?'}`;
  return [
    `Bulwark gateway listening on ${url}`,
    `  upstream:  ${upstream}`,
    `  store:     ${app.storeDescription}`,
    `  protects:  ${config.privacy.tokenize.length} entity types (tokenized on the way out, restored on the way back)`,
    // `npx bulwark` works both in a project that installed Bulwark and in Bulwark's own checkout.
    `  keys:      every call needs an API key. The first admin key:  npx bulwark keys create --scope admin --name admin`,
    `             a key for an app:  npx bulwark keys create --scope chat --name my-app   (run it in this directory: same config and data)`,
    `  try:       curl -s ${url}/v1/chat/completions -H 'content-type: application/json' -H "authorization: Bearer $KEY" \\`,
    `               -d '{"model":"echo","messages":[{"role":"user","content":"Mail me at jane@example.org"}]}'`,
    `  or point the OpenAI SDK at baseURL ${url}/v1`,
    '',
  ].join('\n');
}

/**
 * `bulwark serve`: starts the gateway (configuration from `--config`, `BULWARK_*` variables,
 * defaults) and runs until SIGINT or SIGTERM, then drains in-flight requests.
 */
export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('serve')
    .description('run the gateway (OpenAI-compatible, on 127.0.0.1:8787 by default)')
    .option('--config <file>', 'YAML configuration file (default: $BULWARK_CONFIG)')
    .option('--host <host>', 'address to listen on (overrides BULWARK_HOST)')
    .option('--port <port>', 'port to listen on (overrides BULWARK_PORT)')
    .action(async (opts: { config?: string; host?: string; port?: string }) => {
      // Loaded here, not at the top: `bulwark scan` should not pay for the HTTP stack.
      const [{ loadConfig }, { createApp }, { startGateway }] = await Promise.all([
        import('../config/index.js'),
        import('../app/index.js'),
        import('../gateway/index.js'),
      ]);
      const env = { ...io.env, ...(opts.host ? { BULWARK_HOST: opts.host } : {}), ...(opts.port ? { BULWARK_PORT: opts.port } : {}) };
      const config = loadConfig(opts.config === undefined ? { env } : { env, file: opts.config });
      const app = await createApp(config);
      const gateway = await startGateway(app);
      io.stdout.write(banner(config, app, gateway.url));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await gateway.close();
      setExitCode(EXIT.OK);
    });
}
