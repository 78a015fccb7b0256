import type { AuditDetection } from '../store/index.js';

/** One request's audit entry: who, which route, the decision, counts — never a raw value. */
export interface AuditEntry {
  readonly requestId: string;
  readonly at: Date;
  /** The presented key's id (even when refused); `null` without a well-formed key. */
  readonly keyId: string | null;
  /** Method and route pattern, e.g. `POST /v1/chat/completions`. */
  readonly route: string;
  readonly decision: 'forwarded' | 'blocked' | 'error';
  /** Findings per entity type. */
  readonly findings: Readonly<Record<string, number>>;
  /** HTTP status sent to the client. */
  readonly status: number;
  /** Threat detections: detector id, score, where, action (never the matched text). */
  readonly detections?: readonly AuditDetection[];
}

/** Where audit entries go (the store's audit record repository satisfies it). */
export interface AuditSink {
  append(entry: AuditEntry): Promise<void>;
}
