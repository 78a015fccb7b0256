/** One environment variable of the gateway and the config path it sets. */
export interface EnvVar {
  readonly name: string;
  /** Path in the config object; `undefined` for variables the loader itself reads. */
  readonly path?: readonly [string, string];
  /** Comma-separated list instead of one value. */
  readonly list?: boolean;
}

/**
 * Every environment variable the gateway reads (`.env.example` documents each; a test keeps
 * the two in sync). Environment values override the YAML file. The upstream key is read from
 * the variable named by `upstream.apiKeyEnv` (default `BULWARK_UPSTREAM_API_KEY`).
 */
export const ENV_VARS: readonly EnvVar[] = [
  { name: 'BULWARK_CONFIG' },
  { name: 'BULWARK_HOST', path: ['server', 'host'] },
  { name: 'BULWARK_PORT', path: ['server', 'port'] },
  { name: 'BULWARK_BODY_LIMIT_BYTES', path: ['server', 'bodyLimitBytes'] },
  { name: 'BULWARK_TRUST_PROXY', path: ['server', 'trustProxy'] },
  { name: 'BULWARK_GUARD_THREADS', path: ['server', 'guardThreads'] },
  { name: 'BULWARK_UPSTREAM', path: ['upstream', 'kind'] },
  { name: 'BULWARK_UPSTREAM_BASE_URL', path: ['upstream', 'baseUrl'] },
  { name: 'BULWARK_UPSTREAM_API_KEY' },
  { name: 'BULWARK_UPSTREAM_TIMEOUT_MS', path: ['upstream', 'timeoutMs'] },
  { name: 'BULWARK_UPSTREAM_MAX_RESPONSE_BYTES', path: ['upstream', 'maxResponseBytes'] },
  { name: 'BULWARK_UPSTREAM_MODELS', path: ['upstream', 'models'], list: true },
  // Read by the loader when the upstream is anthropic and the variable named by apiKeyEnv is unset.
  { name: 'ANTHROPIC_API_KEY' },
  { name: 'BULWARK_ANTHROPIC_VERSION', path: ['upstream', 'anthropicVersion'] },
  { name: 'BULWARK_ANTHROPIC_MAX_TOKENS', path: ['upstream', 'anthropicMaxTokens'] },
  { name: 'BULWARK_TOKENIZE', path: ['privacy', 'tokenize'], list: true },
  { name: 'BULWARK_SCAN_THRESHOLD', path: ['privacy', 'threshold'] },
  { name: 'BULWARK_SCAN_REGIONS', path: ['privacy', 'regions'], list: true },
  { name: 'BULWARK_DATA_DIR', path: ['store', 'dataDir'] },
  { name: 'BULWARK_DATABASE_URL', path: ['store', 'url'] },
  { name: 'BULWARK_SQLITE_SYNC', path: ['store', 'sqliteSync'] },
  { name: 'BULWARK_KEY_PEPPER', path: ['auth', 'pepper'] },
  { name: 'BULWARK_AUTH_MAX_FAILURES', path: ['auth', 'maxFailures'] },
  { name: 'BULWARK_AUTH_FAILURE_WINDOW_SECONDS', path: ['auth', 'failureWindowSeconds'] },
  // REDIS_URL is the conventional name; BULWARK_REDIS_URL, read later, wins when both are set.
  { name: 'REDIS_URL', path: ['limits', 'redisUrl'] },
  { name: 'BULWARK_REDIS_URL', path: ['limits', 'redisUrl'] },
  { name: 'BULWARK_REDIS_PREFIX', path: ['limits', 'redisPrefix'] },
  { name: 'BULWARK_LIMIT_KEY_REQUESTS', path: ['limits', 'keyRequests'] },
  { name: 'BULWARK_LIMIT_USER_REQUESTS', path: ['limits', 'userRequests'] },
  { name: 'BULWARK_LIMIT_IP_REQUESTS', path: ['limits', 'ipRequests'] },
  { name: 'BULWARK_LIMIT_WINDOW_SECONDS', path: ['limits', 'windowSeconds'] },
  { name: 'BULWARK_LIMIT_TOKEN_BUDGET', path: ['limits', 'tokenBudget'] },
  { name: 'BULWARK_LIMIT_TOKEN_WINDOW_SECONDS', path: ['limits', 'tokenWindowSeconds'] },
  { name: 'BULWARK_LIMIT_MAX_TOKENS', path: ['limits', 'maxTokens'] },
  { name: 'BULWARK_LIMIT_MAX_TOKENS_MODE', path: ['limits', 'maxTokensMode'] },
  { name: 'BULWARK_LIMIT_DEFAULT_MAX_TOKENS', path: ['limits', 'defaultMaxTokens'] },
  { name: 'BULWARK_LIMIT_MAX_STREAMS', path: ['limits', 'maxStreams'] },
  { name: 'BULWARK_LOG_LEVEL', path: ['log', 'level'] },
];
