export { createGatewayMetrics } from './gateway-metrics.js';
export type { GatewayMetrics } from './gateway-metrics.js';
export { metricsHooks } from './metrics-hooks.js';
export { metricsRoute } from './metrics-route.js';
export { newRequestMetrics, recordUsage, routeLabel, timedEvents, timedUpstream } from './request-metrics.js';
export type { RequestMetrics } from './request-metrics.js';
