import type { UpstreamConfig } from '../config/index.js';
import { anthropicUpstream } from './upstream/anthropic-upstream.js';
import { echoUpstream } from './upstream/echo-upstream.js';
import { openaiUpstream } from './upstream/openai-upstream.js';
import type { Upstream } from './upstream/upstream.js';

/** The provider the configuration names, before the configured model list is applied. */
function providerOf(config: UpstreamConfig): Upstream {
  if (config.kind === 'echo' || config.baseUrl === undefined) return echoUpstream();
  const transport = { baseUrl: config.baseUrl, apiKey: config.apiKey, timeoutMs: config.timeoutMs, maxResponseBytes: config.maxResponseBytes };
  if (config.kind === 'anthropic') {
    return anthropicUpstream({ ...transport, version: config.anthropicVersion, defaultMaxTokens: config.anthropicMaxTokens });
  }
  return openaiUpstream(transport);
}

/** The upstream the configuration names; a configured model list replaces the provider's. */
export function createUpstream(config: UpstreamConfig): Upstream {
  const upstream = providerOf(config);
  if (config.models.length === 0) return upstream;
  const list = { object: 'list', data: config.models.map((id) => ({ id, object: 'model', created: 0, owned_by: upstream.kind })) };
  // The providers' methods are closures (no `this`), so a spread copy keeps them working.
  return { ...upstream, models: async () => list };
}
