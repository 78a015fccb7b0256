import pino, { type DestinationStream, type Logger } from 'pino';
import type { GatewayConfig } from '../config/index.js';
import { createGuard, type Guard, type RequestPlan } from '../guard/index.js';
import { createScanner } from '../scan/index.js';
import { createUpstream } from './create-upstream.js';
import type { Upstream } from './upstream/upstream.js';

/** What the HTTP layer needs to know about serving, taken from the configuration. */
export interface HttpSettings {
  readonly host: string;
  readonly port: number;
  readonly bodyLimitBytes: number;
}

/** The object graph of one gateway process. */
export interface App {
  readonly http: HttpSettings;
  readonly guard: Guard;
  readonly upstream: Upstream;
  readonly logger: Logger;
  /** Entity types the guard protects (for the banner and health output). */
  readonly protectedTypes: readonly string[];
  /** Releases what the app holds (upstream connections). */
  close(): Promise<void>;
}

/** Replacements for parts of the graph, for tests and embedding. */
export interface AppOverrides {
  /** Use this upstream instead of the configured one. */
  readonly upstream?: Upstream;
  /** Write logs here instead of stdout (e.g. to capture and search them). */
  readonly logDestination?: DestinationStream;
}

/** Header and body fields that must never reach a log line. */
const REDACT = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.apiKey'];

/**
 * Builds the gateway's object graph from the configuration: scanner (only the configured entity
 * types), guard (tokenize them), upstream and logger. The only place that reads configuration.
 */
export function createApp(config: GatewayConfig, overrides: AppOverrides = {}): App {
  const types = [...config.privacy.tokenize];
  const scanner = createScanner({ entities: types, threshold: config.privacy.threshold, regions: [...config.privacy.regions] });
  const plan: RequestPlan = { default: { type: 'keep' }, byType: Object.fromEntries(types.map((t) => [t, { type: 'tokenize' }])) };
  const guard = createGuard({ scanner, plan });
  const upstream = overrides.upstream ?? createUpstream(config.upstream);
  const logger = pino({ level: config.log.level, redact: { paths: REDACT, censor: '[redacted]' } }, overrides.logDestination);
  return {
    http: { ...config.server },
    guard,
    upstream,
    logger,
    protectedTypes: types,
    close: () => upstream.close(),
  };
}
