export { loadConfig } from './load-config.js';
export type { ConfigSources } from './load-config.js';
export { gatewayConfigSchema, DEFAULT_TOKENIZE } from './gateway-config.js';
export type { GatewayConfig, PoliciesConfig, LimitsConfig, StoreConfig, UpstreamConfig } from './gateway-config.js';
export { ENV_VARS } from './env-vars.js';
export type { EnvVar } from './env-vars.js';
export { POLICY_OPERATORS, POLICY_ROUTES } from './policy-schema.js';
export type { PrivacyPolicyConfig } from './policy-schema.js';
