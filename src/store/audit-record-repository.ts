import type { CompiledQuery, Kysely } from 'kysely';
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
  /**
   * Appends `records` in order with one multi-row INSERT per {@link AUDIT_ROWS_PER_INSERT}
   * (one statement is atomic: all of its rows are written or none). Resolves once written.
   */
  appendMany(records: readonly AuditRecord[]): Promise<void>;
  /** The most recent records, newest first. */
  recent(limit: number): Promise<AuditRecord[]>;
}

/** Rows per INSERT statement: 64 x 8 parameters stays far below SQLite's and Postgres' limits. */
export const AUDIT_ROWS_PER_INSERT = 64;

type Row = [string, string, string | null, string, string, string, number, string];

function rowOf(r: AuditRecord): Row {
  return [r.requestId, r.at.toISOString(), r.keyId, r.route, r.decision, JSON.stringify(r.findings), r.status, JSON.stringify(r.detections ?? [])];
}

/**
 * The INSERT for `rows` rows, compiled once per row count and then reused with new parameters:
 * building and compiling the query per request was a measurable share of the gateway's CPU
 * (and SQLite's statement cache then also finds the same SQL text). Parameters are row by row
 * in the column order below, which the compiled query is checked against once.
 */
function insertCompiler(db: Kysely<StoreSchema>): (rows: number) => CompiledQuery {
  const compiled = new Map<number, CompiledQuery>();
  return (rows) => {
    let query = compiled.get(rows);
    if (query !== undefined) return query;
    const probe = Array.from({ length: rows }, (_, i): Row => [`r${i}`, `a${i}`, `k${i}`, `p${i}`, `d${i}`, `f${i}`, i, `t${i}`]);
    query = db
      .insertInto('audit_records')
      .values(probe.map(([request_id, at, key_id, route, decision, findings, status, detections]) => ({ request_id, at, key_id, route, decision, findings, status, detections })))
      .compile();
    if (JSON.stringify(query.parameters) !== JSON.stringify(probe.flat())) throw new Error('audit INSERT parameters are not in row order');
    compiled.set(rows, query);
    return query;
  };
}

/** The audit record repository over a Kysely database. */
export function sqlAuditRecordRepository(db: Kysely<StoreSchema>): SqlAuditRecordRepository {
  const insert = insertCompiler(db);
  const appendMany = async (records: readonly AuditRecord[]): Promise<void> => {
    for (let i = 0; i < records.length; i += AUDIT_ROWS_PER_INSERT) {
      const part = records.slice(i, i + AUDIT_ROWS_PER_INSERT);
      const query = insert(part.length);
      await db.executeQuery({ ...query, parameters: part.flatMap(rowOf) });
    }
  };
  return {
    append: (r) => appendMany([r]),
    appendMany,
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
