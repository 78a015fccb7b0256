import type { IncomingMessage } from 'node:http';
import { availableParallelism } from 'node:os';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { GatewayConfig } from '../config/index.js';
import type { Guard, GuardPolicy, InspectedChat, PolicyResolver } from '../guard/index.js';
import type { Store } from '../store/index.js';
import { auditLog, createAuditWriter, type AuditLog } from './audit-writer.js';
import { createUpstream } from './create-upstream.js';
import { gatewayLogDestination } from './log-destination.js';
import { buildGuardSetup, createGuardThreads, guardSettings, type BodySource, type GuardThreads } from './guard-threads/index.js';
import { createApiKeyService, loadPepper, type ApiKeyService } from './keys/index.js';
import type { FailedAuthLimiter } from './limits/failed-auth-limiter.js';
import { createLimits, type Limits } from './limits/index.js';
import { describeStore, openConfiguredStore } from './open-configured-store.js';
import type { Upstream } from './upstream/upstream.js';

/** What the HTTP layer needs to know about serving, taken from the configuration. */
export interface HttpSettings {
  readonly host: string;
  readonly port: number;
  readonly bodyLimitBytes: number;
  /** Proxies whose X-Forwarded-For is believed: none (false), all (true), a hop count, or addresses. */
  readonly trustProxy: boolean | number | string;
}

/** The object graph of one gateway process. */
export interface App {
  readonly http: HttpSettings;
  readonly guard: Guard;
  /** The privacy policy of each request (per key, per route, else the default). */
  readonly policies: PolicyResolver;
  /**
   * `guard.inspectChat` under `policy` (one of `policies`): in a guard thread while other
   * requests are in progress and one is free (alone, a request gains nothing from a thread and
   * would pay the hand-over), else on this thread. Same result either way. `source`: the JSON
   * text and parse the body came from, which a thread is handed instead of the object.
   */
  inspectChat<T>(body: T, policy: GuardPolicy, source?: BodySource): Promise<InspectedChat<T>>;
  /** The guard threads (see `createGuardThreads`). */
  readonly guardThreads: GuardThreads;
  /** Requests in progress, counted by the HTTP layer; read by the guard threads' and the audit writer's decisions. */
  readonly inFlight: { count: number };
  readonly upstream: Upstream;
  readonly logger: Logger;
  /** API keys: authentication and management. */
  readonly keys: ApiKeyService;
  /** Brute-force limit on failed authentication, per client address. */
  readonly authFailures: FailedAuthLimiter;
  /** Request limits, token budgets, max_tokens caps and stream slots (memory or Redis). */
  readonly limits: Limits;
  /** Per-request audit records, written in batches; `failing` while the store refuses them. */
  readonly audit: AuditLog;
  /** Entity types the guard protects (for the banner and health output). */
  readonly protectedTypes: readonly string[];
  /** Where the store is (for the banner; never a password). */
  readonly storeDescription: string;
  /** The clock every time check uses. */
  readonly now: () => Date;
  /** Resolves when the store answers a trivial query; throws `ERR_STORE_UNAVAILABLE` otherwise (health checks). */
  pingStore(): Promise<void>;
  /** Releases what the app holds (upstream connections, the store). */
  close(): Promise<void>;
}

/** Replacements for parts of the graph, for tests and embedding. */
export interface AppOverrides {
  /** Use this upstream instead of the configured one. */
  readonly upstream?: Upstream;
  /** Use this (open) store instead of the configured one; the app closes it. */
  readonly store?: Store;
  /** Write logs here instead of stdout (e.g. to capture and search them). */
  readonly logDestination?: DestinationStream;
  /** A clock (tests move it to end rotation grace periods). */
  readonly now?: () => Date;
}

/**
 * Fields that must never reach a log line: where an upstream key could arrive, should anything log
 * the upstream settings or an error carrying one (nothing does today). Explicit paths only: pino
 * runs a redactor over every field of a line that some path starts with, so a leading wildcard
 * (`*.apiKey`) would send every field of every line through one: half the cost of the request line.
 * Request headers (Authorization, X-API-Key, Cookie) need no path: `req` is only ever written by
 * `requestForLog`, which keeps none of them, and pino serializes a field before it redacts it, so
 * a header path could never match (test/gateway/log-redaction.test.ts plants them).
 */
const REDACT = ['err.apiKey', 'upstream.apiKey', 'transport.apiKey', 'options.apiKey'];

/**
 * Logs a request as its method, path and client address only: never its headers (keys, cookies),
 * and never its query string, where a misplaced key or value must not be written down.
 */
function requestForLog(req: IncomingMessage & { ip?: string }): Record<string, unknown> {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return { method: req.method, url: q < 0 ? url : `${url.slice(0, q)}?[redacted]`, remoteAddress: req.socket?.remoteAddress };
}

/**
 * Builds the gateway's object graph from the configuration: scanner (only the configured entity
 * types), guard (tokenize them), upstream, store (migrated), API keys, limits and logger. The
 * only place that reads configuration.
 */
export async function createApp(config: GatewayConfig, overrides: AppOverrides = {}): Promise<App> {
  const now = overrides.now ?? (() => new Date());
  const pepper = loadPepper({ value: config.auth.pepper, dataDir: config.store.dataDir });
  const settings = guardSettings(config, pepper);
  const { guard, policies, protectedTypes } = buildGuardSetup(settings);
  const upstream = overrides.upstream ?? createUpstream(config.upstream);
  const logDestination = overrides.logDestination === undefined ? gatewayLogDestination() : undefined;
  const logger = pino(
    { level: config.log.level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { req: requestForLog } },
    overrides.logDestination ?? logDestination?.stream,
  );
  // The gateway's commits must not wait for the disk: SQLite's checkpoints run in a thread.
  const store =
    overrides.store ??
    (await openConfiguredStore(config.store, {
      onError: (code) => logger.warn({ code }, 'a background checkpoint of the SQLite log failed; commits checkpoint past the fallback size meanwhile'),
    }));
  const { limits, authFailures } = createLimits(config.limits, {
    maxFailures: config.auth.maxFailures,
    failureWindowSeconds: config.auth.failureWindowSeconds,
    // The message only: the error may name the host, never the URL (which can hold a password).
    onRedisError: (err) => logger.warn({ code: (err as { code?: unknown }).code ?? 'redis' }, 'limits store unavailable; using the local fallback'),
  });
  const inFlight = { count: 0 };
  const writer = createAuditWriter(store.auditRecords, {
    // Under load, records of requests finishing within a millisecond share one INSERT.
    expected: () => inFlight.count,
    // The code only: a driver message can name the host, the user or the file.
    onError: (err, entries) =>
      logger.error({ code: (err as { code?: unknown }).code ?? 'unknown', entries }, 'audit records not written; refusing audited requests until a write succeeds'),
    onRecovered: () => logger.warn('audit records are being written again'),
  });
  const audit = auditLog(writer, store.auditRecords);
  const guardThreads = createGuardThreads(settings, {
    threads: config.server.guardThreads ?? Math.min(4, availableParallelism() - 1),
    onError: (err) => logger.warn({ code: (err as { code?: unknown }).code ?? 'thread' }, 'a guard thread failed; inspecting on the request thread meanwhile'),
  });
  return {
    http: { ...config.server },
    guard,
    policies,
    upstream,
    logger,
    keys: createApiKeyService({ repository: store.apiKeys, pepper, now }),
    authFailures,
    limits,
    audit,
    async inspectChat(body, policy, source) {
      // The count includes this request.
      const threaded = inFlight.count > 1 ? await guardThreads.inspectChat(body, policy.name, source) : undefined;
      return threaded ?? guard.inspectChat(body, policy);
    },
    guardThreads,
    inFlight,
    protectedTypes,
    storeDescription: overrides.store === undefined ? describeStore(config.store) : `${store.dialect} (given)`,
    now,
    pingStore: () => store.ping(),
    close: async () => {
      await guardThreads.close();
      await upstream.close();
      await limits.close();
      await audit.flush();
      await store.close();
      logDestination?.close();
    },
  };
}
