import type { Kysely } from 'kysely';
import type { StoreSchema } from './store-schema.js';

/** What the gateway did with one request. */
export type AuditDecision = 'forwarded' | 'blocked' | 'error';

/**
 * One threat detection of a request (prompt injection, a secret, a system-prompt leak, a
 * schema violation): which detector, how sure, where, and what was done. Never the matched text.
 */
export interface AuditDetection {
  /** Stable detector id, e.g. `injection.classifier`, `secret.github_pat`, `leak.canary`. */
  readonly detector: string;
  /** Score in [0, 1]. */
  readonly score: number;
  /** Where: `request` (a prompt segment kind such as `content` or `tool_result`) or `response`. */
  readonly where: string;
  /** What the policy did: `block`, `flag`, `log`, `redact`, `strip`. */
  readonly action: string;
}

/** One request's audit record. Holds counts and ids only, never a prompt or a matched value. */
export interface AuditRecord {
  readonly requestId: string;
  readonly at: Date;
  /** The caller's key id; `null` when no well-formed key was presented. */
  readonly keyId: string | null;
  /** Route pattern, e.g. `POST /v1/chat/completions`. */
  readonly route: string;
  readonly decision: AuditDecision;
  /** Findings per entity type. */
  readonly findings: Readonly<Record<string, number>>;
  /** HTTP status sent to the client. */
  readonly status: number;
  /** Threat detections (empty when none; absent is read as empty). */
  readonly detections?: readonly AuditDetection[];
}

/** Audit records in the store (SQLite or Postgres, one implementation). */
export interface SqlAuditRecordRepository {
  append(record: AuditRecord): Promise<void>;
  /** The most recent records, newest first. */
  recent(limit: number): Promise<AuditRecord[]>;
}

/** The audit record repository over a Kysely database. */
export function sqlAuditRecordRepository(db: Kysely<StoreSchema>): SqlAuditRecordRepository {
  return {
    async append(r) {
      await db
        .insertInto('audit_records')
        .values({
          request_id: r.requestId,
          at: r.at.toISOString(),
          key_id: r.keyId,
          route: r.route,
          decision: r.decision,
          findings: JSON.stringify(r.findings),
          status: r.status,
          detections: JSON.stringify(r.detections ?? []),
        })
        .execute();
    },
    async recent(limit) {
      const rows = await db.selectFrom('audit_records').selectAll().orderBy('seq', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        requestId: row.request_id,
        at: new Date(row.at),
        keyId: row.key_id,
        route: row.route,
        decision: row.decision as AuditDecision,
        findings: JSON.parse(row.findings) as Record<string, number>,
        status: Number(row.status),
        detections: JSON.parse(row.detections) as AuditDetection[],
      }));
    },
  };
}
