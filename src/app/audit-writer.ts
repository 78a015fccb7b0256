import { BulwarkError } from '../core/bulwark-error.js';
import type { AuditRecord } from '../store/index.js';
import type { AuditEntry, AuditSink } from './audit-sink.js';

/** Where a writer sends its batches: the store's audit record repository satisfies it. */
export interface AuditBatchTarget {
  append(entry: AuditEntry): Promise<void>;
  /** Writes all of `entries` or none of them (used when present; else `append` one by one). */
  appendMany?(entries: readonly AuditEntry[]): Promise<void>;
}

/** An audit sink that batches writes and knows whether the store is taking them. */
export interface AuditWriter extends AuditSink {
  /**
   * Queues `entry` and resolves once it is in the store; rejects with `ERR_AUDIT_UNAVAILABLE`
   * when its batch could not be written (the store's own error is the `cause`).
   */
  append(entry: AuditEntry): Promise<void>;
  /** The last batch failed and none has been written since: the gateway admits no new audited request. */
  readonly failing: boolean;
  /** Writes what is queued (and waits for a batch in flight). */
  flush(): Promise<void>;
}

/** Options of {@link createAuditWriter}. */
export interface AuditWriterOptions {
  /** Entries per batch at most (default 64, the rows of one INSERT). */
  readonly maxBatch?: number;
  /** Told about every failed batch (the gateway logs its code). */
  readonly onError?: (err: unknown, entries: number) => void;
  /** Told when a batch is written after a failure. */
  readonly onRecovered?: () => void;
  /**
   * How many entries are still expected soon (the gateway: requests in progress). While fewer
   * are queued, a batch waits for them, at most `maxWaitMs`: under load, records are then written
   * in fewer, larger batches; a lone request (nothing else expected) is written at once.
   */
  readonly expected?: () => number;
  /** Longest wait of a queued entry for others (default 1 ms). */
  readonly maxWaitMs?: number;
}

interface Pending {
  readonly entry: AuditEntry;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Batches audit entries: they queue in memory and are written together once per event-loop turn
 * (`setImmediate`), or as soon as `maxBatch` are waiting, one batch in flight at a time (entries
 * arriving meanwhile form the next batch, so a slow store gets fewer, larger writes). Each
 * `append` settles with its own batch, so callers can hold their answer until the record is in
 * the store — the gateway's fail-closed rule. One multi-row INSERT per batch costs a fraction of
 * one query per request.
 */
export function createAuditWriter(target: AuditBatchTarget, options: AuditWriterOptions = {}): AuditWriter {
  const maxBatch = Math.max(1, options.maxBatch ?? 64);
  const maxWaitMs = options.maxWaitMs ?? 1;
  let queue: Pending[] = [];
  // When the oldest queued entry arrived (performance.now()).
  let oldest = 0;
  let scheduled = false;
  let inFlight: Promise<void> | undefined;
  let failing = false;

  const write = async (entries: readonly AuditEntry[]): Promise<void> => {
    if (target.appendMany !== undefined) await target.appendMany(entries);
    else for (const entry of entries) await target.append(entry);
  };

  const runBatch = async (batch: readonly Pending[]): Promise<void> => {
    try {
      await write(batch.map((p) => p.entry));
    } catch (err) {
      failing = true;
      options.onError?.(err, batch.length);
      const refused = new BulwarkError('ERR_AUDIT_UNAVAILABLE', 'The audit record could not be written.', { cause: err });
      for (const p of batch) p.reject(refused);
      return;
    }
    if (failing) {
      failing = false;
      options.onRecovered?.();
    }
    for (const p of batch) p.resolve();
  };

  // Set while a batch waits for records still expected: fires when the oldest has waited enough.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitForMore = (): boolean =>
    options.expected !== undefined && queue.length < maxBatch && queue.length < options.expected() && performance.now() - oldest < maxWaitMs;

  const drain = (force = false): void => {
    scheduled = false;
    if (inFlight !== undefined || queue.length === 0) return;
    if (!force && waitForMore()) {
      // A timer, not a spin on setImmediate: an otherwise idle loop stays idle. Each new append
      // checks again, so a batch that fills up is written at once.
      timer ??= setTimeout(() => {
        timer = undefined;
        drain(true);
      }, Math.max(0, maxWaitMs - (performance.now() - oldest)));
      return;
    }
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    inFlight = runBatch(batch).finally(() => {
      inFlight = undefined;
      if (queue.length > 0) schedule();
    });
  };

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  }

  return {
    append(entry) {
      return new Promise<void>((resolve, reject) => {
        if (queue.length === 0) oldest = performance.now();
        queue.push({ entry, resolve, reject });
        if (queue.length >= maxBatch && inFlight === undefined) drain();
        else schedule();
      });
    },
    get failing() {
      return failing;
    },
    async flush() {
      while (queue.length > 0 || inFlight !== undefined) {
        if (inFlight === undefined) drain(true);
        await inFlight;
      }
    },
  };
}

/** The app's audit log: the batching writer plus a reader of the newest records. */
export interface AuditLog extends AuditWriter {
  /** The newest `limit` records, newest first, after what is queued has been written. */
  recent(limit: number): Promise<AuditRecord[]>;
}

/** Joins a writer and the store's reader into the app's {@link AuditLog}. */
export function auditLog(writer: AuditWriter, reader: { recent(limit: number): Promise<AuditRecord[]> }): AuditLog {
  return {
    append: (entry) => writer.append(entry),
    get failing() {
      return writer.failing;
    },
    flush: () => writer.flush(),
    async recent(limit) {
      await writer.flush();
      return reader.recent(limit);
    },
  };
}
