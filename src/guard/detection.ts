/** What the policy did about a detection. */
export type DetectionAction = 'block' | 'flag' | 'log' | 'redact' | 'strip';

/**
 * One threat detection (prompt injection, a secret, a canary leak, a schema violation), as the
 * audit record and the metrics see it: which detector, how sure, where, what was done. Never the
 * matched text. The same shape as the store's `AuditDetection`.
 */
export interface Detection {
  /** Stable dotted id: `injection.*`, `secret.<format>`, `leak.canary`, `schema.*`. */
  readonly detector: string;
  /** Score in [0, 1], rounded to three decimals. */
  readonly score: number;
  /** A request segment kind (`content`, `tool_result`, …) or `response`. */
  readonly where: string;
  readonly action: DetectionAction;
}

/** Detections kept per request: a hostile request cannot grow its audit record without bound. */
export const MAX_DETECTIONS = 64;

/**
 * Adds `d` to `list` in place. One entry per detector, place and action (the highest score wins),
 * so a thousand pasted keys make one entry, not a thousand; at most {@link MAX_DETECTIONS}.
 */
export function addDetection(list: Detection[], d: Detection): void {
  const score = Math.round(Math.min(1, Math.max(0, d.score)) * 1000) / 1000;
  const at = list.findIndex((x) => x.detector === d.detector && x.where === d.where && x.action === d.action);
  if (at >= 0) {
    if (list[at]!.score < score) list[at] = { ...d, score };
    return;
  }
  if (list.length < MAX_DETECTIONS) list.push({ ...d, score });
}
