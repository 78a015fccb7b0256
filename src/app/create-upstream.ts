import type { UpstreamConfig } from '../config/index.js';
import { echoUpstream } from './upstream/echo-upstream.js';
import { openaiUpstream } from './upstream/openai-upstream.js';
import type { Upstream } from './upstream/upstream.js';

/** The upstream the configuration names. */
export function createUpstream(config: UpstreamConfig): Upstream {
  if (config.kind === 'echo' || config.baseUrl === undefined) return echoUpstream();
  return openaiUpstream({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
  });
}
