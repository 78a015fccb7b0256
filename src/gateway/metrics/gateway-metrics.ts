import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { counterSeries, histogramSeries, type CounterSeries, type HistogramSeries } from './metric-series.js';
import { perLabel, perLabels2, perLabels3 } from './per-labels.js';

/** The gateway's Prometheus series, on a registry of their own (one per server, so several servers in a process never clash). */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Answers sent, by method, route template and status. */
  readonly requests: Counter<'method' | 'route' | 'status'>;
  /** Time from request arrival to the end of the answer (streams included), by method, route and status. */
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Time until the upstream answered (whole body, or the headers of a stream), by operation and outcome. */
  readonly upstreamDuration: Histogram<'operation' | 'outcome'>;
  /** Tokens reported by the upstream's `usage`, by route and kind (`prompt` | `completion`). */
  readonly tokens: Counter<'route' | 'kind'>;
  /** Findings in request bodies, by route and entity type. */
  readonly findings: Counter<'route' | 'entity_type'>;
  /** Requests refused before going upstream (auth, scope, limits, policy), by route and error code. */
  readonly blocked: Counter<'route' | 'code'>;
  /**
   * Requests refused by a rate or token limit, by limit scope (`key`, `user`, `ip`, `route`,
   * `tokens`, `concurrency`, … — a fixed name, never the limited key, user or address).
   * The limits middleware increments it: `request.server.metrics.rateLimitHits.inc({ scope })`.
   */
  readonly rateLimitHits: Counter<'scope'>;
  /** Time spent in the gateway itself (request duration minus time waiting for the upstream), by route. */
  readonly gatewayOverhead: Histogram<'route'>;
  /**
   * Threat detections (prompt injection, secrets, canary leaks, schema violations), by detector id
   * (`injection.override`, `secret.github_pat`, `leak.canary`, …) and action (`block`, `flag`,
   * `log`, `redact`, `strip`). Counted once per request, detector, place and action.
   */
  readonly detections: Counter<'detector' | 'action'>;
  /** Handles on the series every request updates, by label values (see `GatewaySeries`). */
  readonly series: GatewaySeries;
}

/**
 * The series the per-request hooks update, by label values (already folded to bounded sets).
 * Updating one skips prom-client's label hashing (see `metric-series.ts`); the values are the same.
 */
export interface GatewaySeries {
  /** `requests` and `requestDuration` of one method, route template and status. */
  http(method: string, route: string, status: number): { readonly requests: CounterSeries; readonly duration: HistogramSeries };
  upstream(operation: string, outcome: string): HistogramSeries;
  tokens(route: string, kind: 'prompt' | 'completion'): CounterSeries;
  findings(route: string, entityType: string): CounterSeries;
  blocked(route: string, code: string): CounterSeries;
  detections(detector: string, action: string): CounterSeries;
  gatewayOverhead(route: string): HistogramSeries;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
// The gateway's own cost is sub-millisecond when healthy; the buckets resolve that range, finely
// around the 0.3 ms a request may add (issue 3's latency target).
const OVERHEAD_BUCKETS = [0.0001, 0.00015, 0.0002, 0.00025, 0.0003, 0.0004, 0.0005, 0.00075, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** Creates the gateway's metrics on a fresh registry, with Node's default process metrics. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics = {
    registry,
    requests: new Counter({ name: 'bulwark_http_requests_total', help: 'HTTP answers sent, by method, route template and status.', labelNames: ['method', 'route', 'status'], registers }),
    requestDuration: new Histogram({
      name: 'bulwark_http_request_duration_seconds',
      help: 'Time from request arrival to the end of the answer (streams included).',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'bulwark_upstream_duration_seconds',
      help: 'Time until the upstream answered (whole body, or the headers of a stream).',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    tokens: new Counter({ name: 'bulwark_tokens_total', help: 'Tokens reported in upstream usage, by route and kind (prompt, completion).', labelNames: ['route', 'kind'], registers }),
    findings: new Counter({ name: 'bulwark_findings_total', help: 'Findings in request bodies, by route and entity type.', labelNames: ['route', 'entity_type'], registers }),
    blocked: new Counter({ name: 'bulwark_blocked_requests_total', help: 'Requests refused before reaching the upstream, by route and error code.', labelNames: ['route', 'code'], registers }),
    rateLimitHits: new Counter({ name: 'bulwark_rate_limit_hits_total', help: 'Requests refused by a rate or token limit, by limit scope.', labelNames: ['scope'], registers }),
    detections: new Counter({ name: 'bulwark_detections_total', help: 'Threat detections, by detector id and the action taken.', labelNames: ['detector', 'action'], registers }),
    gatewayOverhead: new Histogram({
      name: 'bulwark_gateway_overhead_seconds',
      help: 'Time spent in the gateway itself: request duration minus time waiting for the upstream.',
      labelNames: ['route'],
      buckets: OVERHEAD_BUCKETS,
      registers,
    }),
  };
  const series: GatewaySeries = {
    http: perLabels3((method: string, route: string, status: number) => {
      const labels = { method, route, status: String(status) };
      return { requests: counterSeries(metrics.requests, labels), duration: histogramSeries(metrics.requestDuration, labels) };
    }),
    upstream: perLabels2((operation: string, outcome: string) => histogramSeries(metrics.upstreamDuration, { operation, outcome })),
    tokens: perLabels2((route: string, kind: string) => counterSeries(metrics.tokens, { route, kind })),
    findings: perLabels2((route: string, entityType: string) => counterSeries(metrics.findings, { route, entity_type: entityType })),
    blocked: perLabels2((route: string, code: string) => counterSeries(metrics.blocked, { route, code })),
    detections: perLabels2((detector: string, action: string) => counterSeries(metrics.detections, { detector, action })),
    gatewayOverhead: perLabel((route: string) => histogramSeries(metrics.gatewayOverhead, { route })),
  };
  return { ...metrics, series };
}
