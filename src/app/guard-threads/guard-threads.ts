import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BulwarkError, type ErrorCode } from '../../core/index.js';
import type { InspectedChat } from '../../guard/index.js';
import type { GuardThreadReply, InspectBatch, InspectedMessage, InspectMessage } from './guard-messages.js';
import type { GuardSettings } from './guard-settings.js';
import { replayVault } from './recording-vault.js';

/** Options of {@link createGuardThreads}. */
export interface GuardThreadsOptions {
  /** Threads to start (0: none; every inspection then runs on the calling thread). */
  readonly threads: number;
  /** Inspections queued per thread at most; beyond that the caller runs them itself (default 2). */
  readonly maxPending?: number;
  /** Told when a thread fails (it is restarted; after repeated failures the pool stops trying). */
  readonly onError?: (err: unknown) => void;
}

/** Chat inspection in worker threads, for a gateway whose main thread is the bottleneck. */
export interface GuardThreads {
  /**
   * Inspects `body` under the policy called `policy` in a thread. Resolves `undefined` when
   * no thread can take it (none ready, all busy, or the thread failed meanwhile): the caller then
   * inspects it itself, so no request is ever lost to a thread. Given the JSON `source` the body
   * came from, the thread is sent its text instead of the object (see {@link BodySource}).
   */
  inspectChat<T>(body: T, policy: string, source?: BodySource): Promise<InspectedChat<T> | undefined>;
  /** Threads ready to take work. */
  readonly ready: number;
  /** Inspections done in threads so far. */
  readonly offloaded: number;
  /** Stops every thread; later calls resolve `undefined`. */
  close(): Promise<void>;
}

/**
 * The JSON text a chat body was parsed from, and that parse. The body handed to `inspectChat` is
 * `parsed` itself or a copy with top-level fields set (a capped `max_tokens`); anything else
 * (a field removed) and the object is sent as it is.
 */
export interface BodySource {
  readonly text: string;
  readonly parsed: unknown;
}

/** The top-level fields `body` sets over `parsed`, or `undefined` when it is not such a copy. */
function overridesOf(body: unknown, parsed: unknown): Record<string, unknown> | undefined {
  if (body === parsed) return {};
  if (typeof body !== 'object' || body === null || typeof parsed !== 'object' || parsed === null || Array.isArray(body) || Array.isArray(parsed)) return undefined;
  const b = body as Record<string, unknown>;
  const p = parsed as Record<string, unknown>;
  for (const k of Object.keys(p)) if (!Object.hasOwn(b, k)) return undefined;
  const changed: Record<string, unknown> = {};
  for (const k of Object.keys(b)) if (b[k] !== p[k] || !Object.hasOwn(p, k)) changed[k] = b[k];
  return changed;
}

interface Pending {
  readonly resolve: (r: InspectedMessage | undefined) => void;
  readonly reject: (err: unknown) => void;
}

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  /** Sent and queued inspections by id. */
  readonly pending: Map<number, Pending>;
  /** Inspections of this event-loop turn, posted together at its end. */
  outbox: InspectMessage[];
}

// A thread that dies this many times in a row before it is ready is not started again.
const MAX_START_FAILURES = 3;

/**
 * Starts a guard thread. From compiled JavaScript it is `guard-thread.js` beside this file; from
 * TypeScript sources (tests, `tsx`) the thread first registers tsx's loader, a dev dependency
 * that is only there when the sources are.
 */
function startWorker(settings: GuardSettings): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./guard-thread.js', import.meta.url), { workerData: settings });
  // The ESM entry of `tsx/esm/api`, as tsx's package.json declares it (resolve() gives the CommonJS one).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  const entry = new URL('./guard-thread.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData: settings });
}

function inspected<T>(m: InspectedMessage): InspectedChat<T> {
  return {
    body: JSON.parse(m.bodyJson) as T,
    bodyJson: m.bodyJson,
    vault: replayVault(m.vault),
    findings: m.findings,
    promptValues: m.promptValues,
    detections: m.detections,
    blocked: m.blocked === undefined ? undefined : new BulwarkError(m.blocked.code as ErrorCode, m.blocked.message),
    canary: m.canary,
  };
}

/**
 * Worker threads that each hold the same guard and policies as the main thread (built from the
 * same {@link GuardSettings}) and inspect chat bodies sent to them. The main thread posts the
 * parsed body and gets back the cleaned body, the vault's values, counts and detections; the
 * answer is restored on the main thread. Threads start in the background on the first call and
 * are used once ready; a thread that fails hands its queued inspections back to the caller (`undefined`) and
 * is restarted.
 */
export function createGuardThreads(settings: GuardSettings, options: GuardThreadsOptions): GuardThreads {
  const maxPending = Math.max(1, options.maxPending ?? 64);
  const threads: Thread[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;
  let offloaded = 0;

  const start = (): void => {
    if (closed || startFailures >= MAX_START_FAILURES) return;
    let worker: Worker;
    try {
      worker = startWorker(settings);
    } catch (err) {
      startFailures++;
      options.onError?.(err);
      return;
    }
    worker.unref();
    const thread: Thread = { worker, ready: false, pending: new Map(), outbox: [] };
    threads.push(thread);
    const fail = (err: unknown): void => {
      const at = threads.indexOf(thread);
      if (at < 0) return;
      threads.splice(at, 1);
      if (!thread.ready) startFailures++;
      for (const p of thread.pending.values()) p.resolve(undefined);
      thread.pending.clear();
      if (closed) return;
      options.onError?.(err);
      void worker.terminate();
      start();
    };
    worker.on('message', (m: GuardThreadReply) => {
      if ('ready' in m) {
        thread.ready = true;
        startFailures = 0;
        return;
      }
      for (const r of m.batch) {
        const p = thread.pending.get(r.id);
        if (p === undefined) continue;
        thread.pending.delete(r.id);
        if ('error' in r) {
          // A catalogue error is the request's own outcome (the same as inline); anything else is
          // a fault of the thread's: the caller inspects the body itself.
          if (r.error.code === undefined) p.resolve(undefined);
          else p.reject(new BulwarkError(r.error.code as ErrorCode, r.error.message));
        } else p.resolve(r);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`guard thread exited with code ${code}`)));
  };

  const flush = (thread: Thread): void => {
    const batch = thread.outbox;
    thread.outbox = [];
    if (!threads.includes(thread)) return; // failed meanwhile: its pending were handed back
    try {
      thread.worker.postMessage({ batch } satisfies InspectBatch);
    } catch {
      // A body cannot be cloned (they come from JSON, so they always can): inspect them here.
      for (const m of batch) {
        thread.pending.get(m.id)?.resolve(undefined);
        thread.pending.delete(m.id);
      }
    }
  };

  // Started on the first call, not at once: a gateway that never gets concurrent requests (a
  // test, a single client) never pays for a thread's copy of the detectors.
  let started = false;

  return {
    get ready() {
      return threads.filter((t) => t.ready).length;
    },
    get offloaded() {
      return offloaded;
    },
    async inspectChat<T>(body: T, policy: string, source?: BodySource) {
      if (!started) {
        started = true;
        for (let i = 0; i < options.threads; i++) start();
      }
      let best: Thread | undefined;
      for (const t of threads) if (t.ready && t.pending.size < maxPending && (best === undefined || t.pending.size < best.pending.size)) best = t;
      if (best === undefined) return undefined;
      const id = nextId++;
      const thread = best;
      const reply = new Promise<InspectedMessage | undefined>((resolve, reject) => thread.pending.set(id, { resolve, reject }));
      // Posted when this turn of the event loop ends, with the other requests that came in it.
      const overrides = source === undefined ? undefined : overridesOf(body, source.parsed);
      const message: InspectMessage = overrides === undefined ? { id, policy, body } : { id, policy, text: source!.text, overrides };
      if (thread.outbox.push(message) === 1) setImmediate(flush, thread);
      const m = await reply;
      if (m === undefined) return undefined;
      offloaded++;
      return inspected<T>(m);
    },
    async close() {
      closed = true;
      const stopping = threads.splice(0).map((t) => {
        for (const p of t.pending.values()) p.resolve(undefined);
        return t.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}
