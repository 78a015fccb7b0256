import type { AuditEntry, AuthenticatedKey } from '../../app/index.js';

/** Per-request facts the auth hook and routes record, for the audit entry. */
export interface RequestAuthState {
  /** The presented key's id, once a well-formed key was seen (also when it was refused). */
  keyId: string | null;
  /** Set when the key checked out. */
  key: AuthenticatedKey | null;
  /** Findings per entity type, when the body was inspected. */
  findings: Readonly<Record<string, number>>;
  /** Threat detections of the request and its answer (detector ids and scores, never text). */
  detections: NonNullable<AuditEntry['detections']>;
  /** The stream ended with an error event after a 200 status. */
  streamFailed: boolean;
  /** The audit record was handed to the writer (at most once per request; see `auditHooks`). */
  audited: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    bulwark: RequestAuthState;
  }
}

/** A fresh state (one per request; see the `onRequest` hook in `buildServer`). */
export function newRequestAuthState(): RequestAuthState {
  return { keyId: null, key: null, findings: {}, detections: [], streamFailed: false, audited: false };
}
